"""Who has signed, ratified or acceded to a treaty, on any date.

The public API of :mod:`migrant_convention`.  Everything named here is stable
(Semantic Versioning); modules whose names start with ``_`` are private.

The package is grouped by role (see ``docs/explanation/architecture.md``):
:mod:`~migrant_convention.core` (the treaty's law: dates, acts, rules,
records, the universe, status and counts), :mod:`~migrant_convention.campaigns`
(events, campaigns, calendars), :mod:`~migrant_convention.places` (regions,
groupings, names), :mod:`~migrant_convention.formats` (JSON, CSV, UN tables,
tidy rows, iCalendar), :mod:`~migrant_convention.data` (the bundled
datasets), :mod:`~migrant_convention.testing` (checks, recount, Hypothesis
strategies) and :mod:`~migrant_convention.cli`.  The module paths of 0.1
(``migrant_convention.status``, ``migrant_convention.serialize``, …) still
import, as aliases of the modules that now hold their names.

>>> from datetime import date
>>> import migrant_convention as mc
>>> c = mc.counts(mc.data.icrmw(), mc.data.states(), date(2014, 12, 18))
>>> print(c.parties, c.signatories, c.no_action)
47 19 131
"""

from __future__ import annotations

import importlib as _importlib
import os as _os
import sys as _sys
import types as _types
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

# 0.1's module paths (``migrant_convention.treaty``, ``.serialize``, …) are
# one-line aliases in ``_compat/``, found through the package's search path;
# they keep the top of the package to its roles.
__path__.append(_os.path.join(_os.path.dirname(__file__), "_compat"))

if _TYPE_CHECKING:  # for type checkers; at run time names are imported on first use
    from . import data
    from .campaigns.events import (
        Event,
        EventKind,
        LeapDay,
        Recurrence,
        event_timeline,
        merge_events,
        occurrences,
        treaty_events,
    )
    from .campaigns.instruments import SideBySide, side_by_side
    from .campaigns.progress import (
        Campaign,
        Change,
        Measure,
        Progress,
        Target,
        TargetOutcome,
        campaign_progress,
        progress,
    )
    from .campaigns.upcoming import anniversaries, upcoming
    from .core.acts import Act, ActKind
    from .core.dates import PartialDate, Precision, Resolve
    from .core.participants import Participant, ParticipantKind
    from .core.record import TreatyRecord
    from .core.rules import DenunciationWindows, LaterFrom, SubjectTo
    from .core.status import (
        CountColumns,
        bound_by,
        count_columns,
        count_series,
        counts,
        declarations,
        entry_into_force,
        entry_into_force_for,
        participants_with_status,
        status,
        statuses,
        timeline,
    )
    from .core.status_types import Counts, Status
    from .core.treaty import (
        Alignment,
        Delay,
        DenunciationRule,
        EntryIntoForceRule,
        Rules,
        StatedDate,
        Treaty,
    )
    from .core.universe import Basis, Membership, Universe
    from .core.validate import validate_record
    from .data import campaign_events as event_data
    from .errors import (
        InvalidDateError,
        MigrantConventionError,
        NotInUniverseError,
        Problem,
        UndecidableError,
        UnknownParticipantError,
        UnknownRuleError,
        UnknownTreatyError,
        UnsupportedFormatError,
        ValidationError,
    )
    from .formats import serialize, tidy, untc
    from .formats.event_csv import read_events, write_events
    from .formats.ical import to_ical
    from .places.groupings import (
        Assignment,
        Breakdown,
        GroupCounts,
        Grouping,
        UnknownGroupingError,
        breakdown,
        breakdown_series,
        grouping,
    )
    from .places.names import UnknownLanguageError, state_name

# Where each public name lives.  ``import migrant_convention`` imports none of
# them: a name's module is imported the first time the name is used (PEP 562),
# so that a program pays only for what it uses.
_LAZY: dict[str, str] = {
    "anniversaries": ".campaigns.upcoming",
    "side_by_side": ".campaigns.instruments",
    "SideBySide": ".campaigns.instruments",
    "bound_by": ".core.status",
    "count_columns": ".core.status",
    "count_series": ".core.status",
    "CountColumns": ".core.status",
    "counts": ".core.status",
    "declarations": ".core.status",
    "entry_into_force": ".core.status",
    "entry_into_force_for": ".core.status",
    "participants_with_status": ".core.status",
    "status": ".core.status",
    "statuses": ".core.status",
    "timeline": ".core.status",
    "upcoming": ".campaigns.upcoming",
    "Act": ".core.acts",
    "ActKind": ".core.acts",
    "Alignment": ".core.treaty",
    "Assignment": ".places.groupings",
    "Basis": ".core.universe",
    "Breakdown": ".places.groupings",
    "Campaign": ".campaigns.progress",
    "Change": ".campaigns.progress",
    "Counts": ".core.status_types",
    "Delay": ".core.treaty",
    "DenunciationRule": ".core.treaty",
    "DenunciationWindows": ".core.rules",
    "EntryIntoForceRule": ".core.treaty",
    "Event": ".campaigns.events",
    "EventKind": ".campaigns.events",
    "GroupCounts": ".places.groupings",
    "Grouping": ".places.groupings",
    "InvalidDateError": ".errors",
    "LaterFrom": ".core.rules",
    "LeapDay": ".campaigns.events",
    "Measure": ".campaigns.progress",
    "Membership": ".core.universe",
    "MigrantConventionError": ".errors",
    "NotInUniverseError": ".errors",
    "PartialDate": ".core.dates",
    "Participant": ".core.participants",
    "ParticipantKind": ".core.participants",
    "Precision": ".core.dates",
    "Problem": ".errors",
    "Progress": ".campaigns.progress",
    "Recurrence": ".campaigns.events",
    "Resolve": ".core.dates",
    "Rules": ".core.treaty",
    "StatedDate": ".core.treaty",
    "SubjectTo": ".core.rules",
    "Status": ".core.status_types",
    "Target": ".campaigns.progress",
    "TargetOutcome": ".campaigns.progress",
    "Treaty": ".core.treaty",
    "TreatyRecord": ".core.record",
    "UndecidableError": ".errors",
    "Universe": ".core.universe",
    "UnknownGroupingError": ".places.groupings",
    "UnknownLanguageError": ".places.names",
    "UnknownParticipantError": ".errors",
    "UnknownRuleError": ".errors",
    "UnknownTreatyError": ".errors",
    "UnsupportedFormatError": ".errors",
    "ValidationError": ".errors",
    "breakdown": ".places.groupings",
    "breakdown_series": ".places.groupings",
    "campaign_progress": ".campaigns.progress",
    "data": ".data",
    "event_data": ".data.campaign_events",
    "event_timeline": ".campaigns.events",
    "grouping": ".places.groupings",
    "merge_events": ".campaigns.events",
    "occurrences": ".campaigns.events",
    "progress": ".campaigns.progress",
    "read_events": ".formats.event_csv",
    "serialize": ".formats.serialize",
    "state_name": ".places.names",
    "tidy": ".formats.tidy",
    "to_ical": ".formats.ical",
    "treaty_events": ".campaigns.events",
    "untc": ".formats.untc",
    "validate_record": ".core.validate",
    "write_events": ".formats.event_csv",
}


# Public names that are modules, not names defined in a module.
_MODULES = frozenset({"data", "event_data", "serialize", "tidy", "untc"})


# Subpackages, and 0.1's module paths (aliases in ``_compat/``): modules that
# ``migrant_convention.X`` gives once imported, as an attribute would.
_SUBMODULES = frozenset({
    "campaigns", "cli", "core", "formats", "places", "testing",
    *(name[:-3] for name in _os.listdir(__path__[-1]) if name.endswith(".py")),
})


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        if name in _SUBMODULES:
            return _importlib.import_module("." + name, __name__)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = _importlib.import_module(module, __name__)
    if name not in _MODULES:
        value = getattr(value, name)
    globals()[name] = value  # later look-ups do not come back here
    return value


def __dir__() -> list[str]:
    # The public names and the subpackages; not what the module imports for
    # itself (``annotations``, ``importlib``…).
    return sorted({*__all__, "campaigns", "cli", "core", "formats", "places", "testing"})


class _Package(_types.ModuleType):
    """The package's own module type: importing a module whose name is also a
    public function's (``import migrant_convention.core.status``) must not replace
    the function ``migrant_convention.core.status`` with the module, which is what
    the import system does to a package's attribute after importing a
    submodule."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, _types.ModuleType) and name in _FUNCTIONS_NAMED_LIKE_MODULES:
            return
        super().__setattr__(name, value)


_FUNCTIONS_NAMED_LIKE_MODULES = frozenset({"status", "upcoming"})
_sys.modules[__name__].__class__ = _Package


def _bundled_states() -> object:
    return _importlib.import_module(".data", __name__).states()


def _bundled_final_clauses() -> object:
    return _importlib.import_module(".data.final_clauses", __name__).treaties()


# Lower layers (places.names: a State's name on a date; formats.untc: the
# final clauses of a table's treaty) ask for bundled data through
# _bundled.load; the data layer parses it.  Say so here, where both are
# known, so that it works whichever is imported first.
_importlib.import_module("._bundled", __name__).provide("states", _bundled_states)
_importlib.import_module("._bundled", __name__).provide("final_clauses", _bundled_final_clauses)


__version__ = "0.1.0"

__all__ = [
    "Act",
    "ActKind",
    "Alignment",
    "Assignment",
    "Basis",
    "Breakdown",
    "Campaign",
    "Change",
    "CountColumns",
    "Counts",
    "Delay",
    "DenunciationRule",
    "DenunciationWindows",
    "EntryIntoForceRule",
    "Event",
    "EventKind",
    "GroupCounts",
    "Grouping",
    "InvalidDateError",
    "LaterFrom",
    "LeapDay",
    "Measure",
    "Membership",
    "MigrantConventionError",
    "NotInUniverseError",
    "PartialDate",
    "Participant",
    "ParticipantKind",
    "Precision",
    "Problem",
    "Progress",
    "Recurrence",
    "Resolve",
    "Rules",
    "SideBySide",
    "StatedDate",
    "Status",
    "SubjectTo",
    "Target",
    "TargetOutcome",
    "Treaty",
    "TreatyRecord",
    "UndecidableError",
    "Universe",
    "UnknownGroupingError",
    "UnknownLanguageError",
    "UnknownParticipantError",
    "UnknownRuleError",
    "UnknownTreatyError",
    "UnsupportedFormatError",
    "ValidationError",
    "__version__",
    "anniversaries",
    "bound_by",
    "breakdown",
    "breakdown_series",
    "campaign_progress",
    "count_columns",
    "count_series",
    "counts",
    "data",
    "declarations",
    "entry_into_force",
    "entry_into_force_for",
    "event_data",
    "event_timeline",
    "grouping",
    "merge_events",
    "occurrences",
    "participants_with_status",
    "progress",
    "read_events",
    "serialize",
    "side_by_side",
    "state_name",
    "status",
    "statuses",
    "tidy",
    "timeline",
    "to_ical",
    "treaty_events",
    "untc",
    "upcoming",
    "validate_record",
    "write_events",
]


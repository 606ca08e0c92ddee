"""Who has signed, ratified or acceded to a treaty, on any date.

The public API of :mod:`migrant_convention`.  Everything named here is stable
(Semantic Versioning); modules whose names start with ``_`` are private.

>>> from datetime import date
>>> import migrant_convention as mc
>>> c = mc.counts(mc.data.icrmw(), mc.data.states(), date(2014, 12, 18))
>>> print(c.parties, c.signatories, c.no_action)
47 19 131
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

# Names that are also the names of their modules are imported now: importing
# the module later (from anywhere) would rebind the package attribute to it.
from .status import (
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
from .upcoming import anniversaries, upcoming

if _TYPE_CHECKING:  # for type checkers; at run time names are imported on first use
    from . import data, event_data, serialize, tidy, untc
    from .acts import Act, ActKind
    from .campaigns import (
        Campaign,
        Change,
        Measure,
        Progress,
        Target,
        TargetOutcome,
        campaign_progress,
        progress,
    )
    from .dates import PartialDate, Precision, Resolve
    from .errors import (
        InvalidDateError,
        MigrantConventionError,
        NotInUniverseError,
        Problem,
        UndecidableError,
        UnknownParticipantError,
        UnknownRuleError,
        UnsupportedFormatError,
        ValidationError,
    )
    from .event_csv import read_events, write_events
    from .events import (
        Event,
        EventKind,
        LeapDay,
        Recurrence,
        event_timeline,
        merge_events,
        occurrences,
        treaty_events,
    )
    from .groupings import (
        Assignment,
        Breakdown,
        GroupCounts,
        Grouping,
        UnknownGroupingError,
        breakdown,
        breakdown_series,
        grouping,
    )
    from .ical import to_ical
    from .names import UnknownLanguageError, state_name
    from .participants import Participant, ParticipantKind
    from .record import TreatyRecord
    from .status import (
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
    from .status_types import Counts, Status
    from .treaty import Alignment, Delay, DenunciationRule, EntryIntoForceRule, Rules, Treaty
    from .universe import Basis, Membership, Universe
    from .upcoming import anniversaries, upcoming
    from .validate import validate_record

# Where each public name lives.  ``import migrant_convention`` imports none of
# them: a name's module is imported the first time the name is used (PEP 562),
# so that a program pays only for what it uses.
_LAZY: dict[str, str] = {
    "Act": ".acts",
    "ActKind": ".acts",
    "Alignment": ".treaty",
    "Assignment": ".groupings",
    "Basis": ".universe",
    "Breakdown": ".groupings",
    "Campaign": ".campaigns",
    "Change": ".campaigns",
    "Counts": ".status_types",
    "Delay": ".treaty",
    "DenunciationRule": ".treaty",
    "EntryIntoForceRule": ".treaty",
    "Event": ".events",
    "EventKind": ".events",
    "GroupCounts": ".groupings",
    "Grouping": ".groupings",
    "InvalidDateError": ".errors",
    "LeapDay": ".events",
    "Measure": ".campaigns",
    "Membership": ".universe",
    "MigrantConventionError": ".errors",
    "NotInUniverseError": ".errors",
    "PartialDate": ".dates",
    "Participant": ".participants",
    "ParticipantKind": ".participants",
    "Precision": ".dates",
    "Problem": ".errors",
    "Progress": ".campaigns",
    "Recurrence": ".events",
    "Resolve": ".dates",
    "Rules": ".treaty",
    "Status": ".status_types",
    "Target": ".campaigns",
    "TargetOutcome": ".campaigns",
    "Treaty": ".treaty",
    "TreatyRecord": ".record",
    "UndecidableError": ".errors",
    "Universe": ".universe",
    "UnknownGroupingError": ".groupings",
    "UnknownLanguageError": ".names",
    "UnknownParticipantError": ".errors",
    "UnknownRuleError": ".errors",
    "UnsupportedFormatError": ".errors",
    "ValidationError": ".errors",
    "breakdown": ".groupings",
    "breakdown_series": ".groupings",
    "campaign_progress": ".campaigns",
    "data": ".data",
    "event_data": ".event_data",
    "event_timeline": ".events",
    "grouping": ".groupings",
    "merge_events": ".events",
    "occurrences": ".events",
    "progress": ".campaigns",
    "read_events": ".event_csv",
    "serialize": ".serialize",
    "state_name": ".names",
    "tidy": ".tidy",
    "to_ical": ".ical",
    "treaty_events": ".events",
    "untc": ".untc",
    "validate_record": ".validate",
    "write_events": ".event_csv",
}


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = importlib.import_module(module, __name__)
    if module != "." + name:
        value = getattr(value, name)
    globals()[name] = value  # later look-ups do not come back here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
    "Counts",
    "Delay",
    "DenunciationRule",
    "EntryIntoForceRule",
    "Event",
    "EventKind",
    "GroupCounts",
    "Grouping",
    "InvalidDateError",
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
    "Status",
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
    "UnsupportedFormatError",
    "ValidationError",
    "__version__",
    "anniversaries",
    "breakdown",
    "breakdown_series",
    "campaign_progress",
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

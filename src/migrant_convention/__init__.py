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

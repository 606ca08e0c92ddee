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

from . import data, serialize, tidy, untc
from .acts import Act, ActKind
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
from .validate import validate_record

__version__ = "0.1.0"

__all__ = [
    "Act",
    "ActKind",
    "Alignment",
    "Basis",
    "Counts",
    "Delay",
    "DenunciationRule",
    "EntryIntoForceRule",
    "InvalidDateError",
    "Membership",
    "MigrantConventionError",
    "NotInUniverseError",
    "PartialDate",
    "Participant",
    "ParticipantKind",
    "Precision",
    "Problem",
    "Resolve",
    "Rules",
    "Status",
    "Treaty",
    "TreatyRecord",
    "UndecidableError",
    "Universe",
    "UnknownParticipantError",
    "UnsupportedFormatError",
    "ValidationError",
    "__version__",
    "count_series",
    "counts",
    "data",
    "declarations",
    "entry_into_force",
    "entry_into_force_for",
    "participants_with_status",
    "serialize",
    "status",
    "statuses",
    "tidy",
    "timeline",
    "untc",
    "validate_record",
]

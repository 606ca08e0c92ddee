"""Hypothesis strategies for property-based tests of code that uses this library.

Install the extra (``pip install migrant_convention[hypothesis]``) and use the
functions here, or simply ``st.from_type(TreatyRecord)`` (and the other public
classes): the library registers these strategies with Hypothesis through its
``hypothesis`` entry point, so nothing needs to be imported first.

Every strategy validates its arguments when it is called (not when it is
drawn from), raising :class:`hypothesis.errors.InvalidArgument`, and
everything it generates passes the library's own validation
(:func:`~migrant_convention.core.validate.validate_record`).  Each docstring says
what the strategy generates and what its examples shrink towards.

>>> from hypothesis import given
>>> from migrant_convention import validate_record
>>> @given(records_with_universes(max_participants=3))
... def test_valid(pair):
...     record, universe = pair
...     validate_record(record, universe)
>>> test_valid()

:func:`events` and :func:`campaigns` generate curated events (one-off or
recurring observances, with partial and uncertain dates, of every
:class:`~migrant_convention.campaigns.events.EventKind`) and ratification campaigns
(a window, the treaties promoted, targets and events around the window).
Their constructors accept every example; an event whose recurrence has no
last year or leap-day rule round-trips through the events CSV layout:

>>> from migrant_convention.formats.event_csv import read_events, write_events
>>> @given(events(recurring=False))
... def test_csv(event):
...     assert read_events(write_events([event])) == (event,)
>>> test_csv()
"""

from __future__ import annotations

# One private module per concept: _dates, _participants (and single acts),
# _treaties (delays and final clauses), _universes, _records (built on
# _histories, which asks a treaty's rules for every date of the law) and
# _events (events and campaigns); _args and _vocabulary serve them all.
from . import _dates
from ._dates import dates, partial_dates
from ._events import campaigns, events
from ._participants import acts, participants
from ._records import records_with_universes, treaty_records
from ._treaties import delays, treaties
from ._universes import universes

#: The earliest day generated unless you say otherwise (the UN Charter's year).
DEFAULT_MIN_DATE = _dates.DEFAULT_MIN_DATE
#: The latest day generated unless you say otherwise.
DEFAULT_MAX_DATE = _dates.DEFAULT_MAX_DATE

__all__ = [
    "DEFAULT_MAX_DATE",
    "DEFAULT_MIN_DATE",
    "acts",
    "campaigns",
    "dates",
    "delays",
    "events",
    "partial_dates",
    "participants",
    "records_with_universes",
    "treaties",
    "treaty_records",
    "universes",
]

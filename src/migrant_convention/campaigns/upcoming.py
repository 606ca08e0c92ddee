"""A calendar of upcoming events, on any date.

:func:`upcoming` lists what falls within a horizon after a given day: curated
events, each yearly occurrence of a recurring observance, and the
anniversaries of each treaty's adoption and entry into force.

>>> from datetime import date
>>> from migrant_convention import data, event_data
>>> for e in upcoming(event_data.events(), date(2015, 6, 10), days=10,
...                   records=[data.icrmw()]):
...     print(e.start, e.kind.value, "|", e.title)
2015-06-16 campaign_launch | #OurHands official launch on International Domestic Workers Day
2015-06-16 observance | International Domestic Workers Day
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ..core.dates import PartialDate
from ..core.record import TreatyRecord
from ..core.status import entry_into_force
from ..errors import Problem, ValidationError
from .events import Event, EventKind, merge_events, occurrences, ordinal

__all__ = ["anniversaries", "upcoming"]


def anniversaries(record: TreatyRecord, start: date, end: date) -> tuple[Event, ...]:
    """The anniversaries of the treaty's adoption and entry into force that
    fall between *start* and *end* (inclusive).

    An anniversary of 29 February is kept on 28 February in a common year.

    >>> from migrant_convention import data
    >>> for e in anniversaries(data.icrmw(), date(2015, 1, 1), date(2015, 12, 31)):
    ...     print(e.start, e.title)
    2015-07-01 12th anniversary of the entry into force of the ICRMW
    2015-12-18 25th anniversary of the adoption of the ICRMW
    """
    t = record.treaty
    bases = [("adoption", t.adopted)]
    in_force = entry_into_force(record)
    if in_force is not None:
        bases.append(("entry into force", in_force))
    out = []
    for what, base in bases:
        for year in range(max(start.year, base.year + 1), end.year + 1):
            try:
                day = base.replace(year=year)
            except ValueError:  # 29 February in a common year
                day = date(year, 2, 28)
            if start <= day <= end:
                out.append(Event(
                    f"{ordinal(year - base.year)} anniversary of the {what} of the "
                    f"{t.short_name}", EventKind.ANNIVERSARY, PartialDate.day(day),
                    description=f"{t.title}: {what} on {base.isoformat()}.",
                    sources=record.sources, treaty=t.id))
    return tuple(sorted(out, key=Event.sort_key))


def upcoming(
    events: Iterable[Event],
    on: date,
    *,
    days: int = 30,
    records: Iterable[TreatyRecord] = (),
) -> tuple[Event, ...]:
    """Events from *on* to *days* days later (both included), in order.

    An event that is under way on *on* (it started earlier and ends later) is
    included, as is one with an imprecise date that *may* fall in the horizon
    (a month-only date is shown as written).  Recurring observances are
    expanded into their occurrences; for each record, the anniversaries of its
    treaty's adoption and entry into force are added, unless a curated event
    already marks the same anniversary.

    :raises ValidationError: if *days* is negative.
    """
    if days < 0:
        raise ValidationError("invalid horizon", [Problem(
            "days", days, "the horizon is a number of days, not negative", "bad-value")])
    try:
        end = on + timedelta(days=days)
    except OverflowError:
        raise ValidationError("invalid horizon", [Problem(
            "days", days, f"{days} days after {on} is past the year 9999", "bad-value",
        )]) from None
    records = tuple(records)
    expanded = [o for e in events for o in occurrences(e, on, end)]
    derived = [a for r in records for a in anniversaries(r, on, end)]
    return merge_events(expanded, derived, records)

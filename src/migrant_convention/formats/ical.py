"""Export events as an iCalendar file (RFC 5545), written by the library itself.

Every event is an all-day ``VEVENT`` (``DTSTART;VALUE=DATE``, with ``DTEND``
the day *after* the last day, as RFC 5545 wants).  A recurring observance is
one ``VEVENT`` with an ``RRULE`` (``FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=18``),
never a list of occurrences.  ``UID`` values are stable: the same event gets
the same one in every export, so a subscribed calendar updates rather than
duplicates.

Dates not known to the day.  iCalendar has no notion of them, so a date known
only to the month (or year) becomes an all-day span over the whole month (or
year), and the description starts with the date as written and its precision
("Date known only to the month: 2003-03").  A date known only as "on or
before" a day is placed on that day, and says so.  A date flagged uncertain
(``?``) makes the event ``STATUS:TENTATIVE``.  The date as written is also
kept in the property ``X-MIGRANT-CONVENTION-DATE``.

Lines end with CRLF and are folded at 75 octets without splitting a UTF-8
character; text is escaped (``\\\\``, ``\\;``, ``\\,``, ``\\n``).

>>> from datetime import datetime, timezone
>>> from migrant_convention.campaigns.events import Event, EventKind, Recurrence
>>> from migrant_convention.core.dates import PartialDate
>>> imd = Event("International Migrants Day", EventKind.OBSERVANCE,
...             PartialDate.parse("2000-12-18"), recurrence=Recurrence(12, 18))
>>> text = to_ical([imd], stamp=datetime(2025, 12, 31, tzinfo=timezone.utc))
>>> [line for line in text.split("\\r\\n") if line.startswith(("DTSTART", "RRULE"))]
['DTSTART;VALUE=DATE:20001218', 'RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=18']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from ..campaigns.events import Event, LeapDay, Recurrence
from ..core.dates import PartialDate, Precision
from ..errors import Problem, ValidationError

__all__ = ["escape_text", "fold_line", "rrule", "to_ical"]

PRODID = "-//migrant_convention//Campaign events//EN"


def escape_text(value: str) -> str:
    r"""Escape a TEXT value (RFC 5545, 3.3.11).

    >>> escape_text("a, b; c\\d\ne")
    'a\\, b\\; c\\\\d\\ne'
    """
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold_line(line: str, limit: int = 75) -> str:
    """Fold a content line into pieces of at most *limit* octets (RFC 5545, 3.1).

    Continuation lines start with one space; a UTF-8 character is never split.

    >>> fold_line("X:" + "a" * 80).split("\\r\\n")[1]
    ' aaaaaaa'
    """
    pieces: list[str] = []
    current, size = "", 0
    budget = limit
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > budget:
            pieces.append(current)
            current, size = "", 0
            budget = limit - 1  # the leading space counts
        current += ch
        size += n
    pieces.append(current)
    return "\r\n ".join(pieces)


def rrule(recurrence: Recurrence) -> str:
    """The RRULE value for a yearly recurrence.

    >>> rrule(Recurrence(2, 29, leap_day=LeapDay.LAST_OF_FEBRUARY, until=2030))
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;UNTIL=20301231'
    """
    day = recurrence.day
    if (recurrence.month, day) == (2, 29) and recurrence.leap_day is LeapDay.LAST_OF_FEBRUARY:
        day = -1  # the last day of February: the 29th in leap years, else the 28th
    rule = f"FREQ=YEARLY;BYMONTH={recurrence.month};BYMONTHDAY={day}"
    if recurrence.until is not None:
        rule += f";UNTIL={recurrence.until:04d}1231"
    return rule


def _day(d: date) -> str:
    return d.strftime("%Y%m%d")


def _span(start: PartialDate, end: PartialDate | None) -> tuple[date, date]:
    first = start.latest if start.precision is Precision.ON_OR_BEFORE else start.earliest
    last = (end or start).latest
    if last == date.max:
        # DTEND is exclusive: the day after 9999-12-31 cannot be written.
        raise ValidationError("cannot write iCalendar", [Problem(
            "event, field 'end'", str(end or start),
            "an all-day event cannot end on 9999-12-31 in iCalendar", "bad-range")])
    return first, last + timedelta(days=1)


_PRECISION_NOTE = {
    Precision.MONTH: "known only to the month",
    Precision.YEAR: "known only to the year",
    Precision.ON_OR_BEFORE: "known only as on or before that day",
}


def _date_notes(event: Event) -> list[str]:
    notes = []
    for label, d in (("Date", event.start), ("End date", event.end)):
        if d is None:
            continue
        if d.precision in _PRECISION_NOTE:
            notes.append(f"{label} {_PRECISION_NOTE[d.precision]}: {d}.")
        if d.uncertain:
            notes.append(f"{label} {d} is uncertain (one source only).")
    return notes


def _vevent(event: Event, stamp: str) -> list[str]:
    first, after = _span(event.start, event.end)
    description = [*_date_notes(event)]
    if event.recurrence is not None:
        description.append(f"Recurs {event.recurrence.describe()} since {event.start}.")
    if event.description:
        description.append(event.description)
    if event.organisers:
        description.append("Organisers: " + "; ".join(event.organisers) + ".")
    if event.sources:
        description.append("Sources: " + " | ".join(event.sources))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(first)}",
        f"DTEND;VALUE=DATE:{_day(after)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"CATEGORIES:{escape_text(event.kind.value)}",
        "TRANSP:TRANSPARENT",
        f"X-MIGRANT-CONVENTION-DATE:{escape_text(event.when)}",
    ]
    if event.recurrence is not None:
        lines.append(f"RRULE:{rrule(event.recurrence)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(chr(10).join(description))}")
    if event.start.uncertain or (event.end is not None and event.end.uncertain):
        lines.append("STATUS:TENTATIVE")
    urls = [s.split()[0] for s in event.sources if s.startswith(("http://", "https://"))]
    if urls:
        lines.append(f"URL:{urls[0]}")
    lines.append("END:VEVENT")
    return lines


def to_ical(events: Iterable[Event], *, stamp: datetime | date,
            name: str = "Migrant workers: events") -> str:
    """An iCalendar document holding *events*.

    :param stamp: the ``DTSTAMP`` of every event — when the data were current
        (e.g. the dataset's "as of" date), so the same data always give the
        same file.  A naive value is taken as UTC; a date as its midnight UTC.
    :param name: the calendar's name (``X-WR-CALNAME``).
    """
    if not isinstance(stamp, datetime):
        stamp = datetime(stamp.year, stamp.month, stamp.day, tzinfo=UTC)
    elif stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    text_stamp = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    seen: set[str] = set()
    for event in events:
        if event.uid in seen:  # one VEVENT per UID, as RFC 5545 requires
            continue
        seen.add(event.uid)
        lines.extend(_vevent(event, text_stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)

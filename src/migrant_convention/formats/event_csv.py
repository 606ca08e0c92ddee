"""Read and write events as CSV.

The layout is that of the project's ``campaign_events.csv``::

    date,end_date,title,kind,organisers,location,description,sources

* ``date`` and ``end_date`` use the EDTF subset of
  :class:`~migrant_convention.core.dates.PartialDate` (``2003-03`` stays a month);
* ``kind`` is an :class:`~migrant_convention.campaigns.events.EventKind` value;
* ``organisers`` are separated by ``"; "`` (a ``;`` inside parentheses is
  part of one organiser's description), ``sources`` by ``" | "``;
* an observance whose title ends ``(recurs every 18 December)`` is one
  recurring event whose first occurrence is ``date``.  Only that explicit
  marker makes a row recur: a row that merely says an event was "repeated
  annually" stays the one-off event it records.

Reading reports every problem of every row at once in a
:class:`~migrant_convention.errors.ValidationError` (the first 1,000, then how
many more there were), naming the file, row and field and the bad value
(``row N`` is the row that starts on line N); a column the layout does not
have is reported, as by :mod:`~migrant_convention.formats.csvio`.

Writing is spreadsheet-safe as :mod:`~migrant_convention.formats.csvio`'s is:
a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a
carriage return, unless it is a plain number) or with ``'`` is written with a
``'`` before it, and reading removes one leading ``'`` from every cell (see
:mod:`migrant_convention._rows`).  Writing what was read gives back the same
rows.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from .._rows import Problems, read_rows, write_rows
from ..campaigns.events import Event, EventKind, Recurrence, parse_kind
from ..core.dates import PartialDate, Precision
from ..errors import InvalidDateError, Problem, raise_if_problems

__all__ = ["EVENT_COLUMNS", "read_events", "split_organisers", "write_events"]

EVENT_COLUMNS = (
    "date", "end_date", "title", "kind", "organisers", "location", "description", "sources",
)
_SOURCES = " | "
_ORGANISERS = "; "
_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
_RECURS = re.compile(r"^(?P<title>.*\S) \(recurs every (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)\)$")


def split_organisers(text: str) -> tuple[str, ...]:
    """Split an organisers cell on ``"; "`` outside parentheses.

    >>> split_organisers("MFA (lead; convenor); OHCHR")
    ('MFA (lead; convenor)', 'OHCHR')
    """
    out: list[str] = []
    depth, current = 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and text.startswith(_ORGANISERS, i):
            out.append(current)
            current = ""
            i += len(_ORGANISERS)
            continue
        current += ch
        i += 1
    if current or out:
        out.append(current)
    return tuple(out)


def _date(row: dict[str, str], field: str, where: str, problems: list[Problem]
          ) -> PartialDate | None:
    try:
        return PartialDate.parse(row[field])
    except InvalidDateError as exc:
        problems.append(Problem(f"{where}, field '{field}'", row[field],
                                exc.reason or "malformed date", "bad-date"))
        return None


def read_events(text: str, source: str = "<events>") -> tuple[Event, ...]:
    """Parse an events CSV, in the order of its rows.

    :param source: the file name, used in error messages.
    :raises ValidationError: listing every bad cell (file, row, field, value).
    """
    problems = Problems(source)
    events: list[Event] = []
    for read in read_rows(text, source, problems, required=EVENT_COLUMNS, unescape=True,
                          multiline=("description",)):
        where, row = read.where, read.cells
        before = problems.found
        start = _date(row, "date", where, problems)
        end = _date(row, "end_date", where, problems) if row["end_date"].strip() else None
        title = row["title"].strip()
        if not title:
            problems.append(Problem(f"{where}, field 'title'", row["title"],
                                    "a title is required", "missing-value"))
        try:
            kind = parse_kind(row["kind"])
        except ValueError as exc:
            problems.append(Problem(f"{where}, field 'kind'", row["kind"], str(exc),
                                    "unknown-kind"))
            kind = None
        if not row["sources"].strip():
            problems.append(Problem(f"{where}, field 'sources'", row["sources"],
                                    "every event needs a source", "missing-source"))
        if start is not None and end is not None and end.latest < start.earliest:
            problems.append(Problem(f"{where}, field 'end_date'", row["end_date"],
                                    f"ends before it starts ({start})", "bad-range"))
        recurrence = None
        match = _RECURS.match(title)
        if match is not None:
            title = match["title"]
            month = _MONTHS.get(match["month"])
            day = int(match["day"])
            try:
                recurrence = Recurrence(month or 0, day)
            except ValueError as exc:
                problems.append(Problem(f"{where}, field 'title'", row["title"], str(exc),
                                        "bad-recurrence"))
            if recurrence is not None and start is not None and (
                start.precision is not Precision.DAY
                or (start.latest.month, start.latest.day) != (recurrence.month, recurrence.day)
            ):
                problems.append(Problem(f"{where}, field 'date'", row["date"],
                                        f"the first occurrence must fall "
                                        f"{recurrence.describe()}", "bad-recurrence"))
            if kind is not None and kind is not EventKind.OBSERVANCE:
                problems.append(Problem(f"{where}, field 'kind'", row["kind"],
                                        "only an observance recurs", "bad-recurrence"))
        if problems.found > before or start is None or kind is None or not read.complete:
            continue
        events.append(Event(
            title, kind, start, end, row["location"], split_organisers(row["organisers"]),
            row["description"], tuple(row["sources"].split(_SOURCES)), recurrence,
        ))
    raise_if_problems(f"invalid events in {source}", problems.listed())
    return tuple(events)


def write_events(events: Iterable[Event]) -> str:
    """Write events in the layout :func:`read_events` reads (spreadsheet-safe:
    see the module's docstring).

    Only the curated fields are written; a recurring event gets its
    ``(recurs every D Month)`` marker back.
    """
    def row(e: Event) -> list[str]:
        title = e.title
        if e.recurrence is not None:
            title = f"{title} (recurs {e.recurrence.describe()})"
        return [str(e.start), str(e.end) if e.end is not None else "", title, e.kind.value,
                _ORGANISERS.join(e.organisers), e.location, e.description,
                _SOURCES.join(e.sources)]

    return write_rows(EVENT_COLUMNS, (row(e) for e in events))

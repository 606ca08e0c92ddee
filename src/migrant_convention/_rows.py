"""The one CSV row reader behind every CSV file the library reads.

Treaty records and universes (:mod:`~migrant_convention.formats.csvio`), events
(:mod:`~migrant_convention.formats.event_csv`), the regional tables
(:mod:`~migrant_convention.places.regions`) and the UN Treaty Collection's
tables and name list (:mod:`~migrant_convention.formats.untc`) are all read
here, so that they read CSV the same way and report its problems the same way:

* every problem is a :class:`~migrant_convention.errors.Problem` naming the
  file, the row and the field (or column), appended to the caller's list as it
  is found, so that the caller's own problems about a row follow the row's
  shape problems, in file order;
* a row is located by the **line of the file where it starts** (``row 5`` is
  the row that starts on line 5), not by its number among the CSV records: a
  quoted cell holding a newline makes the two differ, and an editor shows
  lines;
* a quoted cell left open at the end of the file is reported (it would
  otherwise swallow every row after it into one cell), as is text after a
  closing quote (``"a"b``), a cell longer than *max_cell* characters, a file
  of more than *max_rows* rows, and, for named columns, a header with missing,
  unknown or repeated columns and rows with more or fewer cells than the
  header has columns;
* a UTF-8 byte-order mark (as spreadsheets save) is not data; blank lines are
  not rows;
* cells are text, never converted (``"002"`` keeps its zeros).

Well-formed CSV (RFC 4180, as :mod:`csv` writes it) reads exactly as
:func:`csv.reader` reads it.  A line without quotes is split on its commas; a
record on one line with quotes is read by :func:`csv.reader` in its strict
mode; a record over several lines, or one that the strict mode refuses, is
read cell by cell with :meth:`str.find`.  No regular expression, so the time
is linear in the size of the text.  The reader changes no state of the
process (in particular not :func:`csv.field_size_limit`, whatever it is set
to): its bounds are its own arguments.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .errors import Problem

__all__ = ["MAX_CELL_CHARS", "MAX_ROWS", "Record", "Row", "read_records", "read_rows"]

#: The longest cell read, in characters.
MAX_CELL_CHARS = 1_000_000
#: The most rows read after the header.
MAX_ROWS = 1_000_000
# How much of an offending text a problem quotes.
_EXCERPT = 60


class Record(NamedTuple):
    """One CSV record: the line it starts on and its cells.

    ``ok`` is false when the record has a problem of its own (a cell too long,
    text after a closing quote), already reported: its cells are then not to
    be trusted.
    """

    line: int
    cells: list[str]
    ok: bool


class Row(NamedTuple):
    """One row under a checked header.

    :ivar line: the line of the file where the row starts.
    :ivar where: ``"<source>, row <line>"``, the start of every location in it.
    :ivar cells: each column of the header and its cell (``""`` when the row
        is short).
    :ivar complete: false when the row has more or fewer cells than the
        header has columns (already reported).
    """

    line: int
    where: str
    cells: dict[str, str]
    complete: bool


class _Strict(csv.Dialect):
    # The "excel" dialect that csv.writer writes, read strictly.
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


def _content_end(line: str) -> int:
    """Where *line* ends without its line terminator (``\\r\\n``, ``\\n``, ``\\r``)."""
    if line.endswith("\r\n"):
        return len(line) - 2
    if line.endswith(("\n", "\r")):
        return len(line) - 1
    return len(line)


def _cell_at(source: str, line: int, index: int, names: Sequence[str]) -> str:
    if index < len(names):
        return f"{source}, row {line}, field {names[index]!r}"
    return f"{source}, row {line}, column {index + 1}"


def read_records(
    text: str, source: str, problems: list[Problem], *, max_rows: int = MAX_ROWS,
    max_cell: int = MAX_CELL_CHARS, names: Sequence[str] = (),
) -> Iterator[Record]:
    """Every record of *text*, in order, with the line where it starts.

    The first record is normally the header; *max_rows* bounds the records
    after it.  Problems are appended to *problems* as they are found, located
    by *source*, the record's first line and the cell's column (its name in
    *names*, which may be filled in once the header is known).  A quoted cell
    that is never closed ends the reading: nothing after its opening quote is
    a row.
    """
    lines = iter(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    lineno = 0
    count = -1  # the header is not counted
    for raw in lines:
        lineno += 1
        start = lineno
        end = _content_end(raw)
        if end == 0:
            continue  # a blank line is not a row
        count += 1
        if count > max_rows:
            problems.append(Problem(source, f"{max_rows}+ rows", "too many rows", "too-large"))
            return
        ok = True
        cells: list[str] | None
        if '"' not in raw:
            # The common case: no quoting, so the line is the record.
            cells = raw[:end].split(",")
        else:
            # A record on one line reads as csv reads it (strictly: a cell
            # that goes on to the next line, text after a closing quote or a
            # cell longer than csv's limit raise, and are read below instead).
            try:
                cells = next(csv.reader((raw,), _Strict))
            except csv.Error:
                cells = None
        if cells is not None:
            if end > max_cell:
                for i, cell in enumerate(cells):
                    if len(cell) > max_cell:
                        problems.append(Problem(
                            _cell_at(source, start, i, names), f"{len(cell)} characters",
                            f"a cell longer than the limit of {max_cell}", "too-large"))
                        ok = False
            yield Record(start, cells, ok)
            continue
        # A record over several lines, or with a problem: read cell by cell.
        cells = []
        buf = raw
        i = 0
        while True:  # one cell per turn; *i* is where it starts in *buf*
            if i < end and buf[i] == '"':
                opened = lineno
                opening = buf[i:i + _EXCERPT + 1]  # bounded, for the problem
                parts: list[str] = []
                size = 0
                j = i + 1
                while True:
                    k = buf.find('"', j)
                    if k < 0:  # the cell goes on to the next line
                        size += len(buf) - j
                        if size <= max_cell:
                            parts.append(buf[j:])
                        following = next(lines, None)
                        if following is None:
                            problems.append(Problem(
                                _cell_at(source, start, len(cells), names),
                                _excerpt(opening.split("\n")[0].split("\r")[0]),
                                f"a quoted cell opened on line {opened} is never closed: it "
                                f"runs to the end of the file (line {lineno}), so nothing "
                                "after its opening quote was read", "unterminated-quote"))
                            return
                        lineno += 1
                        buf, j = following, 0
                        continue
                    if k + 1 < len(buf) and buf[k + 1] == '"':  # a doubled quote
                        size += k + 1 - j
                        if size <= max_cell:
                            parts.append(buf[j:k + 1])
                        j = k + 2
                        continue
                    size += k - j
                    if size <= max_cell:
                        parts.append(buf[j:k])
                    i = k + 1
                    break
                end = _content_end(buf)
                cell = "".join(parts) if size <= max_cell else ""
                if i < end and buf[i] != ",":
                    stop = buf.find(",", i)
                    stop = end if stop < 0 else stop
                    problems.append(Problem(
                        _cell_at(source, start, len(cells), names),
                        _excerpt(f'"{cell}"{buf[i:stop]}'),
                        "text after the closing quote of a quoted cell", "bad-quoting"))
                    ok = False
                    i = stop
            else:
                stop = buf.find(",", i)
                stop = end if stop < 0 else stop
                cell = buf[i:stop]
                size = len(cell)
                i = stop
            if size > max_cell:
                problems.append(Problem(
                    _cell_at(source, start, len(cells), names), f"{size} characters",
                    f"a cell longer than the limit of {max_cell}", "too-large"))
                ok = False
            cells.append(cell)
            if i >= end:
                break
            i += 1  # past the comma
        yield Record(start, cells, ok)


def read_rows(
    text: str, source: str, problems: list[Problem], *, required: Sequence[str],
    optional: Sequence[str] = (), exact: bool = False, max_rows: int = MAX_ROWS,
    max_cell: int = MAX_CELL_CHARS,
) -> Iterator[Row]:
    """The rows of a CSV file whose first record names its columns.

    The header must have every column of *required*; it may have those of
    *optional*; any other column is reported as unknown (its cells are then
    ignored), a repeated one as repeated.  With *exact*, the header must be
    *required* then *optional*, in that order.  A header with a column missing
    or repeated (or, with *exact*, not exactly as expected) gives no rows.

    Each row is checked to have as many cells as the header has columns; a
    row with a problem of its own (see :func:`read_records`) is not given.
    Problems are appended to *problems* as they are found, so the caller's
    problems about a row follow the row's own.
    """
    names: list[str] = []
    records = read_records(text, source, problems, max_rows=max_rows, max_cell=max_cell,
                           names=names)
    first = next(records, None)
    if first is not None and not first.ok:
        return
    header = first.cells if first is not None else []
    if not _header_ok(header, source, problems, required, optional, exact):
        return
    names.extend(header)
    width = len(header)
    for line, cells, ok in records:
        if not ok:
            continue
        where = f"{source}, row {line}"
        complete = len(cells) == width
        if len(cells) > width:
            problems.append(Problem(where, ",".join(cells[width:]), "more cells than columns",
                                    "extra-cells"))
        elif len(cells) < width:
            problems.append(Problem(where, ",".join(cells),
                                    f"fewer cells than columns ({len(cells)} of {width})",
                                    "missing-cells"))
            cells = cells + [""] * (width - len(cells))
        yield Row(line, where, dict(zip(header, cells, strict=False)), complete)


def _header_ok(header: Sequence[str], source: str, problems: list[Problem],
               required: Sequence[str], optional: Sequence[str], exact: bool) -> bool:
    where = f"{source}, header"
    written = ",".join(header)
    counts = Counter(header)
    known = set(required) | set(optional)
    missing = [c for c in required if c not in counts]
    unknown = [c for c in counts if c not in known]
    repeated = [c for c, n in counts.items() if n > 1]
    if exact:
        expected = [*required, *optional]
        if list(header) == expected:
            return True
        details = [f"{what}: {', '.join(cs)}" for what, cs in (
            ("missing", missing), ("unknown", unknown), ("repeated", repeated)) if cs]
        problems.append(Problem(where, written, f"expected the columns {','.join(expected)}"
                                + (f" ({'; '.join(details)})" if details else ""),
                                "bad-header"))
        return False
    if missing:
        problems.append(Problem(where, written, f"missing column(s) {', '.join(missing)}",
                                "missing-column"))
    if unknown:
        problems.append(Problem(where, written, f"unknown column(s) {', '.join(unknown)}",
                                "unknown-column"))
    if repeated:
        problems.append(Problem(where, written, f"repeated column(s) {', '.join(repeated)}",
                                "repeated-column"))
    return not missing and not repeated

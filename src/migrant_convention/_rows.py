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
* cells are text, never converted (``"002"`` keeps its zeros), and text only:
  a cell holding a control character or a lone surrogate is reported
  (``bad-text``, :func:`text_problem`, the same check as the JSON reader's);
  a line break is allowed only inside a quoted cell of a column named in
  *multiline* (an event's description), a tab nowhere;
* at most :data:`MAX_PROBLEMS` problems are kept when the caller collects them
  in a :class:`Problems` list: the rest are counted, and reported as one
  problem saying how many there were, so that a million bad rows give a
  bounded error, not millions of problems.

Well-formed CSV (RFC 4180, as :mod:`csv` writes it) reads exactly as
:func:`csv.reader` reads it.  A line without quotes is split on its commas; a
record on one line with quotes is read by :func:`csv.reader` in its strict
mode; a record over several lines, or one that the strict mode refuses, is
read cell by cell with :meth:`str.find`.  No regular expression, so the time
is linear in the size of the text.  The reader changes no state of the
process (in particular not :func:`csv.field_size_limit`, whatever it is set
to): its bounds are its own arguments.

Writing (:func:`write_rows`) is here too, for the same reason: every CSV file
of the library's own layouts (acts, universes, events) is spreadsheet-safe in
the same way (and a tidy table, :func:`~migrant_convention.formats.tidy.to_csv`,
when asked: its readers are programs, which would keep the mark).  A cell that a
spreadsheet would take for a formula is written with a ``'`` before it, as
OWASP and spreadsheet-safe exporters do (:func:`escape_cell`), and the
readers of the library's own layouts remove it (:func:`unescape_cell`), so a
round trip gives back the original text.  Precisely, a ``'`` is put before a
cell that

* starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, unless
  the whole cell is a decimal number (an optional ``+`` or ``-``, ASCII
  digits, optionally a point and more digits: ``-5``, ``+1.5``, which no
  spreadsheet runs), or
* starts with ``'`` itself (so that a real leading ``'`` survives the reading,
  which removes one).

Dates as the library writes them (``2014-12-18``, ``2014``, ``[..2013-07-09]``)
never start with one of those characters and are written as they are; so are
the bundled files, which have no such cell (they rewrite byte for byte).
Reading removes one leading ``'`` from every cell of a data row, so a cell a
person typed as ``'=1`` in a file of these layouts reads as ``=1``.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import NamedTuple

from .errors import Problem

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_PROBLEMS",
    "MAX_ROWS",
    "Problems",
    "Record",
    "Row",
    "escape_cell",
    "read_records",
    "read_rows",
    "text_problem",
    "unescape_cell",
    "write_rows",
]

#: The longest cell read, in characters.
MAX_CELL_CHARS = 1_000_000
#: The most rows read after the header.
MAX_ROWS = 1_000_000
#: The most problems a :class:`Problems` list keeps.
MAX_PROBLEMS = 1_000
# What a spreadsheet takes for the start of a formula (OWASP's list).
_FORMULA_START = frozenset("=+-@\t\r")


# Text that is not characters (lone surrogates) or that controls a terminal
# (C0 and C1 controls, DEL); a line break is text only where a column says so.
_BAD_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_MULTILINE = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why *text* is not acceptable text, or ``None`` if it is.

    Text from outside must be characters (no lone surrogate, which no file can
    hold as UTF-8) and must not control the terminal that shows it (no C0 or
    C1 control character, no DEL); with *multiline*, line breaks (``\\n``,
    ``\\r``) are allowed.  Every reader of the library (JSON, CSV, UN tables)
    checks its text with this one function.

    >>> text_problem("Côte d'Ivoire") is None
    True
    >>> text_problem("a\\x1b[2Jb")
    'a control character (U+001B) is not allowed in text'
    >>> text_problem("two\\nlines"), text_problem("two\\nlines", multiline=True)
    ('a control character (U+000A) is not allowed in text', None)
    """
    m = (_BAD_MULTILINE if multiline else _BAD_TEXT).search(text)
    if m is None:
        return None
    c = m.group()
    if "\ud800" <= c <= "\udfff":
        return f"a lone surrogate (\\u{ord(c):04x}) is not a character; text must be valid Unicode"
    return f"a control character (U+{ord(c):04X}) is not allowed in text"


class Problems(list[Problem]):
    """A list of problems that keeps the first *limit* and counts the rest.

    :meth:`append` and :meth:`extend` past the limit only count; :attr:`more`
    is how many were not kept, :attr:`found` how many there were in all, and
    :meth:`listed` the problems to report, ending with one that says how many
    more there were.
    """

    def __init__(self, source: str, limit: int = MAX_PROBLEMS) -> None:
        super().__init__()
        self.source = source
        self.limit = limit
        self.more = 0

    def append(self, problem: Problem) -> None:
        if len(self) < self.limit:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for p in problems:
            self.append(p)

    @property
    def found(self) -> int:
        """How many problems were found, kept or not."""
        return len(self) + self.more

    def listed(self) -> list[Problem]:
        """The problems kept, then, if some were not, one saying how many."""
        if not self.more:
            return list(self)
        return [*self, Problem(
            self.source, self.more,
            f"{self.more} more problem{'s' if self.more != 1 else ''} not listed: only the "
            f"first {self.limit} are kept", "too-many-problems")]


def _is_number(text: str) -> bool:
    """Whether *text* is a decimal number: ``[+-]?[0-9]+(\\.[0-9]+)?``."""
    body = text[1:] if text[:1] in ("+", "-") else text
    whole, point, fraction = body.partition(".")
    return (whole.isascii() and whole.isdigit()
            and (not point or (fraction.isascii() and fraction.isdigit())))


def escape_cell(text: str) -> str:
    """*text* as a spreadsheet-safe cell: ``'`` before a formula-like start or a
    leading ``'`` (see the module's docstring).

    >>> [escape_cell(t) for t in ("=HYPERLINK(1)", "+1+1", "@SUM(A1)", "-5", "'tis", "2014")]
    ["'=HYPERLINK(1)", "'+1+1", "'@SUM(A1)", '-5', "''tis", '2014']
    """
    if not text:
        return text
    first = text[0]
    if first == "'" or (first in _FORMULA_START and not _is_number(text)):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The text of a cell :func:`escape_cell` wrote: one leading ``'`` removed.

    >>> unescape_cell("'=1"), unescape_cell("''tis"), unescape_cell("-5")
    ('=1', "'tis", '-5')
    """
    return text[1:] if text.startswith("'") else text


def write_rows(header: Sequence[str], rows: Iterable[Sequence[str]], *,
               escape: bool = True) -> str:
    """*header* and *rows* as CSV text (lines end in ``"\\n"``), each data cell
    through :func:`escape_cell` unless *escape* is false.

    A row holding a carriage return is written fully quoted: with lines ending
    in ``"\\n"``, the csv module would leave a lone ``"\\r"`` unquoted, and
    the row would not read back.
    """
    out = io.StringIO(newline="")
    plain = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    plain.writerow(header)
    for row in rows:
        cells = [escape_cell(c) for c in row] if escape else list(row)
        (quoted if any("\r" in c for c in cells) else plain).writerow(cells)
    return out.getvalue()
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
    multiline: Collection[str] = (), check_text: bool = True,
) -> Iterator[Record]:
    """Every record of *text*, in order, with the line where it starts.

    The first record is normally the header; *max_rows* bounds the records
    after it.  Problems are appended to *problems* as they are found, located
    by *source*, the record's first line and the cell's column (its name in
    *names*, which may be filled in once the header is known).  A quoted cell
    that is never closed ends the reading: nothing after its opening quote is
    a row.  A cell that is not text (:func:`text_problem`; a line break only
    in a column of *multiline*) is reported and its record is not ``ok``;
    ``check_text=False`` reads any text, as :mod:`csv` does.
    """
    text = text.removeprefix("\ufeff")
    # Only a record read over several lines can hold a line break in a cell;
    # any other bad character is in the text, so one search spares the rest
    # the cell-by-cell check.
    suspect = check_text and _BAD_MULTILINE.search(text) is not None
    lines = iter(io.StringIO(text, newline=""))
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
            if suspect and not _cells_are_text(cells, source, start, names, multiline,
                                                problems):
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
        if check_text and not _cells_are_text(cells, source, start, names, multiline,
                                              problems):
            ok = False
        yield Record(start, cells, ok)


def _cells_are_text(cells: Sequence[str], source: str, line: int, names: Sequence[str],
                    multiline: Collection[str], problems: list[Problem]) -> bool:
    """Whether every cell is text (:func:`text_problem`); each one that is not
    is reported where it is."""
    ok = True
    for i, cell in enumerate(cells):
        why = text_problem(cell, multiline=i < len(names) and names[i] in multiline)
        if why is not None:
            problems.append(Problem(_cell_at(source, line, i, names), _excerpt(cell), why,
                                    "bad-text"))
            ok = False
    return ok


def read_rows(
    text: str, source: str, problems: list[Problem], *, required: Sequence[str],
    optional: Sequence[str] = (), exact: bool = False, max_rows: int = MAX_ROWS,
    max_cell: int = MAX_CELL_CHARS, unescape: bool = False, multiline: Collection[str] = (),
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
    problems about a row follow the row's own.  With *unescape*, each cell of
    a row is given through :func:`unescape_cell` (for the layouts that
    :func:`write_rows` writes).  A line break is text only in a cell of a
    column of *multiline*.
    """
    names: list[str] = []
    records = read_records(text, source, problems, max_rows=max_rows, max_cell=max_cell,
                           names=names, multiline=multiline)
    first = next(records, None)
    if first is not None and not first.ok:
        return
    header = first.cells if first is not None else []
    if not _header_ok(header, source, problems, required, optional, exact):
        return
    names.extend(header)
    width = len(header)
    unescape = unescape and "'" in text  # no cell to unescape: skip the work
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
        if unescape:
            cells = [c[1:] if c.startswith("'") else c for c in cells]
        yield Row(line, where, dict(zip(header, cells, strict=False)), complete)


def _shown(name: str) -> str:
    """A column *name* as a message shows it: a character that a terminal
    would not print as itself (a control character, a lone surrogate, a line
    separator) is written as its escape, as :func:`repr` writes it."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _header_ok(header: Sequence[str], source: str, problems: list[Problem],
               required: Sequence[str], optional: Sequence[str], exact: bool) -> bool:
    where = f"{source}, header"
    written = ",".join(header)
    counts = Counter(header)
    known = set(required) | set(optional)
    missing = [c for c in required if c not in counts]
    unknown = [_shown(c) for c in counts if c not in known]
    repeated = [_shown(c) for c, n in counts.items() if n > 1]
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

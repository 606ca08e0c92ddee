"""What the fuzz suite shares: hostile values, mutations of real files, the
oracle every reader must satisfy, and example counts scaled by profile.

A reader under attack may return a value or raise one of the library's errors
(:class:`~migrant_convention.errors.MigrantConventionError`), nothing else.
An error must be printable on any terminal (no lone surrogate, no control
character but the newlines between listed problems) and each
:class:`~migrant_convention.errors.Problem` it lists must say where
(a non-empty location) and what (a non-empty message).

Mutations are Hypothesis strategies (not ``random.Random``), so a failure
shrinks to the fewest, smallest edits of the real file.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

from migrant_convention.errors import MigrantConventionError, Problem, ValidationError

T = TypeVar("T")

#: The bundled data files.
DATA = files("migrant_convention") / "_data"
#: The 324 status tables of the UN Treaty Collection, 2015.
TABLES: tuple[Path, ...] = tuple(sorted(
    (Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties").glob("*.csv")))


def examples(share: float = 1.0) -> settings:
    """Settings with *share* of the profile's number of examples (``ci`` 60,
    ``dev`` 100, ``thorough`` 3,000), at least 10, and without the health
    checks that real files of tens of kilobytes would trip."""
    return settings(max_examples=max(10, round(settings().max_examples * share)),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


@cache
def bundled(name: str) -> str:
    """The text of a bundled data file."""
    return (DATA / name).read_text(encoding="utf-8")


@cache
def table(path: Path) -> str:
    """The text of one of the UN tables."""
    return path.read_text(encoding="utf-8")


# -- hostile values ------------------------------------------------------------------

#: Cells of the issue's classes: far dates, huge numbers, lone surrogates,
#: control characters, formulas, quotes, lookalike digits and letters, bad
#: codes, long text, CSV syntax.
HOSTILE_CELLS: tuple[str, ...] = (
    # dates out of range, or in other digits
    "9999", "9999-10-01", "[..9999-12-31]", "9999-12-31", "10000-01-01", "0000-01-01",
    "0001-01-01", "0999-12-31", "1000-01-01", "9000-12-31", "9001-01-01", "2024-02-30",
    "2007-13-05", "2014-12-18?", "2014~", "[..1945-10-23]", "２００７-０６-０５", "١٩٩٠",
    # numbers
    "9" * 4000, "100000000", "-1", "0", "1e999", "NaN", "-0", "+5",
    # text the library refuses or must escape
    "\ud800", "\udfff", "a\udc80b", "\x00", "\x1b[31mred", "\x7f", "\x85", "\u2028", "\ufeff",
    "\r", "\n", "\r\n", "\t",
    # formulas and quotes
    '=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "\t=1", "'=1", "'", "''",
    '"', '""', '"a"b', 'a"b', ",,,",
    # codes
    "alb", "", " ", "QQQ", "ＡＬＢ", "ORG-", "SUN", "ALB", "SRB", "XK", "ALB ",
    # long text
    "a" * 5000, "x" * 70,
)

#: JSON values of the issue's classes, for a field or an item.
HOSTILE_JSON: tuple[object, ...] = (
    *HOSTILE_CELLS[:40], None, True, False, 0, -1, 10**4000, 2**63, 1.5, 1e308, {}, [], [[]],
    {"months": 100000000}, {"": None}, ["U", "N", "T", "C"], "UNTC",
)

#: Any character, lone surrogates and control characters included.
ANY_CHAR = st.characters(exclude_categories=())
#: Text that hits the readers' edges: CSV syntax, line breaks, digits of other
#: scripts, lone surrogates, formula starts, and any character at all.
HOSTILE_TEXT = st.text(st.sampled_from(list(',"\'\r\n\t =+-@0123456789-[]?~.|ALBalb\ufeff'
                                           "\ud800\x00\u0661\uff10\u2028"))
                       | ANY_CHAR, max_size=300)

#: Any JSON value: the leaves include lone surrogates and huge numbers.
JSON_VALUES: st.SearchStrategy[object] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(-(10**400), 10**400)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(ANY_CHAR, max_size=20)
    | st.sampled_from(HOSTILE_JSON),
    lambda inner: st.lists(inner, max_size=5)
    | st.dictionaries(st.text(ANY_CHAR, max_size=10), inner, max_size=5),
    max_leaves=40,
)


# -- mutations of real files ----------------------------------------------------------

OPS = ("bit-flip", "delete-line", "duplicate-line", "swap-lines", "truncate", "cell",
       "insert-char")


def _flip(text: str, at: int, bit: int) -> str:
    """*text* with one bit of the UTF-8 encoding of the character at *at*
    flipped; bytes that are no longer UTF-8 become lone surrogates (as
    ``surrogateescape`` decodes them)."""
    raw = bytearray(text[at].encode("utf-8", "surrogatepass"))
    raw[bit % len(raw)] ^= 1 << (bit // len(raw) % 8)
    return text[:at] + bytes(raw).decode("utf-8", "surrogateescape") + text[at + 1:]


def mutate(text: str, edits: Sequence[tuple[str, int, int, str]]) -> str:
    """*text* after *edits*, each ``(operation, a, b, value)``: *a* and *b*
    pick lines, characters or cells (modulo their number)."""
    for op, a, b, value in edits:
        if not text:
            return value
        lines = text.splitlines(keepends=True)
        i, j = a % len(lines), b % len(lines)
        if op == "bit-flip":
            text = _flip(text, a % len(text), b)
            continue
        if op == "truncate":
            text = text[: a % len(text)]
            continue
        if op == "insert-char":
            k = a % (len(text) + 1)
            text = text[:k] + value[:1] + text[k:]
            continue
        if op == "delete-line":
            del lines[i]
        elif op == "duplicate-line":
            lines.insert(j, lines[i])
        elif op == "swap-lines":
            lines[i], lines[j] = lines[j], lines[i]
        else:  # "cell": one comma-separated cell of a line becomes *value*
            body = lines[i].rstrip("\r\n")
            cells = body.split(",")
            cells[b % len(cells)] = value
            lines[i] = ",".join(cells) + lines[i][len(body):]
        text = "".join(lines)
    return text


def edits(max_size: int = 4) -> st.SearchStrategy[list[tuple[str, int, int, str]]]:
    """A few edits for :func:`mutate`."""
    return st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 2**31), st.integers(0, 2**31),
                              st.sampled_from(HOSTILE_CELLS) | HOSTILE_TEXT),
                    min_size=1, max_size=max_size)


@st.composite
def mutated_text(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    """A text of *texts* after a few edits."""
    return mutate(draw(texts), draw(edits()))


def _paths(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            found.extend(_paths(v, (*path, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found.extend(_paths(v, (*path, i)))
    return found


def _at(data: Any, path: Sequence[str | int]) -> Any:
    for step in path:
        data = data[step]
    return data


STRUCTURAL = ("replace", "delete", "duplicate", "transplant", "add-field")


@st.composite
def mutated_data(draw: st.DrawFn, original: object) -> object:
    """Plain JSON data (as :func:`~migrant_convention.formats.serialize.to_data`
    gives) with a few values replaced by hostile or arbitrary ones, deleted,
    duplicated, moved elsewhere (a list where text is expected...) or joined
    by an unknown field."""
    data = json.loads(json.dumps(original))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = paths[draw(st.integers(0, len(paths) - 1))]
        op = draw(st.sampled_from(STRUCTURAL))
        if op == "transplant":
            new: object = json.loads(json.dumps(
                _at(data, paths[draw(st.integers(0, len(paths) - 1))])))
        else:
            new = json.loads(json.dumps(draw(st.sampled_from(HOSTILE_JSON) | JSON_VALUES)))
        if not path:
            if op == "replace":
                data = new
            continue
        parent, last = _at(data, path[:-1]), path[-1]
        if op == "delete":
            del parent[last]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(int(last), json.loads(json.dumps(parent[int(last)])))
        elif op == "add-field" and isinstance(parent, dict):
            parent[draw(st.text(ANY_CHAR, max_size=8))] = new
        else:
            parent[last] = new
    return data


def to_bytes(text: str) -> bytes:
    """*text* as bytes: UTF-8, with the lone surrogates of ``surrogateescape``
    back as the bytes they stood for and any other as its three bytes
    (``surrogatepass``): bytes that are not UTF-8, as a hostile file has."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return b"".join(c.encode("utf-8", "surrogateescape" if "\udc80" <= c <= "\udcff"
                                 else "surrogatepass") for c in text)


# -- the oracle --------------------------------------------------------------------------

def printable(text: str) -> bool:
    """Whether any terminal can show *text* line by line: no lone surrogate,
    no control character but a newline, no line or paragraph separator."""
    return not any(unicodedata.category(c) in ("Cs", "Cc", "Zl", "Zp") and c != "\n"
                   for c in text)


def check_problem(problem: Problem) -> None:
    """A problem says where and what, printably."""
    assert isinstance(problem, Problem), problem
    assert isinstance(problem.location, str), repr(problem)
    assert problem.location.strip(), repr(problem)
    assert isinstance(problem.message, str), repr(problem)
    assert problem.message.strip(), repr(problem)
    assert printable(str(problem)), repr(str(problem))


def check_error(exc: MigrantConventionError) -> None:
    """An error of the library, printable, its problems located."""
    assert printable(str(exc)), repr(str(exc))
    if isinstance(exc, ValidationError):
        assert exc.problems, "a ValidationError without a problem"
        for problem in exc.problems:
            check_problem(problem)


def attack(read: Callable[[], T]) -> T | None:
    """What *read* returns, or ``None`` after checking the library's error it
    raised.  Any other exception fails the test, as itself."""
    try:
        value = read()
    except MigrantConventionError as exc:
        check_error(exc)
        event(f"refused: {type(exc).__name__}")
        return None
    event("read")
    return value

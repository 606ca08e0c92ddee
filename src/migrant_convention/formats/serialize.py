"""Lossless JSON for every model class, with a format name and version.

:func:`to_data` turns a model object into plain JSON-compatible data (dicts,
lists, text, numbers, booleans, ``None``); :func:`from_data` reads it back;
:func:`to_json` and :func:`from_json` do the same with JSON text.  A round trip
gives back an equal object, always: partial and uncertain dates are written in
their EDTF text (``"2024-11"``, ``"2016-10-25?"``, ``"[..2013-07-09]"``), days
as ``YYYY-MM-DD``, enums as their values, and sources and notes as given.

The top-level object carries its format and version::

    {"format": "migrant_convention/record", "version": 1, "treaty": {...}, ...}

Reading a format this library does not know, or a newer version, raises
:class:`~migrant_convention.errors.UnsupportedFormatError`.  Reading untrusted
data reports *every* problem at once as a
:class:`~migrant_convention.errors.ValidationError`, each
:class:`~migrant_convention.errors.Problem` naming its JSON path
(``$.acts[3].date``) and the offending value:

* shapes: a list is a list (a string is not a list of characters), an object
  an object, a number a number; no field is unknown, missing or given twice;
* text: no lone surrogate (``"\\ud800"``) and no control character, in any
  string;
* the checks the CSV readers make: participant codes (of acts, participants
  and the universe's periods, with
  :func:`~migrant_convention.core.participants.check_code`), each period's
  ``iso3166_status`` and ``continues``, overlapping periods of a State or of
  a lineage (:func:`~migrant_convention.core.universe.period_problems`);
* what each class checks when it is built, located at the field;
* for a record, unless ``validate=False``, what only a whole record can show
  (:func:`~migrant_convention.core.validate.problems`: a second consent, an
  act before adoption, with *universe* an act of a State outside it).

A problem of a part does not hide the problems of other parts, nor does it
bring false ones.  At most :data:`MAX_PROBLEMS` problems are kept; the
error's message counts the rest.  Input that is too large, has too many
values or is too deeply nested is refused before it is parsed, in time and
memory linear in its size.

>>> from migrant_convention import Delay, serialize
>>> text = serialize.to_json(Delay(months=3))
>>> text
'{"format": "migrant_convention/delay", "version": 1, "months": 3, "days": 0, "alignment": "none"}'
>>> serialize.from_json(text)
Delay(months=3, days=0, alignment=<Alignment.NONE: 'none'>)
>>> from migrant_convention import ValidationError
>>> try:
...     serialize.from_json('{"format": "migrant_convention/delay", "version": 1, "months": "3"}')
... except ValidationError as error:
...     print(error.problems[0])
$.months: expected a whole number (value: '3')
"""

from __future__ import annotations

import difflib
import enum
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, Final, NamedTuple, TypeVar, cast, overload

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_unstructure_fn, override

from .._rows import text_problem
from ..core.acts import Act, ActKind
from ..core.dates import PartialDate, parse_date
from ..core.participants import Participant, ParticipantKind, check_code
from ..core.record import TreatyRecord
from ..core.rules import DenunciationWindows, SubjectTo
from ..core.status_types import Counts
from ..core.treaty import (
    Delay,
    DenunciationRule,
    EntryIntoForceRule,
    Rules,
    StatedDate,
    Treaty,
)
from ..core.universe import Membership, Universe, period_problems
from ..core.validate import problems as record_problems
from ..errors import (
    InvalidDateError,
    MigrantConventionError,
    Problem,
    UnknownParticipantError,
    UnsupportedFormatError,
    ValidationError,
)

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "MAX_JSON_CHARS",
    "MAX_PROBLEMS",
    "MAX_VALUES",
    "VERSION",
    "converter",
    "from_data",
    "from_json",
    "structure",
    "to_data",
    "to_json",
    "unstructure",
]

T = TypeVar("T")

#: The version of the formats this library writes, and the newest it reads.
VERSION: Final = 1
_PREFIX: Final = "migrant_convention/"

#: The format name of each model class (after ``migrant_convention/``).
FORMATS: Final[Mapping[type[Any], str]] = {
    Act: "act",
    Counts: "counts",
    Delay: "delay",
    DenunciationRule: "denunciation_rule",
    DenunciationWindows: "denunciation_windows",
    EntryIntoForceRule: "entry_into_force_rule",
    Membership: "membership",
    PartialDate: "partial_date",
    Participant: "participant",
    Rules: "rules",
    StatedDate: "stated_date",
    SubjectTo: "subject_to",
    Treaty: "treaty",
    TreatyRecord: "record",
    Universe: "universe",
}
_BY_NAME: Final = {_PREFIX + name: cls for cls, name in FORMATS.items()}

#: Refuse JSON text longer than this many characters (before parsing it).
MAX_JSON_CHARS: Final = 64_000_000
#: Refuse data nested deeper than this (the deepest valid data is about 6).
MAX_DEPTH: Final = 32
#: Refuse data with more values than this (JSON text is counted before it is
#: parsed, so that it never builds them).
MAX_VALUES: Final = 8_000_000
#: Keep at most this many problems in a :class:`ValidationError`; its message
#: counts the others.
MAX_PROBLEMS: Final = 1_000


# -- the converter ---------------------------------------------------------------

def _strict(kind: type[Any], what: str) -> Callable[[object, type[Any]], Any]:
    def hook(value: object, _type: type[Any]) -> Any:
        # cattrs would coerce ("3" -> 3, 5 -> "5"); untrusted input must not be.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(f"expected {what}")
        if isinstance(value, str):
            why = text_problem(value)
            if why is not None:
                raise ValueError(why)
        return value

    return hook


def _is_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(conv: cattrs.Converter) -> Callable[[object, Any], tuple[Any, ...]]:
    def hook(value: object, type_: Any) -> tuple[Any, ...]:
        # cattrs would take any iterable: "UNTC" as ('U', 'N', 'T', 'C').
        if not isinstance(value, list | tuple):
            raise TypeError("expected a list")
        item_type = typing.get_args(type_)[0]
        items: list[Any] = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            try:
                items.append(conv.structure(item, item_type))
            except Exception as exc:  # gathered, as cattrs does
                exc.__notes__ = [IterableValidationNote(f"at index {i}", i, item_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("invalid items", errors, type_)
        return tuple(items)

    return hook


def _structure_date(value: object, _type: type[Any]) -> date:
    if not isinstance(value, str):
        raise TypeError("expected a date as text YYYY-MM-DD")
    return parse_date(value)


def _structure_partial(value: object, _type: type[Any]) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError("expected a date as EDTF text (YYYY-MM-DD, YYYY-MM, YYYY, [..YYYY-MM-DD])")
    return PartialDate.parse(value)


def _expected(type_: type[enum.Enum], value: object) -> str:
    """What a value of *type_* could be, in a message of bounded length: every
    value of a short enum; of a long one (ActKind), how many there are and
    the ones nearest *value*."""
    values = [str(m.value) for m in type_]
    if len(values) <= 8:
        return "expected one of " + ", ".join(repr(v) for v in values)
    near = difflib.get_close_matches(value, values, n=3) if isinstance(value, str) else []
    shown = ", ".join(repr(v) for v in (near or values[:3]))
    return (f"expected one of its {len(values)} values "
            f"({'nearest' if near else 'e.g.'} {shown})")


def _structure_enum(value: object, type_: type[enum.Enum]) -> enum.Enum:
    for member in type_:
        if member.value == value and type(value) is type(member.value):
            return member
    raise ValueError(f"unknown {type_.__name__}; {_expected(type_, value)}")


def _is_kinds(type_: Any) -> bool:
    return bool(type_ == frozenset[ActKind])


def _structure_kinds(value: object, _type: type[Any]) -> frozenset[ActKind]:
    if not isinstance(value, list):
        raise TypeError("expected a list of act kinds")
    kinds: list[ActKind] = []
    errors: list[Exception] = []
    for i, item in enumerate(value):
        try:
            kinds.append(cast(ActKind, _structure_enum(item, ActKind)))
        except ValueError as exc:
            exc.__notes__ = [IterableValidationNote(f"at index {i}", i, ActKind)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("invalid act kinds", errors, frozenset[ActKind])
    return frozenset(kinds)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict(str, "text"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(PartialDate, _structure_partial)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    conv.register_structure_hook_func(_is_kinds, _structure_kinds)
    conv.register_structure_hook_func(_is_tuple, _tuple_hook(conv))
    conv.register_unstructure_hook_func(
        _is_kinds, lambda kinds: sorted(k.value for k in kinds)
    )
    # Fields added after 0.1 are written only when they say something, so
    # that what 0.1 wrote is written byte for byte the same (and 0.1 reads
    # whatever does not use them).
    for cls, added in _ADDED_FIELDS.items():
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(
            cls, conv, **cast(Any, {name: override(omit_if_default=True) for name in added})))
    return conv


_ADDED_FIELDS: Final[Mapping[type[Any], tuple[str, ...]]] = {
    Act: ("excludes",),
    EntryIntoForceRule: ("later_from", "subject_to"),
    DenunciationRule: ("windows",),
    Rules: ("parts",),
    Treaty: ("stated_entry_into_force",),
}


#: The cattrs converter this module writes with (:func:`to_data`), for
#: embedding the library's objects in a caller's own attrs classes.  It is as
#: strict about types, lists and text; the readers of this module check more
#: (codes, periods, whole records: see the module's docs).
converter: Final = _make_converter()


# -- plain data --------------------------------------------------------------------

def unstructure(obj: object) -> Any:
    """*obj* as plain JSON-compatible data, without the format envelope."""
    return converter.unstructure(obj)


def structure(data: object, cls: type[T], *, what: str | None = None, validate: bool = True,
              universe: Universe | None = None) -> T:
    """Build a *cls* from plain data (no format envelope), checking it as
    :func:`from_data` does.

    :param validate: for a :class:`~migrant_convention.core.record.TreatyRecord`,
        also make the checks only a whole record allows
        (:func:`~migrant_convention.core.validate.problems`); ``False`` returns
        the record as read, checked for everything else.
    :param universe: the universe of States those checks use.
    :raises ValidationError: listing every problem with its JSON path.
    """
    _check_shape(data)
    return cast(T, _structure(data, cls, what or cls.__name__, (), validate, universe))


def to_data(obj: object) -> dict[str, Any]:
    """*obj* (any model class of :data:`FORMATS`) as plain data with its format.

    >>> to_data(PartialDate.parse("2024-11?"))
    {'format': 'migrant_convention/partial_date', 'version': 1, 'value': '2024-11?'}
    """
    name = FORMATS.get(type(obj))
    if name is None:
        raise TypeError(f"cannot serialise a {type(obj).__name__}")
    head: dict[str, Any] = {"format": _PREFIX + name, "version": VERSION}
    body = converter.unstructure(obj)
    if isinstance(obj, PartialDate):
        return {**head, "value": body}
    return {**head, **body}


@overload
def from_data(data: object, *, validate: bool = ...,
              universe: Universe | None = ...) -> object: ...
@overload
def from_data(data: object, cls: type[T], *, validate: bool = ...,
              universe: Universe | None = ...) -> T: ...
def from_data(data: object, cls: type[Any] | None = None, *, validate: bool = True,
              universe: Universe | None = None) -> Any:
    """Read what :func:`to_data` wrote.

    :param cls: the class expected; ``None`` accepts any format of :data:`FORMATS`.
    :param validate: ``True`` (the default) checks a record as a whole too
        (:func:`~migrant_convention.core.validate.problems`: second consents,
        acts before adoption, ...); ``False`` returns the record as read.
        Everything else (shapes, text, codes, each object's own checks, a
        universe's periods) is always checked.
    :param universe: the universe of States a record is checked against
        (acts of a State outside it); ``None`` checks without one.
    :raises UnsupportedFormatError: the format is unknown, another than *cls*,
        or newer than :data:`VERSION`.
    :raises ValidationError: listing every problem with its JSON path.
    """
    _check_shape(data)
    return _from_data(data, cls, validate, universe)


def _from_data(data: object, cls: type[Any] | None, validate: bool,
               universe: Universe | None) -> Any:
    if not isinstance(data, dict):
        raise ValidationError("invalid data", [Problem("$", _shown(data),
                              "expected an object with 'format' and 'version'", "wrong-type")])
    twice = [k for k in _duplicates(data) if k in ("format", "version")]
    if twice:
        raise ValidationError("invalid data", [
            Problem(_path_text((k,)), _shown(data[k]), "the field is given more than once",
                    "duplicate-field") for k in twice])
    fmt, version = data.get("format"), data.get("version")
    if not isinstance(fmt, str):
        raise UnsupportedFormatError(f"no format name in the data (got {_shown(fmt)!r})")
    found = _BY_NAME.get(fmt)
    if found is None:
        known = ", ".join(sorted(_BY_NAME))
        raise UnsupportedFormatError(
            f"unknown format {_shown(fmt)!r}; this library reads {known}")
    if cls is not None and found is not cls:
        raise UnsupportedFormatError(f"expected {_PREFIX}{FORMATS[cls]} data, got {fmt!r}")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnsupportedFormatError(f"{fmt}: version must be a whole number >= 1, "
                                     f"not {_shown(version)!r}")
    if version > VERSION:
        raise UnsupportedFormatError(
            f"{fmt} version {_shown(version)} is newer than this library reads "
            f"(up to {VERSION}); upgrade migrant_convention"
        )
    return _structure(data, found, fmt, ("format", "version"), validate, universe)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """*obj* as JSON text (see :func:`to_data`); non-ASCII text is kept as is."""
    return json.dumps(to_data(obj), ensure_ascii=False, indent=indent)


@overload
def from_json(text: str | bytes, cls: None = None, *, max_chars: int = ...,
              validate: bool = ..., universe: Universe | None = ...) -> object: ...
@overload
def from_json(text: str | bytes, cls: type[T], *, max_chars: int = ...,
              validate: bool = ..., universe: Universe | None = ...) -> T: ...
def from_json(
    text: str | bytes, cls: type[Any] | None = None, *, max_chars: int = MAX_JSON_CHARS,
    validate: bool = True, universe: Universe | None = None,
) -> Any:
    """Read JSON text written by :func:`to_json` (as text, or as UTF-8 bytes;
    a byte order mark is allowed).

    The text is checked for size (*max_chars*), number of values
    (:data:`MAX_VALUES`) and nesting depth (:data:`MAX_DEPTH`) before it is
    parsed, in time and memory linear in its size, so hostile input fails
    cleanly.  Then everything :func:`from_data` checks is checked (*validate*
    and *universe* are its).

    :raises ValidationError: malformed JSON, or data with problems (all listed).
    :raises UnsupportedFormatError: see :func:`from_data`.
    """
    if isinstance(text, bytes | bytearray):
        if len(text) > max_chars * 4:
            _too_large(len(text), max_chars)
        raw = bytes(text)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError("invalid JSON", [
                Problem(f"byte {exc.start}", raw[exc.start:exc.start + 8], "not UTF-8",
                        "bad-json")]) from None
        del raw
    if not isinstance(text, str):
        raise TypeError(f"expected JSON text (str or UTF-8 bytes), not {type(text).__name__}")
    if text.startswith("\ufeff"):  # a byte order mark, as the CSV readers allow
        text = text[1:]
    if len(text) > max_chars:
        _too_large(len(text), max_chars)
    _check_text(text)
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except RecursionError:  # not reached after _check_text; kept as a guard
        _too_deep()
    except ValueError as exc:  # JSONDecodeError, and over-long integers
        if isinstance(exc, json.JSONDecodeError):
            where = f"line {exc.lineno}, column {exc.colno}"
            shown: object = _shown(text[exc.pos:exc.pos + 40])
            msg = exc.msg
        else:
            where, shown, msg = "$", _shown(text[:40]), str(exc)
        raise ValidationError("invalid JSON", [Problem(where, shown, msg, "bad-json")]
                              ) from None
    del text
    return _from_data(data, cls, validate, universe)


# -- limits ----------------------------------------------------------------------------

def _too_large(size: int, limit: int) -> typing.NoReturn:
    raise ValidationError("input too large", [
        Problem("$", f"{size} characters", f"larger than the limit of {limit}", "too-large")])


def _too_many() -> typing.NoReturn:
    raise ValidationError("input too large", [
        Problem("$", f"> {MAX_VALUES} values", "too many values", "too-large")])


def _too_deep() -> typing.NoReturn:
    raise ValidationError("input too deeply nested", [
        Problem("$", f"> {MAX_DEPTH} levels", f"nested deeper than {MAX_DEPTH} levels",
                "too-deep")])


# Every byte but the ones that give JSON its structure, deleted; the same with
# brackets of both kinds made one.
_STRUCTURE: Final = b'"[]{},'
_NOT_STRUCTURE: Final = bytes(b for b in range(256) if b not in _STRUCTURE)
_ONE_BRACKET: Final = bytes.maketrans(b"{}", b"[]")
# Strings are cut out chunk by chunk, so that the pieces of one chunk, not of
# the whole text, are in memory at once.
_CHUNK: Final = 1 << 18


def _check_text(text: str) -> None:
    """Refuse JSON *text* with more than :data:`MAX_VALUES` values or nested
    deeper than :data:`MAX_DEPTH`, before it is parsed.

    Linear in the size of the text, with no regular expression: every step is
    a pass of a builtin over bytes (encode, replace, translate, split, count),
    and the nesting is measured by at most ``MAX_DEPTH + 1`` passes that take
    out the innermost pairs of brackets.  Memory: a few copies of the text as
    UTF-8.  Exact for valid JSON; for invalid JSON an upper bound of what the
    parser could reach before it fails, so the parser never goes deeper.
    """
    shape = _outside_strings(_structure_bytes(text))
    # Each comma separates two values (or two fields, each with a value): the
    # number of values is at least one more than the commas, and each opening
    # bracket is a value.
    opening = shape.count(b"[") + shape.count(b"{")
    if shape.count(b",") + 1 > MAX_VALUES or opening > MAX_VALUES:
        _too_many()
    brackets = shape.translate(_ONE_BRACKET, b",")
    del shape
    # Each pass takes out the innermost pairs: a pair inside n others goes at
    # pass n + 1, so the passes that take something out are the depth.
    levels = 0
    while brackets:
        inner = brackets.replace(b"[]", b"")
        if len(inner) == len(brackets):
            break
        levels += 1
        if levels > MAX_DEPTH:
            _too_deep()
        brackets = inner
    # What is left is unmatched (invalid JSON): closing brackets, then opening
    # ones.  Where the parser stops, it is inside at most all of those opening
    # brackets and the pairs (at most `levels` deep) they were around.
    if levels + brackets.count(b"[") > MAX_DEPTH:
        _too_deep()


def _structure_bytes(text: str) -> bytes:
    # UTF-8 keeps every ASCII character a byte of its own ("surrogatepass":
    # the text may hold lone surrogates, refused later with their path).
    raw = text.encode("utf-8", "surrogatepass")
    if b"\\" in raw:
        # Escapes occur only in strings, read left to right as JSON reads
        # them: take out every "\\" first, then every escaped quote.
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    return raw.translate(None, _NOT_STRUCTURE)


def _outside_strings(shape: bytes) -> bytes:
    """*shape* (quotes, brackets and commas) without the strings' content."""
    kept: list[bytes] = []
    inside = False
    for start in range(0, len(shape), _CHUNK):
        pieces = shape[start:start + _CHUNK].split(b'"')
        kept.append(b"".join(pieces[1 if inside else 0::2]))
        if len(pieces) % 2 == 0:  # an odd number of quotes in this chunk
            inside = not inside
    return b"".join(kept)


def _check_shape(data: object) -> None:
    # Parsed data can come from anywhere: walk it without recursion.
    stack: list[tuple[object, int]] = [(data, 0)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > MAX_VALUES:
            _too_many()
        if isinstance(node, dict):
            if depth >= MAX_DEPTH:
                _too_deep()
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list | tuple):
            if depth >= MAX_DEPTH:
                _too_deep()
            stack.extend((v, depth + 1) for v in node)


# -- JSON objects: duplicate fields --------------------------------------------------

class _Object(dict[str, Any]):
    """A JSON object that had some of its fields more than once (the last
    value of each is kept, and the field reported)."""

    __slots__ = ("duplicates",)
    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    twice: dict[str, None] = {}
    for key, _ in pairs:
        if key in seen:
            twice[key] = None
        seen.add(key)
    marked = _Object(out)
    marked.duplicates = list(twice)
    return marked


def _duplicates(data: dict[Any, Any]) -> list[str]:
    return data.duplicates if isinstance(data, _Object) else []


# -- problems ------------------------------------------------------------------------

_Path = tuple[str | int, ...]
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _path_text(path: _Path) -> str:
    out = ["$"]
    for step in path:
        if isinstance(step, int):
            out.append(f"[{step}]")
        elif _FIELD_NAME.fullmatch(step):
            out.append(f".{step}")
        else:  # any other key, quoted and escaped as JSON (ASCII only)
            out.append(f"[{json.dumps(step)}]")
    return "".join(out)


def _printable(text: str) -> str:
    # A lone surrogate cannot be written as UTF-8: show its escape instead.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _shown(value: object) -> object:
    """*value* as a problem shows it: containers summarised, long text cut,
    lone surrogates escaped, anything that is not JSON named by its type."""
    if isinstance(value, dict):
        return f"<object with {len(value)} field(s)>"
    if isinstance(value, list | tuple):
        return f"<list of {len(value)}>"
    if isinstance(value, str):
        cut = value[:200] + "…" if len(value) > 200 else value
        return _printable(cut)
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        bits = value.bit_length()
        return value if bits <= 64 else f"<a whole number of {bits} bits>"
    return f"<{type(value).__name__}>"


class _Found:
    """The problems found: the first :data:`MAX_PROBLEMS` kept, all counted."""

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.total = 0

    def extend(self, problems: Iterable[Problem]) -> None:
        for p in problems:
            self.total += 1
            if len(self.kept) < MAX_PROBLEMS:
                self.kept.append(p)

    def raise_if_any(self, summary: str) -> None:
        if not self.total:
            return
        rest = self.total - len(self.kept)
        if rest:
            summary += (f" ({self.total} problems; the first {len(self.kept)} are listed, "
                        f"{rest} more are not)")
        raise ValidationError(summary, self.kept)


def _code(exc: BaseException) -> str:
    if isinstance(exc, InvalidDateError):
        return "bad-date"
    if isinstance(exc, UnknownParticipantError):
        return "unknown-participant"
    if isinstance(exc, TypeError):
        return "wrong-type"
    return "invalid"


# "Delay.months must be >= 0, got -1 (int)" -> "must be >= 0": the location
# already names the field, and the problem the value.
_OWN_CHECK = re.compile(r"^\w+\.\w+(?:\[\d+\])? (must be .*?)(?:, got .*)?$", re.DOTALL)


def _message(exc: BaseException) -> str:
    if isinstance(exc, InvalidDateError) and exc.reason:
        return f"invalid date: {exc.reason}"
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    m = _OWN_CHECK.match(text)
    return m.group(1) if m else text


# -- reading -------------------------------------------------------------------------

_Check = Callable[["_Reader", dict[str, Any], dict[str, list[Any]],
                   dict[Any, Any], "_Path"], bool]


class _Plan(NamedTuple):
    """How to read a value of one type: *kind* says what it is, *arg* the
    enum, the class, or the plan of the items or of the value that may be
    ``None``."""

    kind: str
    arg: Any = None


_PLANS: dict[Any, _Plan] = {}


def _plan(tp: Any) -> _Plan:
    known = _PLANS.get(tp)
    if known is not None:
        return known
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is str:
        plan = _Plan("str")
    elif tp is int:
        plan = _Plan("int")
    elif tp is bool:
        plan = _Plan("bool")
    elif tp is date:
        plan = _Plan("date")
    elif tp is PartialDate:
        plan = _Plan("partial")
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        plan = _Plan("enum", tp)
    elif origin is types.UnionType or origin is typing.Union:
        [inner] = [a for a in args if a is not type(None)]
        plan = _Plan("optional", _plan(inner))
    elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        plan = _Plan("tuple", _plan(args[0]))
    elif origin is frozenset:
        plan = _Plan("frozenset", _plan(args[0]))
    elif attrs.has(tp):
        plan = _Plan("object", tp)
    else:
        raise TypeError(f"cannot read a {tp!r}")
    _PLANS[tp] = plan
    return plan


class _Field(NamedTuple):
    name: str
    alias: str
    plan: _Plan
    required: bool
    attribute: attrs.Attribute[Any]


class _Shape(NamedTuple):
    """A class as the reader sees it: its fields, their names, its checks."""

    fields: tuple[_Field, ...]
    names: frozenset[str]
    required: frozenset[str]
    check: _Check | None
    #: What a field's validator is given as its instance: it only names the class.
    blank: Any


_SHAPES: dict[type[Any], _Shape] = {}


def _shape(cls: type[Any]) -> _Shape:
    known = _SHAPES.get(cls)
    if known is None:
        hints = typing.get_type_hints(cls)
        fields = tuple(
            _Field(a.name, a.alias or a.name, _plan(hints[a.name]),
                   a.default is attrs.NOTHING, a)
            for a in attrs.fields(cls) if a.init
        )
        known = _SHAPES[cls] = _Shape(fields, frozenset(f.name for f in fields),
                                      frozenset(f.name for f in fields if f.required),
                                      _CHECKS.get(cls), object.__new__(cls))
    return known


_FAIL: Final = cast(Any, object())  # a value that could not be read (never shown)


def _failed(items: list[Any]) -> bool:
    return any(v is _FAIL for v in items)
_EDTF: Final = "expected a date as EDTF text (YYYY-MM-DD, YYYY-MM, YYYY, [..YYYY-MM-DD])"


class _Reader:
    """Structures plain data into model objects, reporting every problem with
    its path.  A part that fails is not built, and nothing built from it is
    checked (no false problem follows from a true one); its siblings are."""

    def __init__(self, found: _Found) -> None:
        self.found = found
        #: The kind of each participant a record declares, by code.
        self.kinds: dict[str, ParticipantKind] = {}

    def report(self, path: _Path, value: object, message: str, code: str) -> None:
        found = self.found
        found.total += 1
        if len(found.kept) < MAX_PROBLEMS:
            found.kept.append(Problem(_path_text(path), _shown(value), message, code))

    # ---- values ----
    def value(self, data: object, plan: _Plan, path: _Path) -> Any:
        kind = plan.kind
        if kind == "str":
            if type(data) is str and (data.isascii() and data.isprintable()):
                return data  # the common case, at once
            return self.text(data, path)
        if kind == "object":
            return self.object(data, plan.arg, path)
        if kind == "optional":
            return None if data is None else self.value(data, plan.arg, path)
        if kind == "int":
            if isinstance(data, int) and not isinstance(data, bool):
                return data
            return self.wrong(data, path, "expected a whole number")
        if kind == "bool":
            if isinstance(data, bool):
                return data
            return self.wrong(data, path, "expected true or false")
        if kind == "date":
            if not isinstance(data, str):
                return self.wrong(data, path, "expected a date as text YYYY-MM-DD")
            return self.parsed(data, path, parse_date)
        if kind == "partial":
            if not isinstance(data, str):
                return self.wrong(data, path, _EDTF)
            return self.parsed(data, path, PartialDate.parse)
        if kind == "enum":
            return self.member(data, plan.arg, path)
        items = self.items(data, plan.arg, path)
        if items is _FAIL or _failed(items):
            return _FAIL
        return (tuple if kind == "tuple" else frozenset)(items)

    def wrong(self, data: object, path: _Path, message: str) -> Any:
        self.report(path, data, message, "wrong-type")
        return _FAIL

    def text(self, data: object, path: _Path) -> Any:
        if not isinstance(data, str):
            return self.wrong(data, path, "expected text")
        why = text_problem(data)
        if why is not None:
            self.report(path, data, why, "bad-text")
            return _FAIL
        return data

    def parsed(self, data: str, path: _Path, parse: Callable[[str], Any]) -> Any:
        if self.text(data, path) is _FAIL:
            return _FAIL
        try:
            return parse(data)
        except Exception as exc:  # the parser's error, whatever it is
            self.report(path, data, _message(exc), _code(exc) if isinstance(
                exc, MigrantConventionError | TypeError) else "bad-date")
            return _FAIL

    def member(self, data: object, tp: type[enum.Enum], path: _Path) -> Any:
        for m in tp:
            if m.value == data and type(data) is type(m.value):
                return m
        code = "unknown-kind" if tp is ActKind else "bad-value"
        if isinstance(data, str) and text_problem(data) is not None:
            self.text(data, path)
        else:
            self.report(path, data, f"unknown {tp.__name__}; {_expected(tp, data)}", code)
        return _FAIL

    def items(self, data: object, plan: _Plan, path: _Path) -> Any:
        """The items of a list, read (``_FAIL`` for one that could not be),
        or ``_FAIL`` if *data* is not a list."""
        if not isinstance(data, list | tuple):
            return self.wrong(data, path, f"expected a list, not {_kind_of(data)}")
        value = self.value
        return [value(item, plan, (*path, i)) for i, item in enumerate(data)]

    # ---- objects ----
    def object(self, data: object, cls: type[Any], path: _Path,
               envelope: tuple[str, ...] = ()) -> Any:
        if not isinstance(data, dict):
            return self.wrong(data, path, f"expected an object ({cls.__name__})")
        ok = True
        if isinstance(data, _Object):
            for key in data.duplicates:
                if key not in envelope:
                    self.report((*path, key), data[key], "the field is given more than once",
                                "duplicate-field")
                    ok = False
        shape = _shape(cls)
        if cls is TreatyRecord:
            self.kinds = _declared_kinds(data.get("participants"))
        got: dict[str, Any] = {}
        lists: dict[str, list[Any]] = {}
        found = self.found
        counting = len(found.kept) >= MAX_PROBLEMS
        if counting:
            # No more problems are kept, only counted: count missing and
            # unknown fields at once (hostile input can have millions of them).
            if not data and shape.required:
                found.total += len(shape.required)
                return _FAIL
            keys = data.keys()
            odd = len(shape.required - keys) + len(keys - shape.names - set(envelope))
            found.total += odd
            ok = ok and not odd
            fields: Iterable[_Field] = [f for f in shape.fields if f.name in keys]
        else:
            fields = shape.fields
        for f in fields:
            if f.name not in data:
                if f.required:
                    self.report((*path, f.name), None, "required field is missing",
                                "missing-field")
                    ok = False
                continue
            where = (*path, f.name)
            if f.plan.kind == "tuple" and f.plan.arg.kind == "object":
                # Kept item by item, for the checks of the whole (a universe's periods).
                items = self.items(data[f.name], f.plan.arg, where)
                if items is _FAIL:
                    ok = False
                    continue
                lists[f.name] = items
                if _failed(items):
                    ok = False
                    continue
                value = tuple(items)
            else:
                value = self.value(data[f.name], f.plan, where)
                if value is _FAIL:
                    ok = False
                    continue
            if f.attribute.validator is not None and not self.own_check(shape, f, value, where):
                ok = False
                continue
            got[f.name] = value
        if len(data) > len(got) and not counting:
            for key in data:
                if not isinstance(key, str):
                    self.report(path, key, f"a field name must be text, not {_kind_of(key)}",
                                "unknown-field")
                    ok = False
                elif key not in shape.names and key not in envelope:
                    self.report((*path, key), data[key], "unknown field", "unknown-field")
                    ok = False
        if shape.check is not None and not shape.check(self, got, lists, data, path):
            ok = False
        if not ok:
            return _FAIL
        try:
            return cls(**{f.alias: got[f.name] for f in shape.fields if f.name in got})
        except ValidationError as exc:  # a class that lists its problems
            self.found.extend(exc.problems)
        except Exception as exc:  # its own checks of several fields
            self.report(path, data, _message(exc), _code(exc))
        return _FAIL

    def own_check(self, shape: _Shape, f: _Field, value: Any, where: _Path) -> bool:
        """Run the field's own check (its attrs validator), as the class would."""
        check = f.attribute.validator
        if check is None:
            return True
        try:
            check(shape.blank, f.attribute, value)
        except (TypeError, ValueError, MigrantConventionError) as exc:
            self.report(where, value if not isinstance(value, tuple | frozenset) else list(value),
                        _message(exc), _code(exc))
            return False
        except Exception:  # a check that needs the whole object: the class runs it
            return True
        return True


def _kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


# ---- the checks of each class that the readers of other formats make too -----------

def _check_participant(r: _Reader, got: dict[str, Any], _lists: Any, _data: Any,
                       path: _Path) -> bool:
    if "code" in got and "kind" in got:
        why = check_code(got["code"], got["kind"])
        if why is not None:
            r.report((*path, "code"), got["code"], why, "unknown-participant")
            return False
    return True


def _declared_kinds(participants: object) -> dict[str, ParticipantKind]:
    """The kind of each participant of a record's (raw) ``participants``, by
    code, the last of a code as :mod:`~migrant_convention.core.validate` takes
    it (a participant that is not valid is reported where it is)."""
    kinds: dict[str, ParticipantKind] = {}
    if isinstance(participants, list | tuple):
        values = {k.value: k for k in ParticipantKind}
        for p in participants:
            if isinstance(p, dict) and isinstance(p.get("code"), str):
                kind = p.get("kind", ParticipantKind.STATE.value)
                if isinstance(kind, str) and kind in values:
                    kinds[p["code"]] = values[kind]
    return kinds


def _act_code_problem(code: str, kind: ParticipantKind | None) -> str | None:
    """Why *code* cannot be an act's participant: checked with
    :func:`~migrant_convention.core.participants.check_code` for the kind the
    record declares it is; a code the record does not declare, as the CSV
    reader checks it (three letters: an ISO 3166 alpha-3 code, current or
    withdrawn; else the code of a non-State participant)."""
    if kind is None:
        kind = ParticipantKind.STATE if len(code) == 3 else ParticipantKind.ORGANIZATION
    why = check_code(code, kind)
    if why is not None and kind is ParticipantKind.STATE:
        # A State's code may be a withdrawn one (the UN lists some acts so).
        former = check_code(code, ParticipantKind.FORMER_STATE)
        return None if former is None else "not an ISO 3166 alpha-3 code, current or withdrawn"
    return why


def _check_act(r: _Reader, got: dict[str, Any], _lists: Any, _data: Any, path: _Path) -> bool:
    if "participant" in got:
        code = got["participant"]
        why = _act_code_problem(code, r.kinds.get(code))
        if why is not None:
            r.report((*path, "participant"), code, why, "unknown-participant")
            return False
    return True


def _check_membership(r: _Reader, got: dict[str, Any], _lists: Any, _data: Any,
                      path: _Path) -> bool:
    ok = True
    if "code" in got:
        status = got.get("iso3166_status", "current")
        kind = ParticipantKind.STATE if status == "current" else ParticipantKind.FORMER_STATE
        why = check_code(got["code"], kind)
        if why is not None:
            r.report((*path, "code"), got["code"], why, "unknown-participant")
            ok = False
    start, end = got.get("start"), got.get("end")
    if start is not None and end is not None and end < start:
        r.report((*path, "end"), end.isoformat(), f"ends before it starts ({start})",
                 "bad-range")
        ok = False
    if ok and not path:
        # A period read on its own: what can be said of it alone (a period
        # of a universe is checked with the others, by _check_universe).
        try:
            period = Membership(**got)
        except Exception:  # reported when it is built
            return ok
        for p in period_problems([period], ["$"]):
            if p.code != "unknown-participant":  # the State it continues is elsewhere
                r.found.extend([p])
                ok = False
    return ok


def _check_universe(r: _Reader, _got: dict[str, Any], lists: dict[str, list[Any]],
                    data: dict[Any, Any], path: _Path) -> bool:
    items = lists.get("periods")
    if items is None:
        return True
    good = [(i, p) for i, p in enumerate(items) if p is not _FAIL]
    # A period that could not be read still has a code: a State continuing it
    # is not continuing "a State that has no period".
    raw = data.get("periods")
    unread = {item["code"] for p, item in zip(items, raw, strict=False)
              if p is _FAIL and isinstance(item, dict) and isinstance(item.get("code"), str)
              } if isinstance(raw, list) else set()
    found = period_problems([p for _, p in good],
                            [_path_text((*path, "periods", i)) for i, _ in good])
    kept = [p for p in found if not (p.code == "unknown-participant" and p.value in unread)]
    r.found.extend(kept)
    return not kept


def _check_treaty(r: _Reader, got: dict[str, Any], _lists: Any, _data: Any,
                  path: _Path) -> bool:
    adopted, opened = got.get("adopted"), got.get("opened_for_signature")
    if adopted is not None and opened is not None and opened < adopted:
        r.report((*path, "opened_for_signature"), opened.isoformat(),
                 f"opened for signature before it was adopted ({adopted})", "bad-range")
        return False
    return True


def _check_rules(r: _Reader, got: dict[str, Any], _lists: Any, data: dict[Any, Any],
                 path: _Path) -> bool:
    ok = True
    for name in ("consent", "requires_signature"):
        if name in got and isinstance(data.get(name), list | tuple):
            for i, value in enumerate(data[name]):
                if not ActKind(value).is_consent:
                    r.report((*path, name, i), value,
                             "this kind of act does not express consent to be bound",
                             "bad-value")
                    ok = False
    return ok


def _check_counts(r: _Reader, got: dict[str, Any], _lists: Any, _data: Any,
                  path: _Path) -> bool:
    ok = True
    for name, value in got.items():
        if isinstance(value, int) and value < 0:
            r.report((*path, name), value, "must be >= 0", "invalid")
            ok = False
    return ok


_CHECKS: Final[dict[type[Any], _Check]] = {
    Act: _check_act,
    Counts: _check_counts,
    Membership: _check_membership,
    Participant: _check_participant,
    Rules: _check_rules,
    Treaty: _check_treaty,
    Universe: _check_universe,
}


# ---- the whole -----------------------------------------------------------------------

def _structure(data: object, cls: type[Any], what: str, envelope: tuple[str, ...],
               validate: bool, universe: Universe | None) -> Any:
    found = _Found()
    reader = _Reader(found)
    if cls is PartialDate and envelope:
        value = _partial_date(reader, data)
    elif attrs.has(cls) and cls is not PartialDate:
        value = reader.object(data, cls, (), envelope)
    else:
        value = reader.value(data, _plan(cls), ())
    found.raise_if_any(f"invalid {what} data")
    if validate and isinstance(value, TreatyRecord):
        found.extend(_record_problems(value, universe))
        found.raise_if_any(f"invalid {what} data")
    return value


def _partial_date(reader: _Reader, data: object) -> Any:
    assert isinstance(data, dict)
    for key in _duplicates(data):
        if key == "value":
            reader.report((key,), data[key], "the field is given more than once",
                          "duplicate-field")
    for key in data:
        if not isinstance(key, str):
            reader.report((), key, f"a field name must be text, not {_kind_of(key)}",
                          "unknown-field")
        elif key not in ("format", "version", "value"):
            reader.report((key,), data[key], "unknown field", "unknown-field")
    if "value" not in data:
        reader.report(("value",), None, "required field is missing", "missing-field")
        return _FAIL
    return reader.value(data["value"], _plan(PartialDate), ("value",))


# validate.problems names an act's field by its CSV column; JSON has its own.
_RECORD_LOCATION = re.compile(r"^(\$\.acts\[\d+\]), field '(\w+)'$")
_JSON_FIELD: Final = {"action": "kind"}


def _record_problems(record: TreatyRecord, universe: Universe | None) -> Iterator[Problem]:
    locations = [f"$.acts[{i}]" for i in range(len(record.acts))]
    for p in record_problems(record, universe, locations=locations):
        m = _RECORD_LOCATION.match(p.location)
        if m is None:
            yield p
        else:
            field = _JSON_FIELD.get(m.group(2), m.group(2))
            yield Problem(f"{m.group(1)}.{field}", p.value, p.message, p.code)

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
(``$.acts[3].date``) and the offending value.  Input that is too large or too
deeply nested is refused before it is parsed.

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

import enum
import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any, Final, TypeVar, cast, overload

import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ..core.acts import Act, ActKind
from ..core.dates import PartialDate, parse_date
from ..core.participants import Participant, ParticipantKind, check_code
from ..core.record import TreatyRecord
from ..core.status_types import Counts
from ..core.treaty import Delay, DenunciationRule, EntryIntoForceRule, Rules, Treaty
from ..core.universe import Membership, Universe
from ..errors import (
    InvalidDateError,
    Problem,
    UnknownParticipantError,
    UnsupportedFormatError,
    ValidationError,
)

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "MAX_JSON_CHARS",
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
    EntryIntoForceRule: "entry_into_force_rule",
    Membership: "membership",
    PartialDate: "partial_date",
    Participant: "participant",
    Rules: "rules",
    Treaty: "treaty",
    TreatyRecord: "record",
    Universe: "universe",
}
_BY_NAME: Final = {_PREFIX + name: cls for cls, name in FORMATS.items()}

#: Refuse JSON text longer than this many characters (before parsing it).
MAX_JSON_CHARS: Final = 64_000_000
#: Refuse data nested deeper than this (the deepest valid data is about 6).
MAX_DEPTH: Final = 32
# Refuse already-parsed data with more nodes than this.
_MAX_NODES: Final = 8_000_000


# -- the converter ---------------------------------------------------------------

def _strict(kind: type[Any], what: str) -> Callable[[object, type[Any]], Any]:
    def hook(value: object, _type: type[Any]) -> Any:
        # cattrs would coerce ("3" -> 3, 5 -> "5"); untrusted input must not be.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(f"expected {what}")
        return value

    return hook


def _structure_date(value: object, _type: type[Any]) -> date:
    if not isinstance(value, str):
        raise TypeError("expected a date as text YYYY-MM-DD")
    return parse_date(value)


def _structure_partial(value: object, _type: type[Any]) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError("expected a date as EDTF text (YYYY-MM-DD, YYYY-MM, YYYY, [..YYYY-MM-DD])")
    return PartialDate.parse(value)


def _structure_enum(value: object, type_: type[enum.Enum]) -> enum.Enum:
    for member in type_:
        if member.value == value and type(value) is type(member.value):
            return member
    known = ", ".join(repr(m.value) for m in type_)
    raise ValueError(f"unknown {type_.__name__}; expected one of {known}")


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
    conv.register_unstructure_hook_func(
        _is_kinds, lambda kinds: sorted(k.value for k in kinds)
    )
    return conv


#: The cattrs converter behind this module, for embedding the library's
#: objects in a caller's own attrs classes.
converter: Final = _make_converter()


# -- plain data --------------------------------------------------------------------

def unstructure(obj: object) -> Any:
    """*obj* as plain JSON-compatible data, without the format envelope."""
    return converter.unstructure(obj)


def structure(data: object, cls: type[T], *, what: str | None = None) -> T:
    """Build a *cls* from plain data (no format envelope).

    :raises ValidationError: listing every problem with its JSON path.
    """
    _check_shape(data)
    # The States' codes are checked as the CSV reader checks them, and
    # reported together with whatever else is wrong.
    codes = list(_membership_code_problems(data, cls))
    try:
        value = converter.structure(data, cls)
    except Exception as exc:
        problems = list(_problems(exc, (), data))
        raise ValidationError(f"invalid {what or cls.__name__} data",
                              [*problems, *codes]) from None
    if codes:
        raise ValidationError(f"invalid {what or cls.__name__} data", codes)
    return value


def _membership_code_problems(data: object, cls: type[Any]) -> Iterator[Problem]:
    """The codes of a universe's (or a membership's) States that are not
    acceptable: an ISO 3166 alpha-3 code, current or, for a State with
    ``iso3166_status`` other than ``current``, withdrawn."""
    if cls is Universe and isinstance(data, dict) and isinstance(data.get("periods"), list):
        items = [(f"$.periods[{i}]", m) for i, m in enumerate(data["periods"])]
    elif cls is Membership:
        items = [("$", data)]
    else:
        return
    for where, m in items:
        if not isinstance(m, dict) or not isinstance(m.get("code"), str):
            continue  # structuring reports it
        status = m.get("iso3166_status", "current")
        kind = ParticipantKind.STATE if status == "current" else ParticipantKind.FORMER_STATE
        why = check_code(m["code"], kind)
        if why is not None:
            yield Problem(f"{where}.code", m["code"], why, "unknown-participant")


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
def from_data(data: object) -> object: ...
@overload
def from_data(data: object, cls: type[T]) -> T: ...
def from_data(data: object, cls: type[Any] | None = None) -> Any:
    """Read what :func:`to_data` wrote.

    :param cls: the class expected; ``None`` accepts any format of :data:`FORMATS`.
    :raises UnsupportedFormatError: the format is unknown, another than *cls*,
        or newer than :data:`VERSION`.
    :raises ValidationError: listing every problem with its JSON path.
    """
    _check_shape(data)
    if not isinstance(data, dict):
        raise ValidationError("invalid data", [Problem("$", _short(data),
                              "expected an object with 'format' and 'version'", "wrong-type")])
    fmt, version = data.get("format"), data.get("version")
    if not isinstance(fmt, str):
        raise UnsupportedFormatError(f"no format name in the data (got {_short(fmt)!r})")
    found = _BY_NAME.get(fmt)
    if found is None:
        known = ", ".join(sorted(_BY_NAME))
        raise UnsupportedFormatError(f"unknown format {fmt!r}; this library reads {known}")
    if cls is not None and found is not cls:
        raise UnsupportedFormatError(f"expected {_PREFIX}{FORMATS[cls]} data, got {fmt!r}")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnsupportedFormatError(f"{fmt}: version must be a whole number >= 1, "
                                     f"not {_short(version)!r}")
    if version > VERSION:
        raise UnsupportedFormatError(
            f"{fmt} version {version} is newer than this library reads "
            f"(up to {VERSION}); upgrade migrant_convention"
        )
    body = {k: v for k, v in data.items() if k not in ("format", "version")}
    if found is PartialDate:
        if set(body) != {"value"}:
            extra = sorted(set(body) - {"value"})
            raise ValidationError(f"invalid {fmt} data", [
                Problem(f"$.{extra[0]}" if extra else "$.value", body.get(extra[0]) if extra
                        else None, "unknown field" if extra else "required field is missing",
                        "unknown-field" if extra else "missing-field")])
        return structure(body["value"], PartialDate, what=fmt)
    return structure(body, found, what=fmt)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """*obj* as JSON text (see :func:`to_data`); non-ASCII text is kept as is."""
    return json.dumps(to_data(obj), ensure_ascii=False, indent=indent)


@overload
def from_json(text: str | bytes, cls: None = None, *, max_chars: int = ...) -> object: ...
@overload
def from_json(text: str | bytes, cls: type[T], *, max_chars: int = ...) -> T: ...
def from_json(
    text: str | bytes, cls: type[Any] | None = None, *, max_chars: int = MAX_JSON_CHARS
) -> Any:
    """Read JSON text written by :func:`to_json`.

    The text is checked for size (*max_chars*) and nesting depth
    (:data:`MAX_DEPTH`) before it is parsed, so hostile input fails cleanly.

    :raises ValidationError: malformed JSON, or data with problems (all listed).
    :raises UnsupportedFormatError: see :func:`from_data`.
    """
    if isinstance(text, bytes | bytearray):
        if len(text) > max_chars * 4:
            _too_large(len(text), max_chars)
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError("invalid JSON", [
                Problem(f"byte {exc.start}", text[exc.start:exc.start + 8], "not UTF-8",
                        "bad-json")]) from None
    if len(text) > max_chars:
        _too_large(len(text), max_chars)
    _check_text_depth(text)
    try:
        data = json.loads(text)
    except ValueError as exc:  # JSONDecodeError, and over-long integers
        where = (f"line {exc.lineno}, column {exc.colno}"
                 if isinstance(exc, json.JSONDecodeError) else "$")
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise ValidationError("invalid JSON", [Problem(where, _short(text), msg, "bad-json")]
                              ) from None
    return from_data(data) if cls is None else from_data(data, cls)


# -- limits --------------------------------------------------------------------------

def _too_large(size: int, limit: int) -> None:
    raise ValidationError("input too large", [
        Problem("$", f"{size} characters", f"larger than the limit of {limit}", "too-large")])


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def _check_text_depth(text: str) -> None:
    # Strings may hold brackets: blank them out, then count nesting. Linear time.
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                _too_deep()
        else:
            depth -= 1


def _too_deep() -> None:
    raise ValidationError("input too deeply nested", [
        Problem("$", f"> {MAX_DEPTH} levels", f"nested deeper than {MAX_DEPTH} levels",
                "too-deep")])


def _check_shape(data: object) -> None:
    # Parsed data can come from anywhere: walk it without recursion.
    stack: list[tuple[object, int]] = [(data, 0)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > _MAX_NODES:
            raise ValidationError("input too large", [
                Problem("$", f"> {_MAX_NODES} values", "too many values", "too-large")])
        if isinstance(node, dict):
            if depth >= MAX_DEPTH:
                _too_deep()
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list | tuple):
            if depth >= MAX_DEPTH:
                _too_deep()
            stack.extend((v, depth + 1) for v in node)


# -- errors -> problems --------------------------------------------------------------

_Path = tuple[str | int, ...]
_MISSING = object()


def _path_text(path: _Path) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def _value_at(data: object, path: _Path) -> object:
    node = data
    for step in path:
        if isinstance(step, int):
            if not (isinstance(node, list) and 0 <= step < len(node)):
                return _MISSING
            node = node[step]
        else:
            if not (isinstance(node, dict) and step in node):
                return _MISSING
            node = node[step]
    return node


def _short(value: object) -> object:
    # Keep messages readable: containers are summarised, long text cut.
    if isinstance(value, dict):
        return f"<object with {len(value)} field(s)>"
    if isinstance(value, list):
        return f"<list of {len(value)}>"
    if isinstance(value, str) and len(value) > 200:
        return value[:200] + "…"
    return value


def _code(exc: BaseException) -> str:
    if isinstance(exc, InvalidDateError):
        return "bad-date"
    if isinstance(exc, UnknownParticipantError):
        return "unknown-participant"
    if isinstance(exc, TypeError):
        return "wrong-type"
    if str(exc).startswith("unknown ActKind"):
        return "unknown-kind"
    return "invalid"


def _problems(exc: BaseException, path: _Path, data: object) -> Iterator[Problem]:
    if isinstance(exc, ClassValidationError):
        noted, other = exc.group_exceptions()
        for sub, note in noted:
            yield from _problems(sub, (*path, note.name), data)
        for sub in other:
            yield from _problems(sub, path, data)
    elif isinstance(exc, IterableValidationError):
        inoted, iother = exc.group_exceptions()
        for sub, inote in inoted:
            yield from _problems(sub, (*path, inote.index), data)
        for sub in iother:
            yield from _problems(sub, path, data)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(_path_text((*path, key)), _short(_value_at(data, (*path, key))),
                          "unknown field", "unknown-field")
    elif isinstance(exc, KeyError) and _value_at(data, path) is _MISSING:
        yield Problem(_path_text(path), None, "required field is missing", "missing-field")
    else:
        value = _value_at(data, path)
        message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        if isinstance(exc, InvalidDateError) and exc.reason:
            message = f"invalid date: {exc.reason}"
        yield Problem(_path_text(path), None if value is _MISSING else _short(value),
                      message, _code(exc))


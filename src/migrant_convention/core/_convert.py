"""Typed converters and checks for the model classes' attrs fields.

Converters (mypy cannot see through ``converter=tuple``) make the documented
conversions — any iterable of text to a tuple, an enum's value string to the
member — and pass anything else through unchanged; the field's validator then
refuses it with a :class:`TypeError` (wrong type) or :class:`ValueError`
(right type, impossible value) that names the class, the field and the value:

``Act.date must be a PartialDate or a datetime.date, got 20210105 (int)``

Validators run on every construction, so each is one or two ``isinstance``
checks on the common path.
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NoReturn, TypeVar, cast

import attrs

__all__ = [
    "a",
    "a_day",
    "an_instance",
    "counted",
    "digits",
    "enum_member",
    "fail",
    "short",
    "strings",
    "text",
    "to_strings",
    "tuple_of",
    "whole",
]

E = TypeVar("E", bound=enum.Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxset = _SHORT.maxfrozenset = 4


#: Integers with more bits than this are described, not written out (the
#: repr of one of more than 4,300 digits is itself a ValueError).
_LONG_INT_BITS = 200


def short(value: object) -> str:
    """A repr of *value* short enough for a message; a huge integer is
    described by its number of digits (``an integer of 4000 digits``)."""
    if isinstance(value, int) and value.bit_length() > _LONG_INT_BITS:
        return f"an integer of {digits(value)} digits"
    return _SHORT.repr(value)


def digits(n: int) -> int:
    """How many decimal digits *n* has, without writing it out (which Python
    refuses past 4,300 digits)."""
    n = abs(n)
    guess = max(1, (n.bit_length() * 30103) // 100000)  # log10(2) ~ 0.30103
    while 10 ** guess <= n:
        guess += 1
    while guess > 1 and 10 ** (guess - 1) > n:
        guess -= 1
    return guess


def counted(n: int, noun: str) -> str:
    """``"1 act"``, ``"2 acts"``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def a(name: str) -> str:
    """*name* with its indefinite article: ``"an ActKind"``, ``"a Delay"``."""
    return f"an {name}" if name[:1] in "AEIOUaeiou" else f"a {name}"


def fail(inst: object, name: str, expected: str, value: object,
         error: type[Exception] = TypeError, hint: str = "") -> NoReturn:
    """Raise *error*: ``<Class>.<name> must be <expected>, got <value> (<type>)``."""
    owner = type(inst).__name__
    raise error(f"{owner}.{name} must be {expected}, got {short(value)} "
                f"({type(value).__name__}){hint}")


# -- converters -------------------------------------------------------------------

def to_strings(value: Iterable[str]) -> tuple[str, ...]:
    """Any iterable of text as a tuple; a lone string is one item, not characters."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def strings(value: Iterable[str]) -> tuple[str, ...]:
    """:func:`to_strings`, passing a value that is not iterable through to the
    field's validator (:func:`tuple_of`), which names the field."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(value)
    return cast("tuple[str, ...]", value)


def enum_member(cls: type[E], value: E | str) -> E:
    """*value* as a member of *cls* when it is one of its value strings;
    anything else unchanged (the validator reports it)."""
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        try:
            return cls(value)
        except ValueError:
            pass
    return cast(E, value)


# -- validators -------------------------------------------------------------------

def _or_none(expected: str, optional: bool) -> str:
    return f"None or {expected}" if optional else expected


def text(*, optional: bool = False) -> Validator:
    """The field holds a :class:`str` (or, if *optional*, ``None``)."""
    expected = _or_none("a str", optional)

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) and not (optional and value is None):
            fail(inst, attribute.name, expected, value)

    return validate


def a_day(*, optional: bool = False) -> Validator:
    """The field holds a :class:`datetime.date` that is not a ``datetime``."""
    expected = _or_none("a datetime.date", optional)

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (not isinstance(value, date) or isinstance(value, datetime)) and not (
            optional and value is None
        ):
            fail(inst, attribute.name, expected, value,
                 hint="; use .date() of a datetime" if isinstance(value, datetime) else "")

    return validate


def an_instance(cls: type[Any], *, optional: bool = False) -> Validator:
    """The field holds an instance of *cls* (or, if *optional*, ``None``); an
    enum's unknown value string is a :class:`ValueError` listing the known ones."""
    expected = _or_none(a(cls.__name__), optional)

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, cls) or (optional and value is None):
            return
        if issubclass(cls, enum.Enum) and isinstance(value, str):
            known = ", ".join(repr(m.value) for m in cls)
            fail(inst, attribute.name, f"{expected} or one of its values ({known})", value,
                 ValueError)
        fail(inst, attribute.name, expected, value)

    return validate


def whole(minimum: int = 0, maximum: int | None = None, *, why: str = "") -> Validator:
    """The field holds an :class:`int` (not a :class:`bool`) of at least
    *minimum* and, if given, at most *maximum* (*why* says why, in the message)."""
    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            fail(inst, attribute.name, "a whole number (int)", value)
        if value < minimum:
            fail(inst, attribute.name, f">= {minimum}", value, ValueError)
        if maximum is not None and value > maximum:
            fail(inst, attribute.name, f"<= {maximum:,}", value, ValueError,
                 f"; {why}" if why else "")

    return validate


def tuple_of(cls: type[Any]) -> Validator:
    """The field holds a tuple (its converter made it) of instances of *cls*;
    a wrong item is named by its index."""
    expected = a(cls.__name__)

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            fail(inst, attribute.name, f"an iterable of {cls.__name__}", value)
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                fail(inst, f"{attribute.name}[{i}]", expected, item)

    return validate

"""Dates that are not always known to the day.

Treaty records carry dates known to the day, to the month, to the year, known
to the day but from a single source (``2016-10-25?``), or known only as "on or
before" a day (``[..2013-07-09]``).  :class:`PartialDate` keeps what is known:
its earliest and latest possible day, its precision, and whether it is flagged
uncertain.  It is written and read in a small subset of EDTF (ISO 8601-2):

>>> PartialDate.parse("2024-11")
PartialDate.parse('2024-11')
>>> d = PartialDate.parse("2024-11")
>>> d.earliest, d.latest
(datetime.date(2024, 11, 1), datetime.date(2024, 11, 30))
>>> str(PartialDate.parse("[..2013-07-09]"))
'[..2013-07-09]'

Comparing such a date with a day gives one of three answers
(:meth:`PartialDate.is_on_or_before`): certainly yes, certainly no, or
undecidable (``None``).  The library never guesses.

**The supported range.**  A :class:`PartialDate` lies between
:data:`FIRST_DAY` (1 January 1000) and :data:`LAST_DAY` (31 December 9000),
both included: a date outside, however it is built (:meth:`PartialDate.parse`,
a constructor, a reader), is an
:class:`~migrant_convention.errors.InvalidDateError` naming it.  The range
leaves room for the library's arithmetic: a delay of a treaty's rules is at
most 100 years of months plus 100 years of days
(:class:`~migrant_convention.core.rules.Delay`), and the longest chain the
library computes from a date of an act is two delays (entry into force, then
the first day a denunciation may be made), so every day it computes from a
date in the range falls before the year 9500, far from the last day a
:class:`datetime.date` can have.  Arithmetic that would go past that day
anyway (:func:`add_months` or a delay applied by hand to a day near
9999-12-31) raises :class:`~migrant_convention.errors.InvalidDateError`, never
:class:`OverflowError` or :mod:`datetime`'s own :class:`ValueError`.  Dates
are written with four ASCII digits for the year: other digits (``２０１４``,
Arabic-Indic ``٢٠١٤``) are refused.
"""

from __future__ import annotations

import calendar
import enum
import re
from datetime import MAXYEAR, MINYEAR, date
from typing import Literal

import attrs

from ..errors import InvalidDateError
from ._convert import a_day, an_instance, enum_member, short

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "PartialDate",
    "Precision",
    "Resolve",
    "add_days",
    "add_months",
    "parse_date",
]


class Precision(enum.Enum):
    """How precisely a :class:`PartialDate` is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    ON_OR_BEFORE = "on_or_before"


class Resolve(enum.Enum):
    """How to treat an imprecise date when an answer depends on it.

    ``STRICT`` (the default everywhere) raises
    :class:`~migrant_convention.errors.UndecidableError`; ``EARLIEST`` assumes
    each imprecise act happened on its earliest possible day, ``LATEST`` on its
    latest.
    """

    STRICT = "strict"
    EARLIEST = "earliest"
    LATEST = "latest"


ResolveLike = Resolve | Literal["strict", "earliest", "latest"]


def as_resolve(value: ResolveLike) -> Resolve:
    """Accept a :class:`Resolve` or its string value."""
    if isinstance(value, Resolve):
        return value
    try:
        return Resolve(value)
    except ValueError:
        raise ValueError(
            f"resolve must be 'strict', 'earliest' or 'latest', not {value!r}"
        ) from None


#: The first day a :class:`PartialDate` may be (see the module's docstring).
FIRST_DAY = date(1000, 1, 1)
#: The last day a :class:`PartialDate` may be (see the module's docstring).
LAST_DAY = date(9000, 12, 31)
_RANGE = f"outside the supported range {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"

# ASCII digits only: \d would take any script's digits, and int() reads them.
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(\?)?")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})(\?)?")
_YEAR = re.compile(r"([0-9]{4})(\?)?")
_BEFORE = re.compile(r"\[\.\.([0-9]{4})-([0-9]{2})-([0-9]{2})\]")


def _shown(text: str) -> str:
    """*text* as an error shows it: at most 60 characters."""
    return text if len(text) <= 60 else text[:60] + "…"


def _make_day(text: str, y: str, m: str, d: str) -> date:
    try:
        return date(int(y), int(m), int(d))
    except ValueError as exc:
        raise InvalidDateError(text, str(exc)) from None


def _in_range(text: str, day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidDateError(text, _RANGE)
    return day


def parse_date(text: str) -> date:
    """Parse an ISO ``YYYY-MM-DD`` day, with a clear error naming the text.

    >>> parse_date("2014-12-18")
    datetime.date(2014, 12, 18)
    """
    if not isinstance(text, str):
        raise InvalidDateError(short(text), "expected text in the form YYYY-MM-DD")
    match = _DAY.fullmatch(text.strip())
    if match is None or match.group(4):
        raise InvalidDateError(_shown(text), "expected YYYY-MM-DD")
    return _make_day(text, *match.group(1, 2, 3))


def add_months(day: date, months: int) -> date:
    """*day* plus *months* calendar months, clamped to the end of a shorter month.

    >>> add_months(date(2003, 11, 30), 3)
    datetime.date(2004, 2, 29)

    :raises InvalidDateError: if the day would be past 9999-12-31 (or before
        0001-01-01), the days a :class:`datetime.date` can have.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise InvalidDateError(f"{day.isoformat()} + {short(months)} month{_s(months)}",
                               "past the days a date can have (0001-01-01 to 9999-12-31)")
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def add_days(day: date, days: int) -> date:
    """*day* plus *days* days (:func:`add_months`' counterpart).

    :raises InvalidDateError: if the day would be past 9999-12-31 (or before
        0001-01-01).
    """
    ordinal = day.toordinal() + days
    if not 1 <= ordinal <= _MAX_ORDINAL:
        raise InvalidDateError(f"{day.isoformat()} + {short(days)} day{_s(days)}",
                               "past the days a date can have (0001-01-01 to 9999-12-31)")
    return date.fromordinal(ordinal)


_MAX_ORDINAL = date.max.toordinal()


def _s(n: int) -> str:
    return "" if n in (1, -1) else "s"


def _last_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _check_year(year: object) -> None:
    if not isinstance(year, int) or isinstance(year, bool):
        raise TypeError(f"year must be a whole number (int), got {short(year)}")
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise InvalidDateError(short(year), _RANGE)


def _precision(value: Precision | str) -> Precision:
    return enum_member(Precision, value)


@attrs.frozen(order=False)
class PartialDate:
    """A day, or a range of days one of which is the day meant.

    Build one with :meth:`parse` or the constructors :meth:`day`, :meth:`month`,
    :meth:`year` and :meth:`on_or_before`; ``str()`` writes it back exactly as
    parsed, so a round trip is lossless.

    :ivar precision: how precisely the date is known.
    :ivar latest: the last day it can be.
    :ivar earliest_known: the first day it can be, or ``None`` for an "on or
        before" date, whose lower bound comes from context (see
        :meth:`bounded`).
    :ivar uncertain: ``True`` when the date is flagged ``?`` (one source only).

    The fields are checked when it is built: *precision* is a
    :class:`Precision` (or its value, ``"month"``), the days are
    :class:`datetime.date` values and not ``datetime`` ones, *uncertain* is a
    :class:`bool`, and the bounds must match the precision
    (:class:`~migrant_convention.errors.InvalidDateError` otherwise).
    """

    precision: Precision = attrs.field(converter=_precision,
                                       validator=an_instance(Precision))
    latest: date = attrs.field(validator=a_day())
    earliest_known: date | None = attrs.field(validator=a_day(optional=True))
    uncertain: bool = attrs.field(default=False, validator=an_instance(bool))

    def __attrs_post_init__(self) -> None:
        p, lo, hi = self.precision, self.earliest_known, self.latest
        if not FIRST_DAY <= hi <= LAST_DAY or (lo is not None and not FIRST_DAY <= lo <= LAST_DAY):
            raise InvalidDateError(str(self), _RANGE)
        if p is Precision.ON_OR_BEFORE:
            ok = lo is None and not self.uncertain
        elif lo is None:
            ok = False
        elif p is Precision.DAY:
            ok = lo == hi
        elif p is Precision.MONTH:
            ok = lo == hi.replace(day=1) and hi == _last_of_month(hi.year, hi.month)
        else:
            ok = lo == date(hi.year, 1, 1) and hi == date(hi.year, 12, 31)
        if not ok:
            raise InvalidDateError(
                f"{p.value}:{lo}..{hi}{'?' if self.uncertain else ''}",
                "bounds do not match the precision",
            )

    # -- constructors -----------------------------------------------------
    @classmethod
    def day(cls, value: date, *, uncertain: bool = False) -> PartialDate:
        """A date known to the day."""
        return cls(Precision.DAY, value, value, uncertain)

    @classmethod
    def month(cls, year: int, month: int, *, uncertain: bool = False) -> PartialDate:
        """Some day in a month."""
        _check_year(year)
        if not isinstance(month, int) or isinstance(month, bool):
            raise TypeError(f"month must be a whole number (int), got {short(month)}")
        if not 1 <= month <= 12:
            raise InvalidDateError(f"{year:04d}-{short(month)}", "month must be in 1..12")
        return cls(Precision.MONTH, _last_of_month(year, month), date(year, month, 1), uncertain)

    @classmethod
    def year(cls, year: int, *, uncertain: bool = False) -> PartialDate:
        """Some day in a year."""
        _check_year(year)
        return cls(Precision.YEAR, date(year, 12, 31), date(year, 1, 1), uncertain)

    @classmethod
    def on_or_before(cls, value: date) -> PartialDate:
        """Some day on or before *value*; how early is bounded by context."""
        return cls(Precision.ON_OR_BEFORE, value, None, False)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the EDTF subset: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` (each
        optionally followed by ``?``) and ``[..YYYY-MM-DD]``.

        >>> PartialDate.parse("2016-10-25?").uncertain
        True
        >>> PartialDate.parse("2014-02-30")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        InvalidDateError: invalid date '2014-02-30': day is out of range for month
        """
        if not isinstance(text, str):
            raise InvalidDateError(short(text), "expected text")
        s = text.strip()
        if m := _DAY.fullmatch(s):
            day = _in_range(text, _make_day(text, *m.group(1, 2, 3)))
            return cls.day(day, uncertain=bool(m.group(4)))
        if m := _MONTH.fullmatch(s):
            month, year = int(m.group(2)), int(m.group(1))
            if not 1 <= month <= 12:
                raise InvalidDateError(text, "month must be in 1..12")
            if not FIRST_DAY.year <= year <= LAST_DAY.year:
                raise InvalidDateError(text, _RANGE)
            return cls.month(year, month, uncertain=bool(m.group(3)))
        if m := _YEAR.fullmatch(s):
            year = int(m.group(1))
            if not FIRST_DAY.year <= year <= LAST_DAY.year:
                raise InvalidDateError(text, _RANGE)
            return cls.year(year, uncertain=bool(m.group(2)))
        if m := _BEFORE.fullmatch(s):
            return cls.on_or_before(_in_range(text, _make_day(text, *m.group(1, 2, 3))))
        raise InvalidDateError(
            _shown(text),
            "expected YYYY-MM-DD, YYYY-MM or YYYY (optionally with '?'), or [..YYYY-MM-DD]",
        )

    # -- reading ------------------------------------------------------------
    @property
    def earliest(self) -> date:
        """The first day it can be (``date.min`` when unknown: see :meth:`bounded`)."""
        return self.earliest_known if self.earliest_known is not None else date.min

    @property
    def is_exact(self) -> bool:
        """True when the day is known (``?``-flagged days count as known)."""
        return self.precision is Precision.DAY

    def earliest_text(self) -> str:
        """The earliest possible day as text, ``"unknown"`` when open."""
        return self.earliest_known.isoformat() if self.earliest_known else "an unknown day"

    def bounded(self, floor: date) -> tuple[date, date]:
        """``(earliest, latest)``, with an open lower bound replaced by *floor*.

        *floor* is the earliest day the context allows, e.g. the day a treaty
        was opened for signature.
        """
        lo = max(self.earliest, floor)
        return (min(lo, self.latest), self.latest)

    def resolved(self, how: Resolve, floor: date = date.min) -> date:
        """One day: the earliest or the latest possible one.

        ``Resolve.STRICT`` only succeeds for a date known to the day.
        """
        lo, hi = self.bounded(floor)
        if how is Resolve.EARLIEST:
            return lo
        if how is Resolve.LATEST or lo == hi:
            return hi
        raise ValueError(f"{self} is not known to the day; choose a resolution")

    def is_on_or_before(self, day: date, floor: date = date.min) -> bool | None:
        """Whether this date is on or before *day*: ``True``, ``False``, or
        ``None`` when it depends on where in its range the date falls."""
        lo, hi = self.bounded(floor)
        if hi <= day:
            return True
        if lo > day:
            return False
        return None

    def sort_key(self) -> tuple[date, date]:
        """Sort by earliest possible day, then latest.

        An "on or before" date has no known earliest day; it sorts by the one
        bound it has, its latest day (sorting it before everything else would
        put a declaration "on or before 2013" before a signature of 2000).
        """
        if self.earliest_known is None:
            return (self.latest, self.latest)
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        q = "?" if self.uncertain else ""
        if self.precision is Precision.DAY:
            return self.latest.isoformat() + q
        if self.precision is Precision.MONTH:
            return f"{self.latest.year:04d}-{self.latest.month:02d}{q}"
        if self.precision is Precision.YEAR:
            return f"{self.latest.year:04d}{q}"
        return f"[..{self.latest.isoformat()}]"

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.sort_key(), str(self)) < (other.sort_key(), str(other))


"""The dated universe of States: the denominator of every "no action" count.

A :class:`Universe` is a set of dated :class:`Membership` periods: a State is
in the universe on a day when one of its periods covers that day (both ends
inclusive).  Continuing States are modelled: Serbia continues Serbia and
Montenegro, which continues the Federal Republic of Yugoslavia; the Russian
Federation continues the USSR.  Such States form a *lineage*: the UN Treaty
Collection lists a predecessor's acts under the continuing State's current
name, and on each day those acts belong to the one member of the lineage that
is in the universe then.

Every universe is checked when it is built, and every problem is reported at
once (:func:`period_problems`, which the CSV and JSON readers call with their
own locations): one State's periods never overlap, the members of one lineage
are never in the universe on the same day (a lineage is one State at a time),
a State never continues itself, ``continues`` names a State that has a period,
and ``iso3166_status`` is ``current``, ``none`` or ``historic:`` and an ISO
3166-3 code of four capital letters.

Membership days may be any :class:`datetime.date`: nothing is computed from
them beyond the day after a period's end, which the library guards at
``date.max`` (a period ending on 9999-12-31 is "never ends").  The supported
range of the dates of acts and of the rules' delays is stated in
:mod:`migrant_convention.core.dates` and :mod:`migrant_convention.core.rules`.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date
from functools import cached_property
from typing import Any, cast

import attrs

from ..errors import NotInUniverseError, Problem, UnknownParticipantError, ValidationError
from ._convert import a_day, an_instance, counted, enum_member, strings, text, tuple_of

__all__ = [
    "Basis",
    "InvalidUniverseError",
    "Membership",
    "Universe",
    "iso3166_status_problem",
    "period_problems",
]


class Basis(enum.Enum):
    """Why a State is in the universe during a period."""

    UN_MEMBER = "un_member"
    NON_MEMBER_STATE = "non_member_state"


def _basis(value: Basis | str) -> Basis:
    return enum_member(Basis, value)


@attrs.frozen
class Membership:
    """One continuous period during which a State is in the universe.

    :ivar code: the State's participant code (ISO alpha-3, or former alpha-3).
    :ivar name: its name (for this period).
    :ivar start: first day (inclusive).
    :ivar end: last day (inclusive), ``None`` if still in.
    :ivar basis: UN member or non-member State.
    :ivar continues: the code of the State it continues, if any.
    :ivar iso3166_status: ``current``, ``historic:XXXX`` or ``none``.
    :ivar sources: where the dates come from.

    The fields are checked when it is built: a wrong type is a
    :class:`TypeError` naming the field; *basis* may be given as a
    :class:`Basis` value (``"un_member"``), *sources* as any iterable of text.
    """

    code: str = attrs.field(validator=text())
    name: str = attrs.field(validator=text())
    start: date = attrs.field(validator=a_day())
    end: date | None = attrs.field(validator=a_day(optional=True))
    basis: Basis = attrs.field(converter=_basis, validator=an_instance(Basis))
    continues: str | None = attrs.field(default=None, validator=text(optional=True))
    iso3166_status: str = attrs.field(default="current", validator=text())
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings,
                                           validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(
                f"{self.code}: period ends ({self.end}) before it starts ({self.start})"
            )

    def covers(self, day: date) -> bool:
        """Whether *day* falls in this period."""
        return self.start <= day and (self.end is None or day <= self.end)


def _start(p: Membership) -> date:
    return p.start


def to_periods(value: Iterable[Membership]) -> tuple[Membership, ...]:
    if isinstance(value, Iterable):
        return tuple(value)
    return cast("tuple[Membership, ...]", value)  # the validator refuses it


def iso3166_status_problem(status: str) -> str | None:
    """Why *status* is not a valid ``iso3166_status``, or ``None`` if it is:
    ``current``, ``none``, or ``historic:`` and the ISO 3166-3 code of the
    withdrawn name (four capital letters, ``historic:SUHH``)."""
    if status in ("current", "none"):
        return None
    code = status.removeprefix("historic:")
    if code != status and len(code) == 4 and code.isascii() and code.isalpha() and code.isupper():
        return None
    return "expected current, none or historic:XXXX (an ISO 3166-3 code of four capital letters)"


def _json_field(location: str, name: str) -> str:
    return f"{location}.{name}"


def _span(p: Membership) -> str:
    return f"from {p.start}{f' to {p.end}' if p.end is not None else ', open'}"


def period_problems(
    periods: Sequence[Membership],
    locations: Sequence[str] | None = None,
    *,
    field: Callable[[str, str], str] | None = None,
    unreadable: Collection[str] = (),
) -> list[Problem]:
    """Every problem of a universe made of *periods*: what :class:`Universe`
    refuses, for readers to report with their own locations.

    :param periods: the membership periods, in the order read.
    :param locations: where each period was read (``"$.periods[3]"``,
        ``"row 5"``); by default ``"periods[i]"``.  A problem names the other
        period involved by its location.
    :param field: the location of one field of a period, from the period's
        location and the name of a :class:`Membership` attribute (``start``,
        ``continues``, ``iso3166_status``); by default ``"<location>.<name>"``,
        a JSON path.
    :param unreadable: codes of periods the reader could not build (their
        own problems are reported): a period continuing one of them is not
        also reported as continuing "a State that has no period".
    :returns: the problems, in this order: each period's own (``continues``
        names the State itself, ``"continues-itself"``; ``continues`` names a
        code no period has, ``"unknown-participant"``; an invalid
        ``iso3166_status``, ``"bad-value"``), in the order of the periods;
        then each period that starts while another period of the same State
        (``"overlap"``) or of another State of its lineage (``"lineage-overlap"``:
        a State and one it continues, directly or not, are never in the
        universe on the same day) is still running, located at its ``start``,
        in the order of the periods.

    The time is that of sorting the periods.

    >>> from datetime import date as d
    >>> sun = Membership("SUN", "USSR", d(1945, 10, 24), d(1991, 12, 25), "un_member",
    ...                  iso3166_status="historic:SUHH")
    >>> rus = Membership("RUS", "Russia", d(1990, 1, 1), None, "un_member", continues="SUN")
    >>> [(p.location, p.code) for p in period_problems([sun, rus])]
    [('periods[1].start', 'lineage-overlap')]
    """
    n = len(periods)
    if locations is None:
        locations = [f"periods[{i}]" for i in range(n)]
    elif len(locations) != n:
        raise ValueError(f"locations must have one entry per period ({len(locations)} for {n})")
    at = field or _json_field
    codes = {p.code for p in periods}
    found: list[Problem] = []
    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent.get(c, c) != c:
            parent[c] = parent.get(parent[c], parent[c])  # halve the path
            c = parent[c]
        return c

    for i, p in enumerate(periods):
        here = locations[i]
        cont = p.continues
        if cont is not None:
            if cont == p.code:
                found.append(Problem(at(here, "continues"), cont,
                                     f"{p.code} cannot continue itself", "continues-itself"))
            elif cont not in codes and cont not in unreadable:
                found.append(Problem(at(here, "continues"), cont,
                                     "continues a State that has no period",
                                     "unknown-participant"))
            else:
                a, b = root(p.code), root(cont)
                if a != b:
                    parent[a] = b
        why = iso3166_status_problem(p.iso3166_status)
        if why is not None:
            found.append(Problem(at(here, "iso3166_status"), p.iso3166_status, why,
                                 "bad-value"))
    # One sweep per lineage (a State outside any lineage is one of its own),
    # by start: a period that starts while the latest-ending earlier one runs
    # overlaps it.
    order = sorted(range(n), key=lambda i: (root(periods[i].code), periods[i].start, i))
    overlaps: list[tuple[int, Problem]] = []
    running = -1
    for i in order:
        p = periods[i]
        if running >= 0 and root(periods[running].code) != root(p.code):
            running = -1
        if running >= 0:
            r = periods[running]
            if r.end is None or r.end >= p.start:
                there = f"{locations[running]}: {_span(r)}"
                if r.code == p.code:
                    problem = Problem(at(locations[i], "start"), p.start.isoformat(),
                                      f"{p.code} is already in the universe then ({there})",
                                      "overlap")
                else:
                    problem = Problem(
                        at(locations[i], "start"), p.start.isoformat(),
                        f"{r.code} is still in the universe then ({there}), and {p.code} "
                        f"and {r.code} are one lineage of continuing States, which is one "
                        "State at a time", "lineage-overlap")
                overlaps.append((i, problem))
            if r.end is None or (p.end is not None and p.end <= r.end):
                continue
        running = i
    overlaps.sort(key=lambda t: t[0])
    found.extend(problem for _, problem in overlaps)
    return found


class InvalidUniverseError(ValidationError, ValueError):
    """The periods given to :class:`Universe` do not make a universe: every
    problem of :func:`period_problems`, at once.  A
    :class:`~migrant_convention.errors.ValidationError`, and a
    :class:`ValueError` (as 0.1 raised)."""


#: How many items a short repr shows.
REPR_ITEMS = 3


def _period_item(p: Membership) -> str:
    end = p.end.isoformat() if p.end is not None else ""
    continues = f" (continues {p.continues})" if p.continues else ""
    return f"{p.code} {p.start}..{end}{continues}"


@attrs.frozen(cache_hash=True)
class Universe:
    """The States that can take part in a treaty open to "all States", by date.

    :ivar periods: the membership periods; one State's periods never
        overlap, nor do those of a lineage of continuing States.
    :ivar as_of: the day the data were last checked.
    :ivar sources: where the dataset comes from.

    The fields are checked when it is built (any iterable of
    :class:`Membership` is kept as a tuple): a wrong type is a
    :class:`TypeError` naming the field, and the index of a wrong period; a
    set of periods that is not a universe (overlapping periods of a State or
    of a lineage, a State continuing itself or one that has no period, an
    invalid ``iso3166_status``) raises :class:`InvalidUniverseError` listing
    every problem (:func:`period_problems`), located at ``periods[i]``.

    Its ``repr()`` is short — the "as of" day, the number of periods and of
    States, and the first periods — so that a failing test prints it on one
    line, whatever the size of the universe:

    >>> Universe([Membership("ALB", "Albania", date(1955, 12, 14), None, Basis.UN_MEMBER)])
    <Universe: 1 period of 1 State, 0 sources; first: ALB 1955-12-14..>

    Equality compares every field, and the full data are one attribute away:
    ``universe.periods`` (and ``universe.codes``, ``universe.members(day)``).
    """

    periods: tuple[Membership, ...] = attrs.field(converter=to_periods,
                                                  validator=tuple_of(Membership))
    as_of: date | None = attrs.field(default=None, validator=a_day(optional=True))
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings,
                                           validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        found = period_problems(self.periods)
        if found:
            raise InvalidUniverseError("invalid universe", found)

    def __repr__(self) -> str:
        as_of = f" as of {self.as_of}" if self.as_of is not None else ""
        periods = self.periods
        first = ", ".join(_period_item(p) for p in periods[:REPR_ITEMS])
        more = ", ..." if len(periods) > REPR_ITEMS else ""
        shown = f"; first: {first}{more}" if periods else ""
        return (f"<Universe{as_of}: {counted(len(periods), 'period')} of "
                f"{counted(len(self._by_code), 'State')}, "
                f"{counted(len(self.sources), 'source')}{shown}>")

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """The short repr for Hypothesis's and IPython's pretty printers, which
        would otherwise print every field of an attrs class."""
        printer.text(repr(self))

    # -- indexes (computed once per instance; the instance is immutable) -----
    @cached_property
    def _by_code(self) -> dict[str, Membership]:
        """Each code's first period.  A period, not a tuple of them: a tuple per
        State would survive as one more container for the cyclic garbage
        collector, and at a million States their number alone sets it walking
        the whole heap (the codes with several periods are in _several)."""
        out: dict[str, Membership] = {}
        for p in self.periods:
            before = out.get(p.code)
            if before is None or p.start < before.start:
                out[p.code] = p
        return out

    @cached_property
    def _several(self) -> dict[str, tuple[Membership, ...]]:
        """The periods, in order, of the codes that have more than one."""
        seen: set[str] = set()
        repeated: set[str] = set()
        for p in self.periods:
            (repeated if p.code in seen else seen).add(p.code)
        out: dict[str, list[Membership]] = {c: [] for c in repeated}
        for p in self.periods:
            if p.code in repeated:
                out[p.code].append(p)
        return {c: tuple(sorted(ps, key=_start)) for c, ps in out.items()}

    def _periods(self, code: str) -> tuple[Membership, ...]:
        several = self._several.get(code)
        if several is not None:
            return several
        first = self._by_code.get(code)
        return () if first is None else (first,)

    @cached_property
    def _size_steps(self) -> tuple[list[date], list[int]]:
        deltas: dict[date, int] = {}
        for p in self.periods:
            deltas[p.start] = deltas.get(p.start, 0) + 1
            if p.end is not None and p.end < date.max:
                after = date.fromordinal(p.end.toordinal() + 1)
                deltas[after] = deltas.get(after, 0) - 1
        days = sorted(deltas)
        sizes, total = [], 0
        for d in days:
            total += deltas[d]
            sizes.append(total)
        return days, sizes

    @cached_property
    def _lineage(self) -> dict[str, tuple[str, ...]]:
        """The lineage of every code that continues, or is continued by, another.

        Two passes over the periods, and a dictionary entry only for those
        codes: most States are a lineage of one (see :meth:`lineage`), and an
        entry per State would cost most of an index's build at a million States."""
        parent: dict[str, str] = {}

        def find(c: str) -> str:
            while parent[c] != c:
                c = parent[c]
            return c

        for p in self.periods:
            if p.continues:
                parent.setdefault(p.code, p.code)
                parent.setdefault(p.continues, p.continues)
                parent[find(p.code)] = find(p.continues)
        if not parent:
            return {}
        # Members are ordered by their first day in the universe (a code with
        # no period first), then by the first period that mentions them.
        start: dict[str, date] = {}
        mention: dict[str, int] = {}
        for i, p in enumerate(self.periods):
            if p.code in parent:
                mention.setdefault(p.code, i)
                old = start.get(p.code)
                if old is None or p.start < old:
                    start[p.code] = p.start
            if p.continues:
                mention.setdefault(p.continues, i)
        groups: dict[str, list[str]] = {}
        for c in parent:
            groups.setdefault(find(c), []).append(c)
        out: dict[str, tuple[str, ...]] = {}
        for members in groups.values():
            ordered = tuple(sorted(members, key=lambda c: (start.get(c, date.min), mention[c])))
            for c in members:
                out[c] = ordered
        return out

    # -- queries -------------------------------------------------------------
    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Membership]:
        return iter(self.periods)

    @property
    def codes(self) -> frozenset[str]:
        """Every code that is in the universe on some day."""
        return frozenset(self._by_code)

    def periods_of(self, code: str) -> tuple[Membership, ...]:
        """The periods of one State, in order.

        :raises UnknownParticipantError: if *code* never is in the universe.
        """
        periods = self._periods(code)
        if not periods:
            raise UnknownParticipantError(code, "not a State of this universe")
        return periods

    def contains(self, code: str, on: date) -> bool:
        """Whether *code* is a State of the universe on *on*."""
        return any(p.covers(on) for p in self._periods(code))

    def members(self, on: date) -> frozenset[str]:
        """The codes of the States in the universe on *on*."""
        return frozenset(p.code for p in self.periods if p.covers(on))

    def size(self, on: date) -> int:
        """How many States are in the universe on *on*.

        >>> u = Universe([Membership("ALB", "Albania", date(1955, 12, 14), None, Basis.UN_MEMBER)])
        >>> u.size(date(1955, 12, 13)), u.size(date(1955, 12, 14))
        (0, 1)
        """
        days, sizes = self._size_steps
        i = bisect_right(days, on) - 1
        return sizes[i] if i >= 0 else 0

    def name(self, code: str, on: date | None = None) -> str:
        """The name of *code* (in the period covering *on*, else the latest)."""
        periods = self.periods_of(code)
        if on is not None:
            for p in periods:
                if p.covers(on):
                    return p.name
        return periods[-1].name

    def lineage(self, code: str) -> tuple[str, ...]:
        """The continuing States that *code* belongs with, earliest first.

        >>> # Serbia continues Serbia and Montenegro, which continues the FRY:
        >>> # lineage("SRB") == ("YUG", "SCG", "SRB") in the bundled universe.
        """
        return self._lineage.get(code, (code,))

    def holder(self, code: str, on: date) -> str:
        """The member of *code*'s lineage that is in the universe on *on*.

        An act listed under Serbia but made in 2004 belongs, on a 2005 date, to
        Serbia and Montenegro.

        :raises NotInUniverseError: if no member of the lineage is in then.
        """
        for c in self.lineage(code):
            if self.contains(c, on):
                return c
        raise NotInUniverseError(code, on)

    def in_lineage_on(self, code: str, on: date) -> bool:
        """Whether some member of *code*'s lineage is in the universe on *on*."""
        return any(self.contains(c, on) for c in self.lineage(code))

    def lineage_periods(self, code: str) -> Iterable[Membership]:
        """All periods of all members of *code*'s lineage."""
        for c in self.lineage(code):
            yield from self._periods(c)

"""Groupings of States, and ratification by numbers broken down by group.

A :class:`Grouping` puts States (by participant code) into named groups: the
built-in ones (:data:`BUILTIN_GROUPINGS`, see :func:`grouping`), made from the
bundled M49 table and UN regional groups
(:mod:`migrant_convention.places.regions`), or your own from a mapping
(:meth:`Grouping.from_mapping`).  :func:`breakdown` counts, on one date, the
parties, signatories, States taking no action and the size of the universe in
each group; the rows always sum to
:func:`~migrant_convention.core.status.counts` for that date (States a
grouping does not place go to :data:`UNASSIGNED`, never dropped).

The built-in groupings are present-day tables with no history: read
``docs/explanation/regions-and-groups.md`` before quoting a breakdown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache, lru_cache
from types import MappingProxyType

import attrs

from ..core._convert import to_strings
from ..core.dates import Resolve, ResolveLike, as_resolve
from ..core.record import TreatyRecord
from ..core.status import counts, ever_signed, statuses
from ..core.status_types import Counts, Status
from ..core.universe import Universe
from ..errors import Problem, UnknownGroupingError, raise_if_problems
from .regions import REGIONAL_DATASETS, M49Area, m49_areas, un_regional_groups

__all__ = [
    "BUILTIN_GROUPINGS",
    "NO_REGIONAL_GROUP",
    "UNASSIGNED",
    "Assignment",
    "Breakdown",
    "GroupCounts",
    "Grouping",
    "GroupingLike",
    "UnknownGroupingError",
    "breakdown",
    "breakdown_series",
    "grouping",
]

#: The row for States of the universe that a grouping does not place.
UNASSIGNED = "unassigned"
#: The group of the non-member States (Holy See, State of Palestine, Cook
#: Islands, Niue) in the ``"group"`` grouping: they belong to no UN regional group.
NO_REGIONAL_GROUP = "No regional group"


@attrs.frozen
class Assignment:
    """One State placed in one group, and why.

    :ivar code: the participant code (ISO alpha-3 for the built-in groupings).
    :ivar group: the group's name.
    :ivar sources: where the placement comes from.
    :ivar note: special cases (Türkiye, the United States, ...).
    """

    code: str
    group: str
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    note: str = ""


def _to_assignments(value: Iterable[Assignment]) -> tuple[Assignment, ...]:
    return tuple(value)


@attrs.frozen(cache_hash=True)
class Grouping:
    """A named way of putting States into groups.

    :ivar name: short identifier (``"region"``, ``"group"``, or yours).
    :ivar title: what it is, for people.
    :ivar assignments: one per State placed; a State is in at most one group.
    :ivar order: the groups in display order (default: alphabetical).
    :ivar allow_unassigned: whether a State of the universe with no group is
        counted in :data:`UNASSIGNED` (``True`` for the built-in groupings,
        which cannot place former States) or is an error (the default for yours).
    :ivar caveat: what the grouping does not say (e.g. that it has no history).
    :ivar as_of: the day the grouping describes, if known.
    :ivar sources: where the grouping as a whole comes from.
    """

    name: str
    title: str
    assignments: tuple[Assignment, ...] = attrs.field(converter=_to_assignments)
    order: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    allow_unassigned: bool = False
    caveat: str = ""
    as_of: date | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

    def __attrs_post_init__(self) -> None:
        problems = _check_assignments(self.name, self.assignments)
        named = set(self.groups_of_assignments)
        extra = [g for g in self.order if g not in named]
        if extra:
            problems.append(Problem(f"grouping {self.name!r}, order", extra,
                                    "names groups that no State is in", "unknown-group"))
        raise_if_problems(f"invalid grouping {self.name!r}", problems)
        if not self.order:
            object.__setattr__(self, "order", tuple(sorted(named)))
        else:
            object.__setattr__(self, "order", (*self.order,
                                               *sorted(named.difference(self.order))))

    @property
    def groups_of_assignments(self) -> tuple[str, ...]:
        """The distinct group names, in first-seen order."""
        return tuple(dict.fromkeys(a.group for a in self.assignments))

    @property
    def mapping(self) -> Mapping[str, str]:
        """Participant code to group name (read-only)."""
        return MappingProxyType(_lookup(self))

    def group_of(self, code: str) -> str | None:
        """The group *code* is in, or ``None`` if the grouping does not place it.

        >>> grouping("region").group_of("NGA"), grouping("region").group_of("SUN")
        ('Africa', None)
        """
        return _lookup(self).get(code)

    def assignment(self, code: str) -> Assignment | None:
        """The :class:`Assignment` of *code* (with its sources), if any."""
        return _assignment_index(self).get(code)

    @classmethod
    def from_mapping(
        cls,
        name: str,
        mapping: Mapping[str, str],
        *,
        title: str = "",
        sources: Iterable[str] = (),
        allow_unassigned: bool = False,
    ) -> Grouping:
        """Your own grouping, from participant codes to group names.

        The codes are checked against a universe when the grouping is used
        (:func:`breakdown`), because which States must be placed depends on the
        date.

        >>> gcc = Grouping.from_mapping("gcc", {c: "Gulf Cooperation Council"
        ...     for c in ("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")}, allow_unassigned=True)
        >>> gcc.group_of("QAT")
        'Gulf Cooperation Council'

        :raises ValidationError: listing every bad code or group name.
        """
        srcs = tuple(sources)
        problems: list[Problem] = []
        if not isinstance(mapping, Mapping):
            raise TypeError(f"mapping must be a Mapping, not {type(mapping).__name__}")
        assignments = []
        for code, group in mapping.items():
            if not isinstance(code, str) or not isinstance(group, str):
                problems.append(Problem(f"mapping[{code!r}]", group,
                                        "codes and group names must be strings", "bad-value"))
                continue
            assignments.append(Assignment(code, group, srcs))
        raise_if_problems(f"invalid grouping {name!r}", problems)
        return cls(name, title or name, assignments, allow_unassigned=allow_unassigned,
                   sources=srcs)


def _check_assignments(name: str, assignments: Iterable[Assignment]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for a in assignments:
        where = f"grouping {name!r}, {a.code!r}"
        if not a.group.strip():
            problems.append(Problem(where, a.group, "the group name is empty", "missing-value"))
        elif a.group == UNASSIGNED:
            problems.append(Problem(where, a.group,
                                    f"{UNASSIGNED!r} is reserved for States with no group",
                                    "reserved-name"))
        if a.code in seen:
            problems.append(Problem(where, a.group, f"already in group {seen[a.code]!r}",
                                    "duplicate"))
        seen[a.code] = a.group
    return problems


# Indexes of a (frozen, hashable) grouping, computed once; bounded so that
# many throwaway user groupings are not kept alive.
@lru_cache(maxsize=64)
def _lookup(g: Grouping) -> dict[str, str]:
    return {a.code: a.group for a in g.assignments}


@lru_cache(maxsize=64)
def _assignment_index(g: Grouping) -> dict[str, Assignment]:
    return {a.code: a for a in g.assignments}


# -- built-in groupings ------------------------------------------------------

_M49_CAVEAT = (
    "UN M49 as published in 2026 (Naoero, Türkiye, 44 LDCs): a present-day table with no "
    "history, applied to every date; States that no longer exist are unassigned."
)
_GROUP_CAVEAT = (
    "UN regional groups as DGACM lists them now (2022 or later): a present-day arrangement "
    "with no history (the groups are informal and undated), applied to every date. "
    "Türkiye is counted once, in WEOG (it is also in Asia-Pacific); the United States is "
    "counted with WEOG (observer, member for elections); Israel is in WEOG (New York from "
    "2000, Geneva from 2014); Kiribati is coded Asia-Pacific as DGACM lists it (older "
    "sources: no group); the State of Palestine, Holy See, Cook Islands and Niue are in no "
    "group; States that no longer exist are unassigned."
)

# Each level: title, extra caveat, and for an area its group's name and sort
# key (regions alphabetically, each level nested in the one above it, as
# M49's overview lists them); an empty name means "not placed" (Antarctica).
_M49Key = Callable[[M49Area], tuple[str, tuple[str, ...]]]
_M49_LEVELS: dict[str, tuple[str, str, _M49Key]] = {
    "region": ("UN M49 region", "", lambda a: (a.region, (a.region,))),
    "subregion": ("UN M49 sub-region", "",
                  lambda a: (a.subregion, (a.region, a.subregion))),
    "intermediate": (
        "UN M49 intermediate region (the sub-region where M49 has none)",
        " Where M49 has no intermediate region the State is grouped by its sub-region, "
        "so the groups are M49's finest level.",
        lambda a: (a.intermediate_region or a.subregion,
                   (a.region, a.subregion, a.intermediate_region)),
    ),
}
_FLAGS: dict[str, tuple[str, str, str]] = {
    "ldc": ("Least developed countries (M49 flag, present-day)", "LDC", "not LDC"),
    "lldc": ("Landlocked developing countries (M49 flag, present-day)", "LLDC", "not LLDC"),
    "sids": ("Small island developing States (M49 flag, present-day)", "SIDS", "not SIDS"),
}

#: The names :func:`grouping` accepts.
BUILTIN_GROUPINGS = ("region", "subregion", "intermediate", "group", "ldc", "lldc", "sids")


@cache
def grouping(name: str) -> Grouping:
    """A built-in grouping, by name (one of :data:`BUILTIN_GROUPINGS`).

    * ``region``, ``subregion``, ``intermediate``: UN M49 geographic regions
      (regions alphabetically, each level nested in the one above;
      ``intermediate`` falls back to the sub-region where M49 has no
      intermediate region);
    * ``group``: the UN regional groups, plus :data:`NO_REGIONAL_GROUP`;
    * ``ldc``, ``lldc``, ``sids``: M49's present-day flags, two groups each.

    Every assignment keeps its row's sources.  All are present-day tables with
    no history (see :attr:`Grouping.caveat`) and count States they cannot place
    (former States) as :data:`UNASSIGNED`.

    >>> grouping("subregion").group_of("NGA")
    'Sub-Saharan Africa'
    >>> grouping("intermediate").group_of("NGA"), grouping("intermediate").group_of("EGY")
    ('Western Africa', 'Northern Africa')

    :raises UnknownGroupingError: for any other name.
    """
    m49 = REGIONAL_DATASETS["m49"]
    if name in _M49_LEVELS:
        title, extra, key = _M49_LEVELS[name]
        placed = [(key(a), a) for a in m49_areas() if key(a)[0]]
        order = tuple(dict.fromkeys(label for (label, _), _ in sorted(
            placed, key=lambda t: t[0][1])))
        return Grouping(name, title, [Assignment(a.iso3, label, a.sources)
                                      for (label, _), a in placed],
                        order, True, _M49_CAVEAT + extra, m49.as_of, m49.sources)
    if name in _FLAGS:
        title, yes, no = _FLAGS[name]
        return Grouping(name, title, [Assignment(a.iso3, yes if getattr(a, name) else no,
                                                 a.sources) for a in m49_areas()],
                        (yes, no), True, _M49_CAVEAT, m49.as_of, m49.sources)
    if name == "group":
        meta = REGIONAL_DATASETS["un_regional_groups"]
        rows = un_regional_groups()
        return Grouping(
            name, "UN regional group",
            [Assignment(r.iso3, NO_REGIONAL_GROUP if r.group == "none" else r.group,
                        r.sources, r.note) for r in rows],
            (*(g for g in _UN_ORDER), NO_REGIONAL_GROUP), True, _GROUP_CAVEAT, meta.as_of,
            meta.sources,
        )
    raise UnknownGroupingError(name, BUILTIN_GROUPINGS)


_UN_ORDER = ("African", "Asia-Pacific", "Eastern European", "Latin American and Caribbean",
             "Western European and Others")


# -- breakdowns --------------------------------------------------------------

@attrs.frozen
class GroupCounts:
    """Ratification by numbers within one group.

    :ivar group: the group's name (or :data:`UNASSIGNED`).
    :ivar counts: the counts over the group's States of the universe.
    :ivar codes: those States, sorted.
    """

    group: str
    counts: Counts
    codes: tuple[str, ...]

    def as_dict(self) -> dict[str, int | str]:
        """Plain values: the group's name and its counts (without the date)."""
        row = self.counts.as_dict()
        del row["date"]
        return {"group": self.group, **row}


@attrs.frozen
class Breakdown:
    """Ratification by numbers on one date, group by group.

    ``sum`` of each count over :attr:`rows` equals the same count in
    :attr:`totals`.  :attr:`rows` follow the grouping's order, with
    :data:`UNASSIGNED` last; every group of the grouping has a row, even when
    it has no State of the universe on that date.

    :ivar on: the day.
    :ivar grouping: the grouping used.
    :ivar rows: one per group.
    :ivar totals: :func:`~migrant_convention.core.status.counts` for the day.
    :ivar statuses: every State of the universe on the day, by code.
    :ivar signed: the codes of those that have signed (bound or not).
    """

    on: date
    grouping: Grouping
    rows: tuple[GroupCounts, ...]
    totals: Counts
    statuses: Mapping[str, Status] = attrs.field(eq=False, hash=False)
    signed: frozenset[str] = frozenset()

    def row(self, group: str) -> GroupCounts:
        """The row of *group*.

        :raises KeyError: if the breakdown has no such group.
        """
        for r in self.rows:
            if r.group == group:
                return r
        raise KeyError(group)

    def codes(self, group: str, *wanted: Status) -> tuple[str, ...]:
        """The States of *group* (with one of the *wanted* statuses, if given)."""
        return tuple(c for c in self.row(group).codes if not wanted or self.statuses[c] in wanted)

    def as_dict(self) -> dict[str, object]:
        """Plain values, ready for JSON."""
        return {
            "date": self.on.isoformat(),
            "grouping": self.grouping.name,
            "title": self.grouping.title,
            "caveat": self.grouping.caveat,
            "groups": [r.as_dict() for r in self.rows],
            "totals": self.totals.as_dict(),
        }


GroupingLike = Grouping | str | Mapping[str, str]


def _as_grouping(by: GroupingLike) -> Grouping:
    if isinstance(by, Grouping):
        return by
    if isinstance(by, str):
        return grouping(by)
    if isinstance(by, Mapping):
        return Grouping.from_mapping("custom", by)
    raise TypeError(f"by must be a Grouping, a grouping's name or a mapping, "
                    f"not {type(by).__name__}")


def _check_codes(g: Grouping, universe: Universe) -> list[Problem]:
    # A code that is never a State of the universe cannot be counted: it is
    # a typo or a non-State participant.  Built-in tables cover territories
    # too (M49 has Aruba), which is expected, so only users' codes are checked.
    if g.name in BUILTIN_GROUPINGS and g is grouping(g.name):
        return []
    return [
        Problem(f"grouping {g.name!r}, {a.code!r}", a.code,
                "not a State of the universe on any date", "unknown-participant")
        for a in g.assignments if a.code not in universe
    ]


def _check_missing(g: Grouping, members: Iterable[str], on: date) -> list[Problem]:
    return [
        Problem(f"grouping {g.name!r}, {on.isoformat()}", code,
                "a State of the universe on this date with no group "
                "(pass allow_unassigned=True to count it as unassigned)", "unassigned")
        for code in sorted(members) if g.group_of(code) is None
    ]


def _breakdown_at(
    record: TreatyRecord, universe: Universe, on: date, g: Grouping, how: Resolve,
) -> Breakdown:
    # Counts first: an undecidable day is reported as "ratification by numbers".
    totals = counts(record, universe, on, resolve=how)
    st = statuses(record, universe, on, resolve=how)
    signed = ever_signed(record, universe, on, resolve=how)
    members: dict[str, list[str]] = {group: [] for group in (*g.order, UNASSIGNED)}
    for code in sorted(st):
        members[g.group_of(code) or UNASSIGNED].append(code)
    rows = [
        GroupCounts(group, Counts.of_statuses(on, (st[c] for c in codes),
                                              signed_ever=sum(c in signed for c in codes)),
                    tuple(codes))
        for group, codes in members.items()
    ]
    return Breakdown(on, g, tuple(rows), totals, MappingProxyType(st), signed)


def breakdown(
    record: TreatyRecord,
    universe: Universe,
    on: date,
    by: GroupingLike,
    *,
    resolve: ResolveLike = "strict",
    allow_unassigned: bool | None = None,
) -> Breakdown:
    """Ratification by numbers on *on*, broken down by the groups of *by*.

    :param by: a :class:`Grouping`, the name of a built-in one
        (:data:`BUILTIN_GROUPINGS`), or a mapping from participant code to
        group name.
    :param allow_unassigned: whether States of the universe on *on* that *by*
        does not place are counted in the :data:`UNASSIGNED` row (``True``) or
        are an error (``False``).  Default: the grouping's own
        :attr:`~Grouping.allow_unassigned` — ``True`` for the built-in
        groupings, ``False`` for yours.
    :raises UnknownGroupingError: if *by* names no built-in grouping.
    :raises ValidationError: listing, all at once, the codes of *by* that are
        never States of *universe* and (unless unassigned States are allowed)
        the States of the universe on *on* that *by* leaves out.
    :raises UndecidableError: as :func:`~migrant_convention.core.status.counts` does.

    >>> from migrant_convention import data
    >>> b = breakdown(data.icrmw(), data.states(), date(1990, 12, 18), "region")
    >>> b.row("unassigned").codes   # present-day M49 cannot place them
    ('CSK', 'SUN', 'YUG')
    """
    return breakdown_series(record, universe, [on], by, resolve=resolve,
                            allow_unassigned=allow_unassigned)[0]


def breakdown_series(
    record: TreatyRecord,
    universe: Universe,
    dates: Iterable[date],
    by: GroupingLike,
    *,
    resolve: ResolveLike = "strict",
    allow_unassigned: bool | None = None,
) -> list[Breakdown]:
    """:func:`breakdown` for many dates (in the order given), group by group
    over time.  Every problem with *by*, on every date, is reported in one
    :class:`~migrant_convention.errors.ValidationError`.

    >>> from migrant_convention import data
    >>> series = breakdown_series(data.icrmw(), data.states(),
    ...                           [date(2003, 7, 1), date(2014, 12, 18)], "region")
    >>> [b.row("Americas").counts.parties for b in series]
    [8, 17]
    """
    g = _as_grouping(by)
    how = as_resolve(resolve)
    days = list(dates)
    for d in days:
        if not isinstance(d, date) or hasattr(d, "hour"):
            raise TypeError(f"dates must be datetime.date, not {type(d).__name__}")
    allow = g.allow_unassigned if allow_unassigned is None else allow_unassigned
    problems = _check_codes(g, universe)
    if not allow:
        for d in days:
            problems.extend(_check_missing(g, universe.members(d), d))
    raise_if_problems(f"grouping {g.name!r} does not fit the universe", problems)
    return [_breakdown_at(record, universe, d, g, how) for d in days]

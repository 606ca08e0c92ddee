"""Pure functions: status, entry into force and counts, on any date.

Every function takes the date it answers for; none reads the clock.  When an
answer depends on where an imprecise date falls (a deposit known only to the
month, say), the default is to raise
:class:`~migrant_convention.errors.UndecidableError`; pass
``resolve="earliest"`` or ``resolve="latest"`` to choose explicitly.

>>> from datetime import date, timedelta
>>> from migrant_convention import data
>>> c = counts(data.icrmw(), data.states(), date(2014, 12, 18))
>>> (c.parties, c.signatories, c.no_action, c.states)
(47, 19, 131, 197)
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, overload

import attrs

from ..errors import UnknownParticipantError, UnknownRuleError
from . import _index
from ._policy import Doubt, Evidence, decide
from ._straddles import Straddle, StraddleIndex, known_codes, lineage_key, straddle_index
from .acts import Act, ActKind
from .dates import Resolve, ResolveLike, as_resolve
from .participants import ParticipantKind, check_code
from .record import TreatyRecord
from .rules import Role
from .status_types import Counts, Status
from .universe import Universe

__all__ = [
    "CountColumns",
    "bound_by",
    "count_columns",
    "count_series",
    "counts",
    "declarations",
    "entry_into_force",
    "entry_into_force_for",
    "ever_signed",
    "participants_with_status",
    "status",
    "statuses",
    "timeline",
]


def _check_day(on: object, name: str = "on") -> date:
    if not isinstance(on, date) or hasattr(on, "hour"):
        hint = " (pass its .date())" if hasattr(on, "hour") else ""
        raise TypeError(f"{name} must be a datetime.date, not {type(on).__name__}{hint}")
    return on


def _is_state_code(code: str) -> bool:
    """An ISO 3166 code of a State, current or former."""
    return check_code(code, ParticipantKind.STATE) is None or \
        check_code(code, ParticipantKind.FORMER_STATE) is None


def _unknown(participant: str, universe: Universe | None = None) -> UnknownParticipantError:
    """The error for a participant with no act in the record; a name given
    where a code is wanted is told so."""
    if check_code(participant, ParticipantKind.ORGANIZATION) is not None:
        return UnknownParticipantError(
            participant, "not a participant code: give a code such as 'ALB'; "
            "places.names.code_of() finds the code of a name")
    if universe is not None:
        return UnknownParticipantError(
            participant, "no act of it in this record, and not a State of the universe")
    return UnknownParticipantError(participant, "no act of it in this record")


def _cited(straddles: list[Straddle]) -> Evidence:
    return [(s.what, s.date) for s in straddles]


def _relevant(index: StraddleIndex, groups: set[tuple[str, ...]]) -> Evidence:
    """The imprecise dates that bear on the lineages *groups* (or on everyone)."""
    return _cited([s for s in index.items if s.group is None or s.group in groups])


def entry_into_force(record: TreatyRecord, *, resolve: ResolveLike = "strict") -> date | None:
    """The day the treaty entered (or will enter) into force, computed from its
    rule and the record; ``None`` while too few instruments are deposited.

    >>> from migrant_convention import data
    >>> entry_into_force(data.icrmw())
    datetime.date(2003, 7, 1)
    """
    how = as_resolve(resolve)
    _require_rule(record)
    return decide(
        how, "the treaty's entry into force", None,
        lambda h: _index.general_entry_into_force(record.treaty, record.acts, h),
        evidence=lambda _e, _l: (None, _cited(
            [s for s in straddle_index(record, None).items if s.group is None])),
    )


def _require_rule(record: TreatyRecord) -> None:
    if record.treaty.rules.entry_into_force is None:
        raise UnknownRuleError(
            f"the entry-into-force rule of {record.treaty.id} is not known: "
            "give the treaty's rules (e.g. untc.read_table(..., treaty=...)) to ask about "
            "entry into force; counts by deposit need none")


def _consent_act(record: TreatyRecord, code: str) -> Act | None:
    rules = record.treaty.rules
    acts = [a for a in record.acts_of(code) if rules.role(a.kind) is Role.CONSENT]
    return acts[-1] if acts else None


def entry_into_force_for(
    record: TreatyRecord, participant: str, *, resolve: ResolveLike = "strict"
) -> date | None:
    """The day the treaty entered into force for *participant* (by its latest
    consent), or ``None`` if it has not consented or the treaty is not yet in
    force.

    >>> from migrant_convention import data
    >>> entry_into_force_for(data.icrmw(), "ALB")   # deposit 5 June 2007
    datetime.date(2007, 10, 1)
    """
    how = as_resolve(resolve)
    _require_rule(record)
    act = _consent_act(record, participant)
    if act is None:
        if participant not in record.codes:
            raise _unknown(participant)
        return None
    treaty = record.treaty

    def answer(h: Resolve) -> date | None:
        general = _index.general_entry_into_force(treaty, record.acts, h)
        return treaty.rules.entry_into_force_for(general, _index.act_day(act, h, treaty.adopted),
                                                act.kind)

    return decide(how, f"entry into force for {participant}", None, answer,
                  evidence=lambda _e, _l: (None, [(act.describe(), act.date)]))


class _Unset(enum.Enum):
    UNSET = "unset"


_UNSET = _Unset.UNSET


def _who_when(
    name: str, args: tuple[Any, ...], universe: Universe | _Unset | None,
    participant: str | None, on: date | None, *, with_date: bool = True,
) -> tuple[Universe | None, str, date]:
    """The universe, participant and date of a call in the one shape
    ``f(record, universe, participant, on)``, or in 0.1's
    ``f(record, participant, on, universe=...)`` (with a DeprecationWarning)."""
    wanted = 3 if with_date else 2
    old = bool(args) and isinstance(args[0], str)
    if old:
        args = (universe if universe is not _UNSET else None, *args)
        shape = "(record, universe, participant, on)" if with_date \
            else "(record, universe, participant)"
        warnings.warn(
            f"{name}(record, participant{', on' if with_date else ''}, universe=...) is "
            f"deprecated: call {name}{shape}, the order of counts() and every question "
            "about a record (universe may be None)", DeprecationWarning, stacklevel=3)
    elif universe is not _UNSET:
        if args:
            raise TypeError(f"{name}() got the universe twice")
        args = (universe,)
    if len(args) > wanted:
        raise TypeError(f"{name}() takes the record and at most {wanted} more arguments")
    named = {"participant": participant, "on": on}
    for i, field in enumerate(("participant", "on")[: wanted - 1], start=1):
        if i < len(args):
            if named[field] is not None:
                raise TypeError(f"{name}() got {field} twice")
            named[field] = args[i]
        elif named[field] is None:
            raise TypeError(f"{name}() needs {field}")
    if not args:
        raise TypeError(f"{name}() needs the universe (or None)")
    u = args[0]
    if u is not None and not isinstance(u, Universe):
        raise TypeError(f"{name}(): the universe must be a Universe or None, not "
                        f"{type(u).__name__}")
    who = named["participant"]
    if not isinstance(who, str):
        raise TypeError(f"{name}(): participant must be a code (str), not {type(who).__name__}")
    when = named["on"] if with_date else date.min
    return u, who, when  # type: ignore[return-value]


@overload
def status(record: TreatyRecord, universe: Universe | None, participant: str, on: date, *,
           resolve: ResolveLike = "strict") -> Status: ...
@overload
def status(record: TreatyRecord, participant: str, on: date, *,
           universe: Universe | None = None, resolve: ResolveLike = "strict") -> Status: ...
def status(record: TreatyRecord, *args: Any, participant: str | None = None,
           on: date | None = None, universe: Universe | _Unset | None = _UNSET,
           resolve: ResolveLike = "strict") -> Status:
    """The status of *participant* (a code) on *on*:
    ``status(record, universe, participant, on)``, the order of
    :func:`counts` — the record, the States, then what is asked.

    With a *universe* (``None`` for none), acts of the States that
    *participant* continues (or that continue it) count as its own: Serbia's
    status in 2005 includes the signature listed under Serbia but made by
    Serbia and Montenegro in 2004.  A State that has ceased to exist keeps the
    status it had on its last day in the universe: its successor's later acts
    are not its own (Serbia and Montenegro is a signatory from 2004 on; the
    Federal Republic of Yugoslavia, which ended in 2000, never signed).  A
    State with no act is taking no action; a code that is neither in the
    record nor in the universe (nor, without one, an ISO 3166 code) is an
    error.  0.1's ``status(record, participant, on, universe=...)`` still
    works, with a :class:`DeprecationWarning`.

    >>> from migrant_convention import data
    >>> status(data.icrmw(), data.states(), "ARG", date(2005, 1, 1))
    <Status.SIGNATORY: 'signatory'>
    >>> status(data.icrmw(), data.states(), "USA", date(2005, 1, 1))
    <Status.NO_ACTION: 'no_action'>
    """
    universe, participant, on = _who_when("status", args, universe, participant, on)
    _check_day(on)
    how = as_resolve(resolve)
    group = lineage_key(universe, participant)
    if universe is not None and participant in universe and not universe.contains(participant, on):
        ended = [p.end for p in universe.periods_of(participant)
                 if p.end is not None and p.end < on]
        later = [p for p in universe.periods_of(participant) if p.start > on]
        if ended and not later:
            on = max(ended)  # ceased to exist: its status on its last day
    if all(c not in known_codes(record) for c in group) and not (
        record.participant(participant) or (universe is not None and participant in universe)
    ):
        if universe is None and _is_state_code(participant):
            return Status.NO_ACTION  # a State that did nothing
        raise _unknown(participant, universe)
    def evidence(_early: Status, _late: Status) -> tuple[date, Evidence]:
        straddles = straddle_index(record, universe)
        here = [s for s in straddles.at(on) if s.group is None or s.group == group]
        # No range covers the day, yet the answers differ: the *order* of the
        # lineage's acts is what the imprecise dates leave open.
        return on, _cited(here) if here else _relevant(straddles, {group})

    return decide(how, f"the status of {participant}", on,
                  lambda h: _index.record_index(record, universe, h).status_at(group, on),
                  evidence=evidence, exact=lambda: _exact(record, universe))


def _exact(record: TreatyRecord, universe: Universe | None) -> bool:
    """No date that bears on status is imprecise: one reading answers for both."""
    return not straddle_index(record, universe).items


def _doubts_on(record: TreatyRecord, universe: Universe, on: date) -> Doubt:
    """Imprecise dates that straddle *on* and bear on a State of the universe
    then: the day's statuses and counts are undecidable whatever the two
    readings give."""
    straddles = straddle_index(record, universe)
    if not straddles.any_at(on):
        return None
    found = [s for s in straddles.at(on)
             if s.group is None or any(universe.contains(c, on) for c in s.group)]
    return (on, _cited(found)) if found else None


def _groups_on(universe: Universe, on: date) -> set[tuple[str, ...]]:
    return {universe.lineage(c) for c in universe.members(on)}


def statuses(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: ResolveLike = "strict"
) -> dict[str, Status]:
    """The status of every State of the universe on *on*, by code."""
    _check_day(on)
    how = as_resolve(resolve)
    members = sorted(universe.members(on))

    def answer(h: Resolve) -> dict[str, Status]:
        index = _index.record_index(record, universe, h)
        return {code: index.status_at(universe.lineage(code), on) for code in members}

    def evidence(early: dict[str, Status], late: dict[str, Status]) -> tuple[date, Evidence]:
        differ = {universe.lineage(c) for c in members if early[c] is not late[c]}
        return on, _relevant(straddle_index(record, universe), differ)

    return decide(how, "the statuses of the States", on, answer, evidence=evidence,
                  doubts=lambda: _doubts_on(record, universe, on),
                  exact=lambda: _exact(record, universe))


def ever_signed(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: ResolveLike = "strict"
) -> frozenset[str]:
    """The States of the universe on *on* that have signed by then (themselves
    or a State of their lineage), bound since or not: those counted in
    :attr:`Counts.signatories_total`.

    >>> from migrant_convention import data
    >>> len(ever_signed(data.icrmw(), data.states(), date(2014, 12, 18)))
    38
    """
    _check_day(on)
    how = as_resolve(resolve)
    members = universe.members(on)

    def answer(h: Resolve) -> frozenset[str]:
        index = _index.record_index(record, universe, h)
        return frozenset(c for c in members if index.signed_by(universe.lineage(c), on))

    def evidence(early: frozenset[str], late: frozenset[str]) -> tuple[date, Evidence]:
        return on, _relevant(straddle_index(record, universe),
                             {universe.lineage(c) for c in early ^ late})

    return decide(how, "the States that have signed", on, answer, evidence=evidence,
                  doubts=lambda: _doubts_on(record, universe, on),
                  exact=lambda: _exact(record, universe))


def participants_with_status(
    record: TreatyRecord,
    universe: Universe,
    on: date,
    *wanted: Status,
    resolve: ResolveLike = "strict",
) -> tuple[str, ...]:
    """Codes of the States of the universe whose status on *on* is one of *wanted*.

    >>> from migrant_convention import data
    >>> participants_with_status(data.icrmw(), data.states(), date(1995, 1, 1),
    ...                          Status.PARTY)[:3]
    ('EGY', 'MAR', 'SYC')
    """
    if not wanted:
        raise ValueError("name at least one Status")
    all_status = statuses(record, universe, on, resolve=resolve)
    return tuple(c for c, s in all_status.items() if s in wanted)


def bound_by(
    record: TreatyRecord,
    universe: Universe,
    part: str,
    on: date,
    *,
    in_force: bool = True,
    resolve: ResolveLike = "strict",
) -> tuple[str, ...]:
    """Codes of the States bound by *part* of the treaty on *on*.

    For a treaty whose instruments of consent may exclude parts of it
    (:attr:`Rules.parts <migrant_convention.core.rules.Rules.parts>`: the
    Annexes of the ILO's C097, the Parts of C143): the States for which the
    treaty is in force on *on* (with ``in_force=False``, the parties, in force
    or not) whose instrument of consent does not exclude *part*.  A State's
    instrument is its latest consent on or before *on*, its own or one of its
    lineage's.  ``len(bound_by(...))`` is the count.

    >>> from migrant_convention import data
    >>> c143 = data.record("C143")
    >>> len(bound_by(c143, data.states(), "Part I", date(1990, 1, 1)))  # 14 in force
    14
    >>> part_two = bound_by(c143, data.states(), "Part II", date(1990, 1, 1))
    >>> len(part_two), "SWE" in part_two          # Sweden excluded Part II (SÖ 1982:76)
    (13, False)

    :raises ValueError: if *part* is not one the treaty lets a State exclude.
    :raises UndecidableError: as :func:`statuses` does.
    """
    _check_day(on)
    rules = record.treaty.rules
    if part not in rules.parts:
        known = ", ".join(repr(p) for p in rules.parts) or "none"
        raise ValueError(f"{part!r} is not a part of {record.treaty.short_name or record.treaty.id}"
                         f" that a State may exclude (its parts: {known})")
    wanted = (Status.PARTY_IN_FORCE,) if in_force else (Status.PARTY, Status.PARTY_IN_FORCE)
    codes = participants_with_status(record, universe, on, *wanted, resolve=resolve)
    floor = record.treaty.adopted
    consents: dict[tuple[str, ...], list[Act]] = {}
    for a in record.acts:
        if rules.role(a.kind) is Role.CONSENT and a.date.bounded(floor)[0] <= on:
            consents.setdefault(universe.lineage(a.participant), []).append(a)
    kept = []
    for code in codes:
        acts = consents.get(universe.lineage(code), [])
        latest = max(acts, key=Act.sort_key, default=None)
        if latest is None or part not in latest.excludes:
            kept.append(code)
    return tuple(kept)


def counts(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: ResolveLike = "strict"
) -> Counts:
    """Ratification by numbers on *on*, over the States of *universe*.

    Participants outside the universe on that day (international
    organisations, territories, States before they exist) are not counted.

    :raises UndecidableError: if a count depends on an imprecise date and
        *resolve* is ``"strict"``.
    """
    _check_day(on)
    how = as_resolve(resolve)
    return decide(
        how, "ratification by numbers", on,
        lambda h: _index.counts_at(_index.record_index(record, universe, h), on),
        evidence=lambda _e, _l: (on, _relevant(straddle_index(record, universe),
                                                _groups_on(universe, on))),
        doubts=lambda: _doubts_on(record, universe, on),
        exact=lambda: _exact(record, universe),
    )


def count_series(
    record: TreatyRecord,
    universe: Universe,
    dates: Iterable[date],
    *,
    resolve: ResolveLike = "strict",
) -> list[Counts]:
    """:func:`counts` for many dates, from one index: O(log n) per date.

    Dates are answered in the order given.  Under ``resolve="strict"`` the
    first undecidable date is reported, with every imprecise date it depends on.
    """
    how = as_resolve(resolve)
    days = [d if type(d) is date else _check_day(d, "dates") for d in dates]

    def doubts() -> Doubt:
        for d in days:
            found = _doubts_on(record, universe, d)
            if found:
                return found
        return None

    def evidence(early: list[Counts], late: list[Counts]) -> tuple[date, Evidence]:
        d = next(a.on for a, b in zip(early, late, strict=True) if a != b)
        return d, _relevant(straddle_index(record, universe), _groups_on(universe, d))

    return decide(
        how, "ratification by numbers", None,
        lambda h: _index.counts_series(_index.record_index(record, universe, h), days),
        evidence=evidence, doubts=doubts, exact=lambda: _exact(record, universe),
    )


@attrs.frozen(eq=True)
class CountColumns:
    """Ratification by numbers on every day of a period, as columns.

    One list per field of :class:`~migrant_convention.core.status_types.Counts`,
    each as long as :attr:`days`: ready for a data frame
    (``pandas.DataFrame(columns.as_dict())``, ``polars.DataFrame(...)``) or a
    plot, without an object per day.

    :ivar days: every day from the first to the last, in order.
    """

    days: list[date]
    parties: list[int]
    in_force: list[int]
    signatories: list[int]
    signatories_total: list[int]
    former_parties: list[int]
    no_action: list[int]
    states: list[int]

    def as_dict(self) -> dict[str, list[date] | list[int]]:
        """The columns by name: ``"date"`` first (:attr:`days`, named as the
        first column of :data:`~migrant_convention.formats.tidy.COUNT_FIELDS`),
        then each count.  What ``pandas.DataFrame`` and ``polars.DataFrame``
        take (they do not take a :class:`CountColumns` itself)."""
        return {"date": self.days, "parties": self.parties, "in_force": self.in_force,
                "signatories": self.signatories, "signatories_total": self.signatories_total,
                "former_parties": self.former_parties, "no_action": self.no_action,
                "states": self.states}

    def __len__(self) -> int:
        return len(self.days)

    def __getitem__(self, i: int) -> Counts:
        """The counts of the *i*-th day, as :func:`counts` gives them."""
        return Counts(self.days[i], self.parties[i], self.in_force[i], self.signatories[i],
                      self.signatories_total[i], self.former_parties[i], self.no_action[i],
                      self.states[i])


def count_columns(
    record: TreatyRecord,
    universe: Universe,
    start: date,
    end: date,
    *,
    resolve: ResolveLike = "strict",
) -> CountColumns:
    """:func:`counts` on every day from *start* to *end* (inclusive), as
    columns (:class:`CountColumns`): a treaty's whole history for a
    dashboard or a notebook, at a cost close to reading the record.

    >>> from migrant_convention import data
    >>> cols = count_columns(data.icrmw(), data.states(), date(2003, 6, 30), date(2003, 7, 1))
    >>> cols.in_force, cols[1] == counts(data.icrmw(), data.states(), date(2003, 7, 1))
    ([0, 22], True)

    Under ``resolve="strict"`` the first undecidable day is reported, as
    :func:`count_series` reports it.  An *end* before *start* gives empty
    columns, as ``range`` and ``pandas.date_range`` give nothing.
    """
    _check_day(start, "start")
    _check_day(end, "end")
    how = as_resolve(resolve)
    days = list(map(date.fromordinal, range(start.toordinal(), end.toordinal() + 1)))

    def answer(h: Resolve) -> tuple[list[int], ...]:
        return _index.counts_columns(_index.record_index(record, universe, h), start, end)

    def doubts() -> Doubt:
        # Only the days an imprecise date straddles can be in doubt: ask on
        # the first of them in the period, and wherever a State of its
        # lineage enters the universe inside it.
        index = straddle_index(record, universe)
        for s in index.items:
            lo, hi = max(start, s.lo), min(end, s.hi - timedelta(days=1))
            if lo > hi:
                continue
            candidates = {lo}
            if s.group is not None:
                candidates.update(p.start for c in s.group for p in universe.periods_of(c)
                                  if lo < p.start <= hi)
            for d in sorted(candidates):
                found = _doubts_on(record, universe, d)
                if found:
                    return found
        return None

    def evidence(early: tuple[list[int], ...], late: tuple[list[int], ...]
                 ) -> tuple[date, Evidence]:
        i = min(next(i for i, (a, b) in enumerate(zip(ce, cl, strict=True)) if a != b)
                for ce, cl in zip(early, late, strict=True) if ce != cl)
        d = days[i]
        return d, _relevant(straddle_index(record, universe), _groups_on(universe, d))

    columns = decide(how, "ratification by numbers", None, answer, evidence=evidence,
                     doubts=doubts, exact=lambda: _exact(record, universe))
    return CountColumns(days, *columns)


@overload
def timeline(record: TreatyRecord, universe: Universe | None, participant: str
             ) -> tuple[Act, ...]: ...
@overload
def timeline(record: TreatyRecord, participant: str, *,
             universe: Universe | None = None) -> tuple[Act, ...]: ...
def timeline(record: TreatyRecord, *args: Any, participant: str | None = None,
             universe: Universe | _Unset | None = _UNSET) -> tuple[Act, ...]:
    """The acts of *participant* in time order: ``timeline(record, universe,
    participant)``; with a *universe* (``None`` for none), those of the States
    it continues or that continue it too.  A State with no act has an empty
    timeline.  0.1's ``timeline(record, participant, universe=...)`` still
    works, with a :class:`DeprecationWarning`.

    >>> from migrant_convention import data
    >>> [a.action for a in timeline(data.icrmw(), data.states(), "SLV")]
    ['signature', 'ratification', 'declaration_art76', 'declaration_art77']
    """
    universe, participant, _ = _who_when("timeline", args, universe, participant, None,
                                         with_date=False)
    group = lineage_key(universe, participant)
    acts = [a for a in record.acts if a.participant in group]
    if not acts and participant not in record.codes:
        known = record.participant(participant) or (
            universe is not None and participant in universe
        ) or (universe is None and _is_state_code(participant))
        if not known:
            raise _unknown(participant, universe)
    return tuple(sorted(acts, key=Act.sort_key))


def declarations(
    record: TreatyRecord,
    on: date,
    *,
    article: str | None = None,
    resolve: ResolveLike = "strict",
) -> tuple[Act, ...]:
    """Declarations made on or before *on* (under *article*, if given).

    >>> from migrant_convention import data
    >>> len(declarations(data.icrmw(), date(2020, 1, 1), article="77"))
    5
    """
    _check_day(on)
    how = as_resolve(resolve)
    floor = record.treaty.adopted
    made = [a for a in record.acts if a.kind is ActKind.DECLARATION
            and (article is None or a.article == article)]

    def answer(h: Resolve) -> tuple[Act, ...]:
        return tuple(sorted((a for a in made if _index.act_day(a, h, floor) <= on),
                            key=Act.sort_key))

    def evidence(early: tuple[Act, ...], late: tuple[Act, ...]) -> tuple[date, Evidence]:
        return on, [(a.describe(), a.date) for a in made if (a in early) != (a in late)]

    what = f"declarations under article {article}" if article else "declarations"
    return decide(how, what, on, answer, evidence=evidence,
                  exact=lambda: all(a.date.is_exact for a in made))

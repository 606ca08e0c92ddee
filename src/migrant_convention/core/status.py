"""Pure functions: status, entry into force and counts, on any date.

Every function takes the date it answers for; none reads the clock.  When an
answer depends on where an imprecise date falls (a deposit known only to the
month, say), the default is to raise
:class:`~migrant_convention.errors.UndecidableError`; pass
``resolve="earliest"`` or ``resolve="latest"`` to choose explicitly.

>>> from datetime import date
>>> from migrant_convention import data
>>> c = counts(data.icrmw(), data.states(), date(2014, 12, 18))
>>> (c.parties, c.signatories, c.no_action, c.states)
(47, 19, 131, 197)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..errors import UndecidableError, UnknownParticipantError, UnknownRuleError
from . import _index
from .acts import Act, ActKind
from .dates import Resolve, ResolveLike, as_resolve
from .participants import ParticipantKind, check_code
from .record import TreatyRecord
from .status_types import Counts, Status
from .universe import Universe

__all__ = [
    "count_series",
    "counts",
    "declarations",
    "entry_into_force",
    "entry_into_force_for",
    "participants_with_status",
    "status",
    "statuses",
    "timeline",
]


def _check_day(on: object, name: str = "on") -> date:
    if not isinstance(on, date) or hasattr(on, "hour"):
        raise TypeError(f"{name} must be a datetime.date, not {type(on).__name__}")
    return on


def _unknown(participant: str) -> UnknownParticipantError:
    """The error for a participant with no act in the record; a name given
    where a code is wanted is told so."""
    if check_code(participant, ParticipantKind.ORGANIZATION) is not None:
        return UnknownParticipantError(
            participant, "not a participant code: give a code such as 'ALB'; "
            "untc.lookup_participant() finds the code of a UN name")
    return UnknownParticipantError(participant, "no act of it in this record")


def _raise_undecidable(question: str, on: date | None, straddles: list[_index.Straddle]) -> None:
    raise UndecidableError(question, on, [(s.what, s.date) for s in straddles])


def entry_into_force(record: TreatyRecord, *, resolve: ResolveLike = "strict") -> date | None:
    """The day the treaty entered (or will enter) into force, computed from its
    rule and the record; ``None`` while too few instruments are deposited.

    >>> from migrant_convention import data
    >>> entry_into_force(data.icrmw())
    datetime.date(2003, 7, 1)
    """
    how = as_resolve(resolve)
    _require_rule(record)
    if how is Resolve.STRICT:
        early = _index.general_entry_into_force(record.treaty, record.acts, Resolve.EARLIEST)
        late = _index.general_entry_into_force(record.treaty, record.acts, Resolve.LATEST)
        if early != late:
            items = [s for s in _index.straddle_index(record, None).items if s.group is None]
            _raise_undecidable("the treaty's entry into force", None, items)
        return early
    return _index.general_entry_into_force(record.treaty, record.acts, how)


def _require_rule(record: TreatyRecord) -> None:
    if record.treaty.rules.entry_into_force is None:
        raise UnknownRuleError(
            f"the entry-into-force rule of {record.treaty.id} is not known: "
            "give the treaty's rules (e.g. untc.read_table(..., treaty=...)) to ask about "
            "entry into force; counts by deposit need none")


def _consent_act(record: TreatyRecord, code: str) -> Act | None:
    consent = record.treaty.rules.consent
    acts = [a for a in record.acts_of(code) if a.kind in consent]
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
    results = []
    for h in (Resolve.EARLIEST, Resolve.LATEST) if how is Resolve.STRICT else (how,):
        general = _index.general_entry_into_force(treaty, record.acts, h)
        results.append(
            _index.state_entry_into_force(treaty, general, _index.act_day(act, h, treaty.adopted))
        )
    if len(set(results)) > 1:
        raise UndecidableError(
            f"entry into force for {participant}", None, [(act.describe(), act.date)]
        )
    return results[0]


def status(
    record: TreatyRecord,
    participant: str,
    on: date,
    *,
    universe: Universe | None = None,
    resolve: ResolveLike = "strict",
) -> Status:
    """The status of *participant* on *on*.

    With a *universe*, acts of the States that *participant* continues (or
    that continue it) count as its own: Serbia's status in 2005 includes the
    signature listed under Serbia but made by Serbia and Montenegro in 2004.
    A State that has ceased to exist keeps the status it had on its last day
    in the universe: its successor's later acts are not its own (Serbia and
    Montenegro is a signatory from 2004 on; the Federal Republic of
    Yugoslavia, which ended in 2000, never signed).

    >>> from migrant_convention import data
    >>> status(data.icrmw(), "ARG", date(2005, 1, 1))
    <Status.SIGNATORY: 'signatory'>
    """
    _check_day(on)
    how = as_resolve(resolve)
    group = _index._group_key(universe, participant)
    if universe is not None and participant in universe and not universe.contains(participant, on):
        ended = [p.end for p in universe.periods_of(participant)
                 if p.end is not None and p.end < on]
        later = [p for p in universe.periods_of(participant) if p.start > on]
        if ended and not later:
            on = max(ended)  # ceased to exist: its status on its last day
    if all(c not in _index.known_codes(record) for c in group) and not (
        record.participant(participant) or (universe is not None and participant in universe)
    ):
        raise _unknown(participant)
    if how is Resolve.STRICT:
        index = _index.straddle_index(record, universe)
        early = _status_from(record, universe, group, on, Resolve.EARLIEST)
        if not index.items:  # every relevant date is known to the day
            return early
        late = _status_from(record, universe, group, on, Resolve.LATEST)
        if early is not late:
            straddles = [s for s in index.at(on) if s.group is None or s.group == group]
            # No range covers the day, yet the answers differ: the *order* of
            # the lineage's acts is what the imprecise dates leave open.
            _raise_undecidable(f"the status of {participant}", on,
                               straddles or _imprecise_of(index, {group}))
        return early
    return _status_from(record, universe, group, on, how)


def _imprecise_of(index: _index.StraddleIndex, groups: set[tuple[str, ...]]
                  ) -> list[_index.Straddle]:
    return [s for s in index.items if s.group is None or s.group in groups]


def _groups_on(universe: Universe, on: date) -> set[tuple[str, ...]]:
    return {universe.lineage(c) for c in universe.members(on)}


def _status_from(
    record: TreatyRecord, universe: Universe | None, group: tuple[str, ...], on: date,
    how: Resolve,
) -> Status:
    return _index.record_index(record, universe, how).status_at(group, on)


def statuses(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: ResolveLike = "strict"
) -> dict[str, Status]:
    """The status of every State of the universe on *on*, by code."""
    _check_day(on)
    how = as_resolve(resolve)
    members = sorted(universe.members(on))
    if how is Resolve.STRICT:
        _strict_check(record, universe, on)
        straddles = _index.straddle_index(record, universe)
        early = _statuses_from(record, universe, members, on, Resolve.EARLIEST)
        if straddles.items:
            late = _statuses_from(record, universe, members, on, Resolve.LATEST)
            if early != late:
                differ = {universe.lineage(c) for c in members if early[c] is not late[c]}
                _raise_undecidable("the statuses of the States", on,
                                   _imprecise_of(straddles, differ))
        return early
    return _statuses_from(record, universe, members, on, how)


def _statuses_from(record: TreatyRecord, universe: Universe, members: list[str], on: date,
                   how: Resolve) -> dict[str, Status]:
    index = _index.record_index(record, universe, how)
    return {code: index.status_at(universe.lineage(code), on) for code in members}


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


def _strict_check(record: TreatyRecord, universe: Universe, on: date) -> None:
    straddles = _index.straddle_index(record, universe)
    if not straddles.any_at(on):
        return
    relevant = [
        s for s in straddles.at(on)
        if s.group is None or any(universe.contains(c, on) for c in s.group)
    ]
    if relevant:
        _raise_undecidable("ratification by numbers", on, relevant)


def _counts_at(index: _index.RecordIndex, on: date) -> Counts:
    row = _index.counts_row(index, on)
    return Counts(
        on=on,
        parties=row[_index.PARTY] + row[_index.IN_FORCE],
        in_force=row[_index.IN_FORCE],
        signatories=row[_index.SIGNATORY],
        signatories_total=row[_index.SIGNED_EVER],
        former_parties=row[_index.FORMER],
        no_action=row[_index.NO_ACTION],
        states=sum(row[:5]),
    )


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
    if how is Resolve.STRICT:
        _strict_check(record, universe, on)
        early = _counts_at(_index.record_index(record, universe, Resolve.EARLIEST), on)
        straddles = _index.straddle_index(record, universe)
        if straddles.items:
            late = _counts_at(_index.record_index(record, universe, Resolve.LATEST), on)
            if early != late:
                _raise_undecidable("ratification by numbers", on,
                                   _imprecise_of(straddles, _groups_on(universe, on)))
        return early
    return _counts_at(_index.record_index(record, universe, how), on)


def count_series(
    record: TreatyRecord,
    universe: Universe,
    dates: Iterable[date],
    *,
    resolve: ResolveLike = "strict",
) -> list[Counts]:
    """:func:`counts` for many dates, from one index: O(log n) per date.

    Dates are answered in the order given.  Under ``resolve="strict"`` every
    undecidable date is reported in one error.
    """
    how = as_resolve(resolve)
    days = [d if type(d) is date else _check_day(d, "dates") for d in dates]
    if how is Resolve.STRICT:
        straddles = _index.straddle_index(record, universe)
        for d in days:
            if straddles.any_at(d):
                _strict_check(record, universe, d)
        early = _index.counts_series(_index.record_index(record, universe, Resolve.EARLIEST),
                                     days)
        if straddles.items:
            late = _index.counts_series(_index.record_index(record, universe, Resolve.LATEST),
                                        days)
            for a, b in zip(early, late, strict=True):
                if a != b:
                    _raise_undecidable("ratification by numbers", a.on,
                                       _imprecise_of(straddles, _groups_on(universe, a.on)))
        return early
    return _index.counts_series(_index.record_index(record, universe, how), days)


def timeline(
    record: TreatyRecord, participant: str, *, universe: Universe | None = None
) -> tuple[Act, ...]:
    """The acts of *participant* in time order; with a *universe*, those of the
    States it continues or that continue it too.

    >>> from migrant_convention import data
    >>> [a.action for a in timeline(data.icrmw(), "SLV")]
    ['signature', 'ratification', 'declaration_art76', 'declaration_art77']
    """
    group = _index._group_key(universe, participant)
    acts = [a for a in record.acts if a.participant in group]
    if not acts and participant not in record.codes:
        known = record.participant(participant) or (
            universe is not None and participant in universe
        )
        if not known:
            raise _unknown(participant)
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
    out: list[Act] = []
    undecided: list[Act] = []
    for act in record.acts:
        if act.kind is not ActKind.DECLARATION or (article is not None and act.article != article):
            continue
        if how is Resolve.STRICT:
            known = act.date.is_on_or_before(on, floor)
            if known is None:
                undecided.append(act)
            elif known:
                out.append(act)
        elif _index.act_day(act, how, floor) <= on:
            out.append(act)
    if undecided:
        what = f"declarations under article {article}" if article else "declarations"
        raise UndecidableError(what, on, [(a.describe(), a.date) for a in undecided])
    return tuple(sorted(out, key=Act.sort_key))

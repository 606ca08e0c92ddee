"""The fast paths (indexes, caches, series) give what a naive recomputation gives.

The oracle below answers each date from scratch: it takes the acts done by
then, works out the treaty's entry into force from them, replays each
lineage's acts in order and counts the States of the universe on that day.
It shares no code with ``_index.py``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention import (
    Act,
    ActKind,
    Alignment,
    Basis,
    Delay,
    DenunciationRule,
    EntryIntoForceRule,
    Membership,
    PartialDate,
    Resolve,
    Rules,
    Status,
    Treaty,
    TreatyRecord,
    Universe,
    _index,
)

ADOPTED = date(1990, 1, 1)
Row = tuple[int, int, int, int, int, int, int]


# -- the oracle ------------------------------------------------------------------------
def act_kind_consents(rules: Rules, act: Act) -> bool:
    return act.kind in rules.consent


def _lineage_status(
    rules: Rules, acts: list[tuple[date, Act]], general: date | None, on: date
) -> tuple[Status, bool]:
    bound = former = signed = False
    in_force: date | None = None
    effect: date | None = None
    for day, act in acts:
        # A denunciation takes effect before the acts of a later day, and
        # before a consent on the very day it takes effect (leave, then rejoin).
        if effect is not None and (effect < day or (effect == day
                                   and act_kind_consents(rules, act))):
            bound, former, effect, in_force = False, True, None, None
        if act.kind.is_signature:
            signed = True
        elif act.kind in rules.consent and not bound:
            bound, former = True, False
            if general is None or rules.entry_into_force is None:
                in_force = None
            elif day < general:
                in_force = general
            else:
                in_force = rules.entry_into_force.later_delay.apply(day)
        elif act.kind is ActKind.DENUNCIATION and bound:
            notice = rules.denunciation.takes_effect if rules.denunciation else Delay(months=12)
            takes = notice.apply(day)
            effect = takes if effect is None else min(effect, takes)
    if effect is not None and effect <= on:
        bound, former = False, True
    if bound:
        return (Status.PARTY_IN_FORCE if in_force is not None and in_force <= on
                else Status.PARTY), signed
    if former:
        return Status.FORMER_PARTY, signed
    return (Status.SIGNATORY if signed else Status.NO_ACTION), signed


def _done_by(record: TreatyRecord, on: date, how: Resolve) -> tuple[
        list[tuple[date, Act]], date | None]:
    """The acts done on or before *on*, in order, and the entry into force."""
    floor = record.treaty.adopted
    rules = record.treaty.rules
    done = sorted(
        ((a.date.resolved(how, floor), a) for a in record.acts
         if a.date.resolved(how, floor) <= on),
        key=lambda t: (t[0], t[1].sort_key()),
    )
    first: dict[str, date] = {}  # each participant's first instrument counts once
    for d, a in done:
        if a.kind in rules.consent:
            first.setdefault(a.participant, d)
    deposits = sorted(first.values())
    rule = rules.entry_into_force
    general = rule.delay.apply(deposits[rule.instruments - 1]) \
        if rule is not None and len(deposits) >= rule.instruments else None
    return done, general


def naive_status(
    record: TreatyRecord, universe: Universe | None, code: str, on: date, how: Resolve,
    done_by: tuple[list[tuple[date, Act]], date | None] | None = None,
) -> tuple[Status, bool]:
    if universe is not None and code in universe and not universe.contains(code, on):
        periods = universe.periods_of(code)
        if not any(p.start > on for p in periods):  # ceased: its status on its last day
            on = max(p.end for p in periods if p.end is not None)
            done_by = None
    done, general = done_by or _done_by(record, on, how)
    group = universe.lineage(code) if universe is not None else (code,)
    mine = [(d, a) for d, a in done if a.participant in group]
    return _lineage_status(record.treaty.rules, mine, general, on)


def naive_counts(record: TreatyRecord, universe: Universe, on: date, how: Resolve) -> Row:
    tally = dict.fromkeys(Status, 0)
    ever = states = 0
    done_by = _done_by(record, on, how)
    for p in universe.periods:
        if p.covers(on):
            status, signed = naive_status(record, universe, p.code, on, how, done_by)
            tally[status] += 1
            ever += signed
            states += 1
    return (tally[Status.PARTY] + tally[Status.PARTY_IN_FORCE], tally[Status.PARTY_IN_FORCE],
            tally[Status.SIGNATORY], ever, tally[Status.FORMER_PARTY],
            tally[Status.NO_ACTION], states)


def as_row(c: mc.Counts) -> Row:
    return (c.parties, c.in_force, c.signatories, c.signatories_total, c.former_parties,
            c.no_action, c.states)


# -- random records ------------------------------------------------------------------------
CODES = ("S1", "S2", "S3", "S4", "S5")
KINDS = (ActKind.SIGNATURE, ActKind.SUCCESSION_TO_SIGNATURE, ActKind.RATIFICATION,
         ActKind.ACCESSION, ActKind.SUCCESSION, ActKind.DEFINITIVE_SIGNATURE,
         ActKind.DENUNCIATION, ActKind.DECLARATION)


# Mostly days from a small pool of firsts and sixteenths of months, so that acts,
# entries into force (often on a first), period starts and ends, and query
# dates fall on the same day often: that is where off-by-one mistakes hide.
POOL = [date(y, m, d) for y in range(1990, 1994) for m in range(1, 13) for d in (1, 16)]


def days_between(lo: date, hi: date) -> st.SearchStrategy[date]:
    pool = [d for d in POOL if lo <= d <= hi]
    anyday = st.integers(lo.toordinal(), hi.toordinal()).map(date.fromordinal)
    return st.sampled_from(pool) | st.sampled_from(pool).map(lambda d: d - timedelta(days=1)) \
        .filter(lambda d: lo <= d) | anyday if pool else anyday


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(days_between(ADOPTED, date(1994, 12, 31)))
    form = draw(st.sampled_from(["day", "day", "day", "month", "year", "before"]))
    if form == "month":
        return PartialDate.month(day.year, day.month)
    if form == "year":
        return PartialDate.year(day.year)
    if form == "before":
        return PartialDate.on_or_before(day)
    return PartialDate.day(day)


@st.composite
def delays(draw: st.DrawFn) -> Delay:
    if draw(st.booleans()):  # no delay: entry into force on the deposit's day
        return Delay()
    return Delay(draw(st.integers(0, 3)), draw(st.sampled_from([0, 0, 15, 40])),
                 draw(st.sampled_from(list(Alignment))))


@st.composite
def records(draw: st.DrawFn) -> tuple[TreatyRecord, Universe]:
    consent = draw(st.sets(st.sampled_from([ActKind.RATIFICATION, ActKind.ACCESSION,
                                            ActKind.SUCCESSION]), min_size=1))
    denunciation = draw(st.none() | delays().map(lambda d: DenunciationRule(d)))
    rules = Rules(EntryIntoForceRule(draw(st.integers(1, 3)), draw(delays()), draw(delays())),
                  consent=consent, denunciation=denunciation)
    treaty = Treaty("X-1", "A treaty", "T", ADOPTED, ADOPTED, "Nobody", rules)
    acts = draw(st.lists(
        st.builds(Act, st.sampled_from([*CODES, "ORG"]), st.sampled_from(KINDS),
                  partial_dates()),
        max_size=12,
    ))
    periods = []
    for i, code in enumerate(CODES):
        start = draw(days_between(date(1989, 1, 1), date(1993, 1, 1)))
        end = draw(st.none() | days_between(start, date(1995, 1, 1)))
        continues = draw(st.none() | st.sampled_from(CODES[:i])) if i else None
        periods.append(Membership(code, code, start, end, Basis.UN_MEMBER, continues))
    return TreatyRecord(treaty, acts), Universe(periods)


query_days = st.lists(days_between(date(1989, 12, 1), date(1996, 6, 30)), min_size=1,
                      max_size=15)


# -- properties ---------------------------------------------------------------------------
@given(records(), query_days)
def test_count_series_equals_naive(case: tuple[TreatyRecord, Universe], days: list[date]) -> None:
    record, universe = case
    for how in (Resolve.EARLIEST, Resolve.LATEST):
        got = [as_row(c) for c in mc.count_series(record, universe, days, resolve=how)]
        assert got == [naive_counts(record, universe, d, how) for d in days]
        assert [c.on for c in mc.count_series(record, universe, days, resolve=how)] == days


@given(records(), query_days)
def test_status_and_statuses_equal_naive(
    case: tuple[TreatyRecord, Universe], days: list[date]
) -> None:
    record, universe = case
    for how in (Resolve.EARLIEST, Resolve.LATEST):
        for on in days:
            expected = {p.code: naive_status(record, universe, p.code, on, how)[0]
                        for p in universe.periods if p.covers(on)}
            assert mc.statuses(record, universe, on, resolve=how) == expected
            for code in (*CODES, "ORG"):
                if code in record.codes or code in universe:
                    assert mc.status(record, code, on, universe=universe, resolve=how) \
                        == naive_status(record, universe, code, on, how)[0]
            for code in record.codes:  # without a universe, each code on its own
                assert mc.status(record, code, on, resolve=how) \
                    == naive_status(record, None, code, on, how)[0]


@given(records(), query_days)
def test_strict_answers_only_when_both_resolutions_agree(
    case: tuple[TreatyRecord, Universe], days: list[date]
) -> None:
    record, universe = case
    for on in days:
        early = naive_counts(record, universe, on, Resolve.EARLIEST)
        late = naive_counts(record, universe, on, Resolve.LATEST)
        try:
            got = as_row(mc.counts(record, universe, on))
        except mc.UndecidableError:
            continue
        assert got == early == late


def test_strict_sees_a_denunciation_that_may_precede_consent() -> None:
    # Ratified on 5 Jan 1990; denounced "on or before 16 Jan 1990" (no clause:
    # twelve months' notice).  Read at its earliest (1 Jan, the adoption), the
    # denunciation comes before the ratification and does nothing; at its
    # latest, it takes effect on 16 Jan 1991.  So on 16 Jan 1991 the State is a
    # party or a former party, and strict mode must refuse to say which.
    rules = Rules(EntryIntoForceRule(1, Delay(), Delay()), consent=[ActKind.RATIFICATION])
    treaty = Treaty("X-1", "A treaty", "T", ADOPTED, ADOPTED, "Nobody", rules)
    record = TreatyRecord(treaty, [
        Act("S1", ActKind.RATIFICATION, PartialDate.day(date(1990, 1, 5))),
        Act("S1", ActKind.DENUNCIATION, PartialDate.on_or_before(date(1990, 1, 16))),
    ])
    universe = Universe([Membership("S1", "S1", ADOPTED, None, Basis.UN_MEMBER)])
    on = date(1991, 1, 16)
    early = mc.status(record, "S1", on, universe=universe, resolve="earliest")
    late = mc.status(record, "S1", on, universe=universe, resolve="latest")
    assert (early, late) == (Status.PARTY_IN_FORCE, Status.FORMER_PARTY)
    with pytest.raises(mc.UndecidableError):
        mc.counts(record, universe, on)
    with pytest.raises(mc.UndecidableError):
        mc.status(record, "S1", on, universe=universe)
    with pytest.raises(mc.UndecidableError):
        mc.statuses(record, universe, on)
    with pytest.raises(mc.UndecidableError):
        mc.count_series(record, universe, [on])


@given(records())
def test_index_groups_are_the_step_functions(case: tuple[TreatyRecord, Universe]) -> None:
    record, universe = case
    for how in (Resolve.EARLIEST, Resolve.LATEST):
        index = _index.record_index(record, universe, how)
        by_group: dict[tuple[str, ...], list[Act]] = {}
        for act in record.acts:
            by_group.setdefault(universe.lineage(act.participant), []).append(act)
        assert index.groups == {
            g: _index.lineage_steps(record.treaty, index.general_eif, acts, how)
            for g, acts in by_group.items()
        }
        assert index.general_eif == mc.entry_into_force(record, resolve=how)


def test_bundled_convention_every_month_equals_naive() -> None:
    record, universe = mc.data.icrmw(), mc.data.states()
    days = [ADOPTED + timedelta(days=k) for k in range(350, 13_140, 61)]
    got = [as_row(c) for c in mc.count_series(record, universe, days, resolve="latest")]
    assert got == [naive_counts(record, universe, d, Resolve.LATEST) for d in days]


def test_index_is_built_once_and_reused() -> None:
    record, universe = mc.data.icrmw(), mc.data.states()
    first = _index.record_index(record, universe, Resolve.LATEST)
    assert _index.record_index(record, universe, Resolve.LATEST) is first
    # Strict answers use the earliest-day index.
    assert _index.record_index(record, universe, Resolve.STRICT) \
        is _index.record_index(record, universe, Resolve.EARLIEST)
    _index.cache_clear()
    rebuilt = _index.record_index(record, universe, Resolve.LATEST)
    assert rebuilt is not first
    assert (rebuilt.count_days, rebuilt.count_rows) == (first.count_days, first.count_rows)


def test_count_series_checks_every_date() -> None:
    record, universe = mc.data.icrmw(), mc.data.states()
    with pytest.raises(TypeError, match=r"datetime\.date"):
        mc.count_series(record, universe, [date(2000, 1, 1), "2000-01-02"],  # type: ignore[list-item]
                        resolve="latest")

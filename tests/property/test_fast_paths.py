"""The fast paths (indexes, caches, series) give what a naive recomputation gives.

The oracle, :func:`migrant_convention.testing.recount` and its siblings,
answers each date from scratch: it takes the acts done by then, works out the
treaty's entry into force from them, replays each lineage's acts in order and
counts the States of the universe on that day.  It shares no code with
``_index.py``.  (``tests/_reference.py`` is a second, independent oracle,
written from the rules' text with its own month arithmetic.)
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
)
from migrant_convention.core import _cache, _index
from migrant_convention.core.universe import period_problems
from migrant_convention.testing import recount, recount_status, recount_statuses

ADOPTED = date(1990, 1, 1)


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
    return Delay(months=draw(st.integers(0, 3)), days=draw(st.sampled_from([0, 0, 15, 40])),
                 alignment=draw(st.sampled_from(list(Alignment))))


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
        # A lineage is one State at a time (Universe refuses overlapping
        # periods in one): keep the link only if it makes none.
        if continues is not None and period_problems(periods):
            periods[-1] = Membership(code, code, start, end, Basis.UN_MEMBER)
    return TreatyRecord(treaty, acts), Universe(periods)


query_days = st.lists(days_between(date(1989, 12, 1), date(1996, 6, 30)), min_size=1,
                      max_size=15)


# -- properties ---------------------------------------------------------------------------
@given(records(), query_days)
def test_count_series_equals_naive(case: tuple[TreatyRecord, Universe], days: list[date]) -> None:
    record, universe = case
    for how in (Resolve.EARLIEST, Resolve.LATEST):
        got = mc.count_series(record, universe, days, resolve=how)
        assert got == [recount(record, universe, d, resolve=how) for d in days]
        assert [c.on for c in got] == days


@given(records(), query_days)
def test_status_and_statuses_equal_naive(
    case: tuple[TreatyRecord, Universe], days: list[date]
) -> None:
    record, universe = case
    for how in (Resolve.EARLIEST, Resolve.LATEST):
        for on in days:
            expected = recount_statuses(record, universe, on, resolve=how)
            assert set(expected) == universe.members(on)
            assert mc.statuses(record, universe, on, resolve=how) == expected
            for code in (*CODES, "ORG"):
                if code in record.codes or code in universe:
                    assert mc.status(record, universe, code, on, resolve=how) \
                        == recount_status(record, universe, code, on, resolve=how)
            for code in record.codes:  # without a universe, each code on its own
                assert mc.status(record, None, code, on, resolve=how) \
                    == recount_status(record, None, code, on, resolve=how)


@given(records(), query_days)
def test_strict_answers_only_when_both_resolutions_agree(
    case: tuple[TreatyRecord, Universe], days: list[date]
) -> None:
    record, universe = case
    for on in days:
        early = recount(record, universe, on, resolve="earliest")
        late = recount(record, universe, on, resolve="latest")
        try:
            got = mc.counts(record, universe, on)
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
    early = mc.status(record, universe, "S1", on, resolve="earliest")
    late = mc.status(record, universe, "S1", on, resolve="latest")
    assert (early, late) == (Status.PARTY_IN_FORCE, Status.FORMER_PARTY)
    with pytest.raises(mc.UndecidableError):
        mc.counts(record, universe, on)
    with pytest.raises(mc.UndecidableError):
        mc.status(record, universe, "S1", on)
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
    got = mc.count_series(record, universe, days, resolve="latest")
    assert got == [recount(record, universe, d, resolve="latest") for d in days]


def test_index_is_built_once_and_reused() -> None:
    record, universe = mc.data.icrmw(), mc.data.states()
    first = _index.record_index(record, universe, Resolve.LATEST)
    assert _index.record_index(record, universe, Resolve.LATEST) is first
    # The index reads dates one way; strict is a policy over two indexes.
    with pytest.raises(ValueError, match="earliest' or 'latest'"):
        _index.record_index(record, universe, Resolve.STRICT)
    _cache.cache_clear()
    rebuilt = _index.record_index(record, universe, Resolve.LATEST)
    assert rebuilt is not first
    assert (rebuilt.count_days, rebuilt.count_rows) == (first.count_days, first.count_rows)


def test_count_series_checks_every_date() -> None:
    record, universe = mc.data.icrmw(), mc.data.states()
    with pytest.raises(TypeError, match=r"datetime\.date"):
        mc.count_series(record, universe, [date(2000, 1, 1), "2000-01-02"],  # type: ignore[list-item]
                        resolve="latest")

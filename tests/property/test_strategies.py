"""The public strategies: what they generate, and their argument checks."""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import migrant_convention as mc
from migrant_convention import ParticipantKind, Precision
from migrant_convention.core.participants import check_code
from migrant_convention.testing import strategies as mst

LO, HI = date(1990, 3, 15), date(1992, 2, 10)


@given(mst.dates(LO, HI))
def test_dates_stay_in_bounds(day: date) -> None:
    assert LO <= day <= HI


@given(mst.partial_dates(LO, HI))
def test_partial_dates_stay_in_bounds_and_round_trip(when: mc.PartialDate) -> None:
    assert LO <= when.latest <= HI
    assert when.earliest_known is None or when.earliest_known >= LO
    assert mc.PartialDate.parse(str(when)) == when


@given(st.data())
def test_partial_dates_of_every_precision(data: st.DataObject) -> None:
    for precision in Precision:
        when = data.draw(mst.partial_dates(date(2000, 1, 1), date(2001, 12, 31),
                                           precisions=[precision], uncertain=False))
        assert not when.uncertain
        # A month or year that spills over the bounds becomes a day.
        assert when.precision in (precision, Precision.DAY)


@given(mst.participants())
def test_participants_have_valid_codes_for_their_kind(p: mc.Participant) -> None:
    assert check_code(p.code, p.kind) is None
    if p.kind is ParticipantKind.STATE:
        assert len(p.code) == 3


@given(mst.participants([ParticipantKind.ORGANIZATION]))
def test_non_state_participants_have_long_codes(p: mc.Participant) -> None:
    assert p.kind is ParticipantKind.ORGANIZATION
    assert len(p.code) >= 4


@given(mst.acts("ALB", kinds=[mc.ActKind.DECLARATION, mc.ActKind.DENUNCIATION]))
def test_acts_of_given_kinds(act: mc.Act) -> None:
    assert act.participant == "ALB"
    assert act.kind in (mc.ActKind.DECLARATION, mc.ActKind.DENUNCIATION)
    assert (act.article is not None) == (act.kind is mc.ActKind.DECLARATION)


@given(mst.treaties(LO, HI, max_instruments=4, denunciation=True))
def test_treaties_follow_their_bounds(treaty: mc.Treaty) -> None:
    assert LO <= treaty.adopted <= treaty.opened_for_signature <= HI
    assert treaty.rules.entry_into_force is not None
    assert 1 <= treaty.rules.entry_into_force.instruments <= 4
    assert treaty.rules.denunciation is not None
    assert treaty.rules.consent


@given(mst.universes(LO, HI, min_states=2, max_states=3, lineage=True))
def test_universes_have_a_lineage(universe: mc.Universe) -> None:
    assert max(len(universe.lineage(c)) for c in universe.codes) == 3
    assert all(LO <= p.start <= HI for p in universe.periods)
    # A lineage hands over from one day to the next: never two of it at once.
    for code in universe.codes:
        line = universe.lineage(code)
        assert sum(universe.contains(c, HI) for c in line) <= 1


@given(mst.records_with_universes(max_participants=2, non_states=False))
def test_records_respect_max_participants(pair: tuple[mc.TreatyRecord, mc.Universe]) -> None:
    record, universe = pair
    assert all(c in universe.codes for c in record.codes)
    assert len({universe.lineage(c) for c in record.codes}) <= 2


@given(mst.records_with_universes(max_value=date(2030, 1, 1)))
def test_records_respect_max_value(pair: tuple[mc.TreatyRecord, mc.Universe]) -> None:
    assert all(a.date.latest <= date(2030, 1, 1) for a in pair[0].acts)


BAD_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (mst.dates, {"min_value": HI, "max_value": LO}),
    (mst.dates, {"min_value": "1990-01-01"}),
    # Outside the days the library supports (1000-01-01..9000-12-31).
    (mst.partial_dates, {"max_value": date(9999, 12, 31)}),
    (mst.dates, {"min_value": date(999, 12, 31)}),
    (mst.treaties, {"max_value": date(9001, 1, 1)}),
    (mst.partial_dates, {"precisions": []}),
    (mst.partial_dates, {"precisions": Precision.DAY}),
    (mst.partial_dates, {"uncertain": "yes"}),
    (mst.participants, {"kinds": []}),
    (mst.participants, {"kinds": ["state"]}),
    (mst.acts, {"participant": "not a code"}),
    (mst.acts, {"kinds": []}),
    (mst.delays, {"max_months": -1}),
    (mst.treaties, {"max_instruments": 0}),
    (mst.treaties, {"denunciation": "sometimes"}),
    (mst.universes, {"min_states": 3, "max_states": 2}),
    (mst.universes, {"lineage": 1}),
    (mst.treaty_records, {"max_participants": -1}),
    (mst.treaty_records, {"treaty": "IV-13"}),
    (mst.records_with_universes, {"universe": []}),
    (mst.records_with_universes, {"imprecise": None}),
]


@pytest.mark.parametrize(("factory", "kwargs"), BAD_CALLS)
def test_bad_arguments_fail_at_once(factory: Any, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgument):
        factory(**kwargs)  # no draw needed: checked when called


def test_fixed_treaty_and_universe_are_used() -> None:
    treaty = mc.data.icrmw_treaty()
    universe = mc.data.states()

    @given(mst.records_with_universes(treaty=treaty, universe=universe, max_participants=4))
    def check(pair: tuple[mc.TreatyRecord, mc.Universe]) -> None:
        assert pair[0].treaty is treaty
        assert pair[1] is universe
        mc.validate_record(*pair)

    check()


@given(mst.records_with_universes(treaty=mst.treaties(max_instruments=2, denunciation=True),
                                  imprecise=False, non_states=False))
def test_a_new_consent_waits_for_the_denunciation_to_take_effect(
    pair: tuple[mc.TreatyRecord, mc.Universe],
) -> None:
    record, universe = pair
    clause = record.treaty.rules.denunciation
    assert clause is not None
    by_lineage: dict[tuple[str, ...], list[mc.Act]] = {}
    for act in record.acts:
        by_lineage.setdefault(universe.lineage(act.participant), []).append(act)
    for acts in by_lineage.values():
        effect = None
        for act in acts:  # each lineage's acts are listed in chronological order
            if act.kind is mc.ActKind.DENUNCIATION:
                effect = clause.effect(act.date.latest)
            elif act.kind.is_consent and effect is not None:
                assert act.date.latest >= effect


def test_the_0_1_module_path_gives_the_same_objects() -> None:
    old_path = importlib.import_module("migrant_convention.strategies")  # a _compat alias
    for name in mst.__all__:
        assert getattr(old_path, name) is getattr(mst, name)

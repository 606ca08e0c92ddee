"""Serialisation round trips of generated records."""

from __future__ import annotations

from hypothesis import given

import migrant_convention as mc
from migrant_convention import csvio
from migrant_convention.testing import strategies as mst


@given(mst.records_with_universes())
def test_acts_survive_csv(pair: tuple[mc.TreatyRecord, mc.Universe]) -> None:
    record, _ = pair
    acts, _ = csvio.read_acts(csvio.write_acts(record.acts))
    assert [(a.participant, a.kind, a.date, a.article, a.sources, a.note) for a in acts] == [
        (a.participant, a.kind, a.date, a.article, a.sources, a.note) for a in record.acts
    ]


@given(mst.universes())
def test_universes_survive_csv(universe: mc.Universe) -> None:
    assert csvio.read_universe(csvio.write_universe(universe.periods)) == universe.periods

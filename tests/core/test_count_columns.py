"""count_columns: every day's counts as columns, the same as counts() gives."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention.testing import strategies as mcst


@settings(max_examples=40)
@given(mcst.records_with_universes(), st.integers(0, 400), st.integers(0, 800),
       st.sampled_from([mc.Resolve.EARLIEST, mc.Resolve.LATEST]))
def test_columns_are_counts_day_by_day(pair: tuple[mc.TreatyRecord, mc.Universe], offset: int,
                                       length: int, resolve: mc.Resolve) -> None:
    record, universe = pair
    start = record.treaty.adopted + timedelta(days=offset)
    end = start + timedelta(days=length)
    columns = mc.count_columns(record, universe, start, end, resolve=resolve)
    assert len(columns) == length + 1
    assert columns.days[0] == start
    assert columns.days[-1] == end
    expected = mc.count_series(record, universe, columns.days, resolve=resolve)
    assert [columns[i] for i in range(len(columns))] == expected
    table = columns.as_dict()
    assert list(table) == ["date", "parties", "in_force", "signatories", "signatories_total",
                           "former_parties", "no_action", "states"]
    assert all(len(v) == length + 1 for v in table.values())


def test_strict_columns_refuse_an_undecidable_day_and_name_it() -> None:
    c143 = mc.data.record("C143")
    states = mc.data.states()
    # Comoros registered C143 in 2021 (day unknown): in force some day of 2022.
    with pytest.raises(mc.UndecidableError, match="COM ratification"):
        mc.count_columns(c143, states, date(2021, 12, 1), date(2022, 12, 31))
    fine = mc.count_columns(c143, states, date(2023, 1, 1), date(2023, 10, 25))
    assert set(fine.parties) == {28}  # Congo's, 26 Oct 2023, comes next


def test_an_empty_period_gives_empty_columns() -> None:
    cols = mc.count_columns(mc.data.icrmw(), mc.data.states(), date(2000, 1, 2),
                            date(2000, 1, 1))
    assert len(cols) == 0
    assert cols.parties == []

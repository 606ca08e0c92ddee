"""Short, faithful reprs of large values (issue 16, item 11).

A failing property over ``strategies.treaty_records()`` printed a falsifying
example of about 90,000 characters: the default repr of an attrs class lists
every field, so a universe listed every membership period with its sources,
and a record every act.  Records and universes now say what they are — kind,
id, sizes, "as of", the first few items — in one line, in ``repr()`` and in
Hypothesis's (and IPython's) pretty printer; small values keep their reprs.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.vendor.pretty import pretty

from migrant_convention import (
    Act,
    ActKind,
    Basis,
    Counts,
    Membership,
    PartialDate,
    TreatyRecord,
    Universe,
    data,
)
from migrant_convention.testing import strategies as mst

LIMIT = 400


def test_the_convention_s_record_has_a_short_repr() -> None:
    record = data.icrmw()
    text = repr(record)
    assert len(text) < LIMIT
    assert text.startswith("<TreatyRecord 'IV-13' ('ICRMW') as of 2025-12-31: ")
    assert f"{len(record.acts)} acts by {len(record.codes)} codes" in text
    assert f"{len(record.participants)} participants" in text
    first = record.acts[0]
    assert f"first: {first.participant} {first.action} {first.date}, " in text
    assert text.endswith(", ...>")
    assert pretty(record) == text


def test_the_universe_of_states_has_a_short_repr() -> None:
    universe = data.states()
    text = repr(universe)
    assert len(text) < LIMIT
    assert text.startswith(
        f"<Universe as of 2025-12-31: {len(universe.periods)} periods of "
        f"{len(universe.codes)} States, ")
    first = universe.periods[0]
    assert f"first: {first.code} {first.start}.." in text
    assert pretty(universe) == text


def test_small_records_and_universes_show_all_their_items() -> None:
    member = Membership("SRB", "Serbia", datetime.date(2006, 6, 3), None, Basis.UN_MEMBER,
                        continues="SCG")
    gone = Membership("SCG", "Serbia and Montenegro", datetime.date(2000, 11, 1),
                      datetime.date(2006, 6, 2), Basis.UN_MEMBER)
    assert repr(Universe([gone, member], sources="UN")) == (
        "<Universe: 2 periods of 2 States, 1 source; first: SCG 2000-11-01..2006-06-02, "
        "SRB 2006-06-03.. (continues SCG)>")
    treaty = data.icrmw_treaty()
    act = Act("SRB", ActKind.DECLARATION, PartialDate.parse("2004-10?"), "77")
    assert repr(TreatyRecord(treaty, [act])) == (
        "<TreatyRecord 'IV-13' ('ICRMW'): 1 act by 1 code, 0 participants, 0 sources; "
        "first: SRB declaration_art77 2004-10?>")
    assert repr(TreatyRecord(treaty, [])) == (
        "<TreatyRecord 'IV-13' ('ICRMW'): 0 acts by 0 codes, 0 participants, 0 sources>")


def test_a_long_treaty_id_is_shortened() -> None:
    treaty = attrs.evolve(data.icrmw_treaty(), id="X" * 10_000, short_name="Y" * 10_000)
    assert len(repr(TreatyRecord(treaty, data.icrmw().acts))) < LIMIT


def test_equality_and_the_full_data_stay_one_call_away() -> None:
    record = data.icrmw()
    changed = attrs.evolve(record, acts=(*record.acts[:-1], attrs.evolve(record.acts[-1],
                                                                          note="changed")))
    assert repr(changed) == repr(record)  # the difference is past the items shown...
    assert changed != record              # ...but equality still sees it
    assert "changed" in repr(changed.acts)


@settings(max_examples=20)
@given(mst.treaty_records(), mst.records_with_universes())
def test_generated_values_have_short_reprs(
    record: TreatyRecord, pair: tuple[TreatyRecord, Universe]
) -> None:
    assert len(repr(record)) < LIMIT
    assert len(pretty(record)) < LIMIT
    assert len(pretty(pair)) < 2 * LIMIT


def test_a_falsifying_example_fits_on_a_screen() -> None:
    # Not shrunk (generation only), so the example printed is a record with acts.
    @settings(max_examples=100, database=None, derandomize=True, phases=[Phase.generate])
    @given(mst.treaty_records(), st.just(data.states()))
    def prop(record: TreatyRecord, universe: Universe) -> None:
        assert len(record.acts) < 3

    with pytest.raises(AssertionError) as info:
        prop()
    # The example, not Hypothesis's own "@reproduce_failure(...)" blob (printed
    # on CI, where its length follows the number of draws, not our reprs).
    notes = "\n".join(n for n in getattr(info.value, "__notes__", [])
                      if "reproduce_failure" not in n)
    assert "record=<TreatyRecord 'T-" in notes
    assert "; first: " in notes
    assert "universe=<Universe as of 2025-12-31: " in notes
    assert len(notes) < 1_000


@pytest.mark.parametrize(
    "value",
    [
        PartialDate.parse("2024-11?"),
        PartialDate.parse("[..2013-07-09]"),
        Counts(datetime.date(2003, 7, 1), 22, 22, 9, 19, 0, 160, 191),
    ],
)
def test_small_values_keep_their_eval_able_reprs(value: Any) -> None:
    namespace = {"PartialDate": PartialDate, "Counts": Counts, "datetime": datetime}
    assert eval(repr(value), namespace) == value

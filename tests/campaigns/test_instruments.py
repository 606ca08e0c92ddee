"""side_by_side: each State's status under each instrument."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention.campaigns.instruments import (
    CAMPAIGN_INSTRUMENTS,
    COUNT_FIELDS,
    STATUS_FIELDS,
    side_by_side,
)
from migrant_convention.testing import strategies as mst

STATES = mc.data.states()
RECORDS = {i: mc.data.record(i) for i in CAMPAIGN_INSTRUMENTS}
PARTY = {mc.Status.PARTY, mc.Status.PARTY_IN_FORCE}


@settings(max_examples=15, deadline=None)
@given(st.dates(date(1950, 1, 1), date(2026, 1, 1)))
def test_the_lists_agree_with_the_rows_and_the_counts(on: date) -> None:
    table = side_by_side(RECORDS, STATES, on)
    assert [r.code for r in table.rows] == sorted(STATES.members(on))
    for i, instrument in enumerate(table.instruments):
        parties = {r.code for r in table.rows if r.statuses[i] in PARTY}
        assert set(table.party_to_all) <= parties
        assert not set(table.party_to_none) & parties
        c = table.counts[instrument]
        if c is not None:
            assert c.parties == len(parties)
    for r in table.rows:
        if None not in r.statuses:
            assert (r.code in table.party_to_all) == all(s in PARTY for s in r.statuses)
            assert (r.code in table.party_to_none) == all(s not in PARTY for s in r.statuses)


def test_the_campaigns_end() -> None:
    table = side_by_side(RECORDS, STATES, date(2015, 12, 18))
    # ICRMW 48 parties (UN Treaty Collection), C189 22, C143 23 (hand counts
    # of the reference data; Wikipedia: 23 "as of 2013"); C097 undecidable
    # (four registrations with no date), said so rather than guessed.
    assert table.counts["IV-13"] is not None
    assert table.counts["IV-13"].parties == 48
    assert table.counts["C189"] is not None
    assert table.counts["C189"].parties == 22
    assert table.counts["C143"] is not None
    assert table.counts["C143"].parties == 23
    assert table.counts["C097"] is None
    assert "MUS ratification" in table.undecidable["C097"]
    assert table.row("GBR").statuses[1] is None  # its registration has no date
    assert table.party_to_all == ("PHL",)
    assert table.tidy()[0].keys() == {"code", "name", *CAMPAIGN_INSTRUMENTS}


def test_no_instrument_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one instrument"):
        side_by_side({}, STATES, date(2015, 12, 18))


# -- against the library's own answers, on generated records -----------------------

def _one_universe_and_records() -> st.SearchStrategy[
        tuple[mc.Universe, dict[str, mc.TreatyRecord]]]:
    """A small universe and one to three records of treaties for its States
    (imprecise dates, denunciations, ILO-style rules among them)."""
    return mst.universes(max_states=5).flatmap(lambda u: st.tuples(
        st.just(u),
        st.lists(mst.treaty_records(universe=u, max_participants=5), min_size=1, max_size=3)
        .map(lambda rs: {f"T{n}": r for n, r in enumerate(rs)})))


def _days_near(records: dict[str, mc.TreatyRecord]) -> st.SearchStrategy[date]:
    """Days around the treaties' lives, often inside an imprecise act date or
    its delay to entry into force, where answers become undecidable."""
    adopted = min(r.treaty.adopted for r in records.values())
    spans = [(a.date.earliest_known or a.date.latest - timedelta(days=400), a.date.latest)
             for r in records.values() for a in r.acts if not a.date.is_exact]
    anywhere = st.dates(adopted - timedelta(days=400), adopted + timedelta(days=40 * 365))
    if not spans:
        return anywhere
    inside = st.sampled_from(spans).flatmap(lambda s: st.dates(*s))
    return st.one_of(inside, inside, inside, anywhere)


def _status_or_none(record: mc.TreatyRecord, universe: mc.Universe, code: str,
                    on: date) -> mc.Status | None:
    try:
        return mc.status(record, universe, code, on)
    except mc.UndecidableError:
        return None


@settings(max_examples=40, deadline=None)
@given(_one_universe_and_records(), st.data())
def test_each_cell_and_count_is_what_status_and_counts_answer(
    pair: tuple[mc.Universe, dict[str, mc.TreatyRecord]], data: st.DataObject
) -> None:
    universe, records = pair
    on = data.draw(_days_near(records))
    table = side_by_side(records, universe, on)
    assert table.instruments == tuple(records)
    assert [r.code for r in table.rows] == sorted(universe.members(on))
    for row in table.rows:
        # A cell is None exactly when status() refuses: never a guess.
        assert row.statuses == tuple(_status_or_none(r, universe, row.code, on)
                                     for r in records.values())
        decided = None not in row.statuses
        party = [s in PARTY for s in row.statuses]
        assert (row.code in table.party_to_all) == (decided and all(party))
        assert (row.code in table.party_to_none) == (decided and not any(party))
    for i, record in records.items():
        why: str | None = None
        try:
            expected: mc.Counts | None = mc.counts(record, universe, on)
        except mc.UndecidableError as exc:
            expected, why = None, str(exc)
        assert table.counts[i] == expected
        assert table.undecidable.get(i) == why
        assert bool(table.depends_on.get(i)) == (why is not None)
    # The tidy rows say the same.
    long = table.status_rows()
    assert len(long) == len(table.rows) * len(records)
    assert all(r.keys() == set(STATUS_FIELDS) for r in long)
    assert all((r["party"] is None) == (r["status"] is None) for r in long)
    for figures, i in zip(table.count_rows(), table.instruments, strict=True):
        assert tuple(figures) == COUNT_FIELDS
        c = table.counts[i]
        assert figures["parties"] == (c.parties if c is not None else None)
        assert figures["states"] == len(table.rows)


def test_an_undecidable_cell_keeps_a_state_out_of_both_lists() -> None:
    # On 1 June 1979 Cameroon's C143 registration (1978, the year only) may or
    # may not be in force: its cell is None, though it is party either way.
    table = side_by_side(RECORDS, STATES, date(1979, 6, 1))
    assert table.row("CMR").statuses[2] is None
    assert "CMR" not in table.party_to_all
    assert "CMR" not in table.party_to_none
    assert "CMR ratification (its entry into force) dated 1978" in table.depends_on["C143"]
    assert table.counts["C143"] is None


def test_the_tidy_rows() -> None:
    table = side_by_side(RECORDS, STATES, date(2015, 12, 18))
    gbr = [r for r in table.status_rows() if r["participant"] == "GBR"]
    assert [(r["treaty"], r["status"], r["party"]) for r in gbr] == [
        ("IV-13", "no_action", False), ("C097", None, None), ("C143", "no_action", False),
        ("C189", "no_action", False)]
    assert {r["date"] for r in gbr} == {"2015-12-18"}
    c097 = table.count_rows()[1]
    assert c097 == {"treaty": "C097", "date": "2015-12-18", "parties": None, "in_force": None,
                    "signatories": None, "signatories_total": None, "former_parties": None,
                    "no_action": None, "states": 197}
    # The same shape as formats.tidy's count rows, where decidable.
    assert table.count_rows()[3] == mc.tidy.count_rows(RECORDS["C189"], STATES,
                                                       [date(2015, 12, 18)])[0]
    assert COUNT_FIELDS == mc.tidy.COUNT_FIELDS


# -- against the reference data, read here without the library ---------------------

def _span(text: str) -> tuple[date, date] | None:
    """The first and last possible day of an EDTF date as the reference CSV
    writes it (YYYY, YYYY-MM, YYYY-MM-DD); None for ``XXXX`` (no date)."""
    if text == "XXXX":
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        return first, date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


@pytest.fixture(scope="module")
def c189_registrations(shared_data: Path) -> list[tuple[date, date]]:
    with (shared_data / "ilo" / "ilo_actions.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["convention"] == "C189"]
    assert {r["action"] for r in rows} == {"ratification"}
    spans = [_span(r["date"]) for r in rows]
    assert None not in spans
    return [s for s in spans if s is not None]


@settings(max_examples=30, deadline=None)
@given(on=st.dates(date(2011, 6, 16), date(2023, 4, 3)))
def test_c189_parties_are_the_registrations_counted_from_the_reference_csv(
    c189_registrations: list[tuple[date, date]], on: date
) -> None:
    # Parties on a day: the registrations on or before it.  A registration
    # known only to the month or year that may fall either side of the day
    # leaves the count open, and the table must say undecidable.
    surely = sum(last <= on for _, last in c189_registrations)
    maybe = sum(first <= on < last for first, last in c189_registrations)
    c = side_by_side({"C189": RECORDS["C189"]}, STATES, on).counts["C189"]
    if maybe:
        assert c is None
    elif c is not None:
        assert c.parties == surely


def test_c189_at_the_campaigns_end_by_hand(c189_registrations: list[tuple[date, date]]
                                          ) -> None:
    # 22 registrations by 18 Dec 2015 (Uruguay 14 Jun 2012 ... Portugal 17 Jul
    # 2015), 16 of them by 18 Dec 2014 and so in force twelve months later.
    end = date(2015, 12, 18)
    assert sum(last <= end for _, last in c189_registrations) == 22
    assert sum(last <= date(2014, 12, 18) for _, last in c189_registrations) == 16
    c = side_by_side(RECORDS, STATES, end).counts["C189"]
    assert c is not None
    assert (c.parties, c.in_force) == (22, 16)

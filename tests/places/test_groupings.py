"""Breakdowns by group: sums, the golden table of 18 December 2014, bad input."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention
from migrant_convention import data
from migrant_convention.core.status import counts
from migrant_convention.core.status_types import Status
from migrant_convention.errors import ValidationError
from migrant_convention.places.groupings import (
    BUILTIN_GROUPINGS,
    NO_REGIONAL_GROUP,
    UNASSIGNED,
    Breakdown,
    Grouping,
    UnknownGroupingError,
    breakdown,
    breakdown_series,
    grouping,
)
from migrant_convention.places.regions import m49_areas, read_m49, un_regional_groups

DATA = Path(migrant_convention.__file__).parent / "_data"
LAUNCH = date(2014, 12, 18)
FIELDS = ("parties", "in_force", "signatories", "signatories_total", "former_parties",
          "no_action", "states")
WEOG = "Western European and Others"


def _sums(b: Breakdown) -> dict[str, int]:
    return {f: sum(getattr(r.counts, f) for r in b.rows) for f in FIELDS}


# -- the sums always equal the totals ----------------------------------------

@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31)),
    st.sampled_from(BUILTIN_GROUPINGS),
)
def test_breakdown_sums_equal_totals(on: date, by: str) -> None:
    record, universe = data.icrmw(), data.states()
    b = breakdown(record, universe, on, by, resolve="latest")
    total = counts(record, universe, on, resolve="latest")
    assert _sums(b) == {f: getattr(total, f) for f in FIELDS}
    assert b.totals == total
    # Every State of the universe is in exactly one row: none dropped.
    placed = [c for r in b.rows for c in r.codes]
    assert sorted(placed) == sorted(universe.members(on))


def test_former_states_are_unassigned_not_dropped() -> None:
    # On 1 June 1991 the USSR, Yugoslavia and Czechoslovakia are States of the
    # universe (states_universe.csv) but in neither present-day table.
    b = breakdown(data.icrmw(), data.states(), date(1991, 6, 1), "group")
    assert b.row(UNASSIGNED).codes == ("CSK", "SUN", "YUG")
    assert b.row(UNASSIGNED).counts.states == 3
    assert _sums(b)["states"] == data.states().size(date(1991, 6, 1))


def test_series_is_breakdown_per_date() -> None:
    days = [date(1995, 1, 1), date(2003, 7, 1), LAUNCH, date(2025, 12, 31)]
    series = breakdown_series(data.icrmw(), data.states(), days, "subregion", resolve="latest")
    assert [b.on for b in series] == days
    for b in series:
        assert b == breakdown(data.icrmw(), data.states(), b.on, "subregion", resolve="latest")


# -- the golden table of 18 December 2014, built from the files by hand -------

def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _independent_table(column: str, table: str) -> dict[str, Counter[str]]:
    """Count by group with the csv module alone: universe rows covering the
    day, consent acts (ratification, accession) and signatures dated on or
    before it, joined on iso3.  On that day no State of the universe is a
    predecessor, so acts listed under a code are that code's own."""
    day = LAUNCH.isoformat()
    universe = {r["iso3"] for r in _rows("states_universe.csv")
                if r["from_date"] <= day and (not r["to_date"] or r["to_date"] >= day)}
    acts = _rows("icrmw_actions.csv")

    def done(kinds: tuple[str, ...]) -> set[str]:
        out = set()
        for a in acts:
            if a["action"] in kinds:
                when = a["date"].rstrip("?")
                assert not when.startswith("["), a  # no such consent or signature
                if when <= day:
                    out.add(a["iso3"])
        return out

    parties = done(("ratification", "accession")) & universe
    signed = done(("signature", "succession_to_signature")) & universe
    group_of = {r["iso3"]: r[column] for r in _rows(table)}
    out: dict[str, Counter[str]] = {}
    for code in universe:
        c = out.setdefault(group_of[code], Counter())
        c["states"] += 1
        if code in parties:
            c["parties"] += 1
        elif code in signed:
            c["signatories"] += 1
        else:
            c["no_action"] += 1
    return out


# Written out by hand from the two files (and checked by the computation above).
UN_GROUPS_2014 = {  # group: (parties, signatories, no action, States)
    "African": (18, 12, 24, 54),
    "Asia-Pacific": (8, 2, 44, 54),
    "Eastern European": (3, 3, 17, 23),
    "Latin American and Caribbean": (17, 2, 14, 33),
    WEOG: (1, 0, 28, 29),
    "none": (0, 0, 4, 4),
}
M49_REGIONS_2014 = {
    "Africa": (18, 12, 24, 54),
    "Americas": (17, 2, 16, 35),
    "Asia": (10, 2, 36, 48),
    "Europe": (2, 2, 40, 44),
    "Oceania": (0, 1, 15, 16),
}


@pytest.mark.parametrize(
    ("by", "column", "table", "expected"),
    [
        ("group", "group", "un_regional_groups.csv", UN_GROUPS_2014),
        ("region", "region", "m49_regions.csv", M49_REGIONS_2014),
    ],
)
def test_golden_2014_12_18(
    by: str, column: str, table: str, expected: dict[str, tuple[int, int, int, int]]
) -> None:
    independent = {
        g: (c["parties"], c["signatories"], c["no_action"], c["states"])
        for g, c in _independent_table(column, table).items()
    }
    assert independent == expected
    b = breakdown(data.icrmw(), data.states(), LAUNCH, by)
    got = {
        ("none" if r.group == NO_REGIONAL_GROUP else r.group):
        (r.counts.parties, r.counts.signatories, r.counts.no_action, r.counts.states)
        for r in b.rows if r.group != UNASSIGNED
    }
    assert got == expected
    assert b.row(UNASSIGNED).counts.states == 0
    # The campaign's figure, 47 + 19 + 131 = 197.
    assert (b.totals.parties, b.totals.signatories, b.totals.no_action) == (47, 19, 131)


def test_no_western_european_or_north_american_state_had_ratified() -> None:
    """What "no Western European or North American State has ratified" means
    in the tables on 18 December 2014.

    By UN regional group, WEOG has exactly one party: Türkiye (ratified
    2004-09-27, icrmw_actions.csv), which DGACM lists in both Asia-Pacific and
    WEOG and which counts in WEOG for elections.  Without it, WEOG has none.
    By M49, Western Europe, Northern Europe and Northern America have none;
    the two European parties, Albania and Bosnia and Herzegovina, are in
    Southern Europe (and in the Eastern European group); Türkiye is in
    Western Asia.
    """
    parties = (Status.PARTY, Status.PARTY_IN_FORCE)
    record, universe = data.icrmw(), data.states()
    by_group = breakdown(record, universe, LAUNCH, "group")
    assert by_group.codes(WEOG, *parties) == ("TUR",)
    assert "USA" in by_group.row(WEOG).codes
    by_sub = breakdown(record, universe, LAUNCH, "subregion")
    for region in ("Western Europe", "Northern Europe", "Northern America"):
        assert by_sub.codes(region, *parties) == ()
    assert by_sub.codes("Southern Europe", *parties) == ("ALB", "BIH")
    assert "TUR" in by_sub.codes("Western Asia", *parties)


# -- the bundled tables ---------------------------------------------------------

def test_tables_cover_the_universe_and_keep_sources() -> None:
    areas = {a.iso3: a for a in m49_areas()}
    groups = {r.iso3: r for r in un_regional_groups()}
    present = data.states().members(LAUNCH)
    assert present <= areas.keys()
    assert present == groups.keys()
    assert all(a.sources for a in areas.values())
    assert all(r.sources for r in groups.values())
    # Codes are text with their leading zeros (Nigeria: 002, 202, 011).
    nga = areas["NGA"]
    assert (nga.region_code, nga.subregion_code, nga.intermediate_region_code) == (
        "002", "202", "011")
    # The counts README gives for the groups and the M49 flags.
    assert Counter(r.group for r in groups.values()) == {
        "African": 54, "Asia-Pacific": 54, "Eastern European": 23,
        "Latin American and Caribbean": 33, WEOG: 29, "none": 4}
    assert sum(a.ldc for a in areas.values()) == 44
    assert sum(a.lldc for a in areas.values()) == 32
    assert sum(a.sids for a in areas.values()) == 53


def test_assignments_keep_row_sources_and_notes() -> None:
    tur = grouping("group").assignment("TUR")
    assert tur is not None
    assert tur.group == WEOG
    assert "both" in tur.note
    assert any("DGACM" in s for s in tur.sources)
    nga = grouping("region").assignment("NGA")
    assert nga is not None
    assert any("M49" in s for s in nga.sources)


def test_read_m49_reports_every_bad_cell() -> None:
    header = ",".join(("iso3", "name", "region_code", "region", "subregion_code", "subregion",
                       "intermediate_region_code", "intermediate_region", "ldc", "lldc",
                       "sids", "sources"))
    text = (f"{header}\n"
            "NGA,Nigeria,2,Africa,202,Sub-Saharan Africa,011,Western Africa,yes,false,false,s\n"
            "ng,Nigeria,002,Africa,202,Sub-Saharan Africa,011,Western Africa,false,false,false,\n")
    with pytest.raises(ValidationError) as info:
        read_m49(text, "m.csv")
    where = [(p.location, p.value) for p in info.value.problems]
    assert where == [("m.csv, row 2, field 'region_code'", "2"),
                     ("m.csv, row 2, field 'ldc'", "yes"),
                     ("m.csv, row 3, field 'iso3'", "ng")]


# -- user groupings and bad input -----------------------------------------------

GCC = ("ARE", "BHR", "KWT", "OMN", "QAT", "SAU")


def test_user_grouping_with_unassigned_allowed() -> None:
    mapping = dict.fromkeys(GCC, "Gulf Cooperation Council")
    b = breakdown(data.icrmw(), data.states(), LAUNCH, mapping, allow_unassigned=True)
    gcc = b.row("Gulf Cooperation Council")
    assert gcc.codes == GCC
    # None of the six had signed or acceded by then (icrmw_actions.csv).
    assert (gcc.counts.parties, gcc.counts.signatories, gcc.counts.no_action) == (0, 0, 6)
    assert b.row(UNASSIGNED).counts.states == 197 - 6
    assert _sums(b)["states"] == 197


def test_user_grouping_reports_missing_and_unknown_codes_at_once() -> None:
    mapping = {**dict.fromkeys(GCC, "GCC"), "XKX": "GCC", "HKG": "GCC"}
    with pytest.raises(ValidationError) as info:
        breakdown(data.icrmw(), data.states(), LAUNCH, mapping)
    problems = info.value.problems
    unknown = [p.value for p in problems if p.code == "unknown-participant"]
    missing = [p.value for p in problems if p.code == "unassigned"]
    assert unknown == ["XKX", "HKG"]
    assert len(missing) == 197 - 6
    assert "ALB" in missing
    assert "QAT" not in missing
    assert all("2014-12-18" in p.location for p in problems if p.code == "unassigned")


def test_complete_user_grouping_needs_no_flag() -> None:
    members = data.states().members(LAUNCH)
    mapping = {c: ("GCC" if c in GCC else "rest") for c in data.states().codes}
    b = breakdown(data.icrmw(), data.states(), LAUNCH, mapping)
    assert b.row("rest").counts.states == len(members) - 6
    # On 1991-06-01 the mapping places the USSR too (it names every code).
    b = breakdown(data.icrmw(), data.states(), date(1991, 6, 1), mapping)
    assert b.row(UNASSIGNED).counts.states == 0


def test_unknown_grouping_name() -> None:
    with pytest.raises(UnknownGroupingError, match="continent"):
        breakdown(data.icrmw(), data.states(), LAUNCH, "continent")
    with pytest.raises(LookupError):
        grouping("continent")


def test_reserved_and_empty_group_names() -> None:
    with pytest.raises(ValidationError) as info:
        Grouping.from_mapping("mine", {"ALB": UNASSIGNED, "DZA": " "})
    assert [p.code for p in info.value.problems] == ["reserved-name", "missing-value"]


def test_non_string_mapping() -> None:
    with pytest.raises(ValidationError) as info:
        Grouping.from_mapping("mine", {"ALB": 3})  # type: ignore[dict-item]
    assert info.value.problems[0].value == 3


def test_bundled_regional_tables_equal_the_reference_data(shared_data: Path) -> None:
    for name in ("m49_regions.csv", "un_regional_groups.csv"):
        assert (DATA / name).read_bytes() == (shared_data / name).read_bytes(), name


def test_regional_groups_reader_reports_bad_group_and_missing_sources() -> None:
    from migrant_convention.places.regions import read_regional_groups

    text = ("iso3,name,group,note,sources\n"
            "TUR,Türkiye,WEOG,,s\n"
            "USA,United States of America,none,,\n")
    with pytest.raises(ValidationError) as info:
        read_regional_groups(text, "g.csv")
    assert [(p.location, p.value) for p in info.value.problems] == [
        ("g.csv, row 2, field 'group'", "WEOG"),
        ("g.csv, row 3, field 'sources'", ""),
    ]


def test_strict_refuses_an_undecidable_date() -> None:
    # Zimbabwe acceded in "2024-11" (icrmw_actions.csv): mid-month is undecidable.
    from migrant_convention.errors import UndecidableError

    with pytest.raises(UndecidableError):
        breakdown(data.icrmw(), data.states(), date(2024, 11, 15), "region")
    bound = (Status.PARTY, Status.PARTY_IN_FORCE)
    early = breakdown(data.icrmw(), data.states(), date(2024, 11, 15), "region",
                      resolve="earliest")  # deposit taken as 1 November
    late = breakdown(data.icrmw(), data.states(), date(2024, 11, 15), "region",
                     resolve="latest")  # deposit taken as 30 November
    assert "ZWE" in early.codes("Africa", *bound)
    assert "ZWE" not in late.codes("Africa", *bound)

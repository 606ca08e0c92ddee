"""Hostile input to the core model (issue 12): universes that are no universe,
dates and rule numbers past what the library can compute with.

Each test is a reproducer from the issue or a class of them; the readers'
side of the same promises is in test_csv_hostile.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from migrant_convention import Basis, Membership, Universe, ValidationError, data
from migrant_convention.core.universe import InvalidUniverseError, period_problems
from migrant_convention.formats.csvio import read_universe

HEADER = "name,iso3,iso3166_status,from_date,to_date,basis,continues,sources\n"


def period(code: str, start: str, end: str | None = None, continues: str | None = None,
           status: str = "current") -> Membership:
    return Membership(code, code, date.fromisoformat(start),
                      None if end is None else date.fromisoformat(end), Basis.UN_MEMBER,
                      continues, status)


# -- universes: one place for the checks -----------------------------------------------

SUN = period("SUN", "1945-10-24", "1991-12-25", status="historic:SUHH")


def test_a_lineage_with_two_states_at_once_is_refused() -> None:
    # Issue 12: RUS from 1990 while SUN runs to 1991 made 171 States in 1990
    # and one act two parties.
    rus = period("RUS", "1990-01-01", continues="SUN")
    with pytest.raises(InvalidUniverseError) as info:
        Universe([SUN, rus])
    [problem] = info.value.problems
    assert (problem.location, problem.value, problem.code) == (
        "periods[1].start", "1990-01-01", "lineage-overlap")
    assert "SUN is still in the universe then (periods[0]: from 1945-10-24 to 1991-12-25)" in (
        problem.message)
    # The day after the predecessor's last is fine (the bundled universe's RUS).
    Universe([SUN, period("RUS", "1991-12-26", continues="SUN")])


def test_a_lineage_is_checked_through_every_link_and_branch() -> None:
    # YUG -> SCG -> SRB: SRB overlapping YUG is found though neither names the other.
    yug = period("YUG", "1945-10-24", "2000-10-31", status="historic:YUCS")
    scg = period("SCG", "2000-11-01", "2006-06-02", "YUG", "historic:CSXX")
    srb = period("SRB", "1999-01-01", "2000-10-31", continues="SCG")
    assert [(p.location, p.code) for p in period_problems([yug, scg, srb])] == [
        ("periods[2].start", "lineage-overlap")]
    # Two States continuing one are one lineage, too.
    a = period("CZE", "1993-01-01", continues="CSK")
    b = period("SVK", "1993-01-01", continues="CSK")
    csk = period("CSK", "1945-10-24", "1992-12-31", status="historic:CSHH")
    assert [(p.location, p.code) for p in period_problems([csk, a, b])] == [
        ("periods[2].start", "lineage-overlap")]


def test_a_state_continuing_itself_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        Universe([period("SRB", "2006-06-03", continues="SRB")])
    assert [(p.location, p.value, p.code) for p in info.value.problems] == [
        ("periods[0].continues", "SRB", "continues-itself")]


def test_continues_must_name_a_state_of_the_universe() -> None:
    with pytest.raises(ValidationError) as info:
        Universe([period("RUS", "1991-12-26", continues="SUN")])
    assert [(p.location, p.value, p.code) for p in info.value.problems] == [
        ("periods[0].continues", "SUN", "unknown-participant")]


@pytest.mark.parametrize("status", ["", "Current", "historic:", "historic:suhh", "historic:SU",
                                    "historic:SUHHX", "historic:ＳＵＨＨ", "withdrawn"])
def test_an_invalid_iso3166_status_is_refused(status: str) -> None:
    with pytest.raises(ValidationError) as info:
        Universe([period("SUN", "1945-10-24", "1991-12-25", status=status)])
    assert [(p.location, p.value, p.code) for p in info.value.problems] == [
        ("periods[0].iso3166_status", status, "bad-value")]


def test_every_overlapping_period_of_a_state_is_reported_not_only_neighbours() -> None:
    # The second and third both start inside the first; the third does not
    # overlap the second, its neighbour in order.
    ps = [period("SYR", "1950-01-01", "2000-01-01"), period("SYR", "1960-01-01", "1970-01-01"),
          period("SYR", "1980-01-01", "1990-01-01"), period("EGY", "1945-10-24")]
    got = period_problems(ps)
    assert [(p.location, p.code) for p in got] == [
        ("periods[1].start", "overlap"), ("periods[2].start", "overlap")]
    assert all("(periods[0]: from 1950-01-01 to 2000-01-01)" in p.message for p in got)


def test_every_problem_at_once_each_naming_both_periods() -> None:
    ps = [SUN, period("RUS", "1990-01-01", continues="SUN"),
          period("FRA", "1945-10-24", continues="FRA", status="historic:x"),
          period("FRA", "1950-01-01", "1960-01-01", continues="XYZ")]
    with pytest.raises(ValueError, match="invalid universe") as info:  # still a ValueError
        Universe(ps)
    assert isinstance(info.value, ValidationError)
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("periods[2].continues", "continues-itself"),
        ("periods[2].iso3166_status", "bad-value"),
        ("periods[3].continues", "unknown-participant"),
        ("periods[1].start", "lineage-overlap"),
        ("periods[3].start", "overlap"),
    ]


def test_readers_give_their_own_locations() -> None:
    # What the JSON reader does: JSON paths (the default field is ".<name>").
    ps = [SUN, period("RUS", "1990-01-01", continues="SUN")]
    got = period_problems(ps, ["$.periods[0]", "$.periods[1]"])
    assert [p.location for p in got] == ["$.periods[1].start"]
    assert "($.periods[0]: from 1945-10-24" in got[0].message
    # Any other layout names its fields itself.
    got = period_problems(ps, ["A", "B"], field=lambda at, name: f"{at}/{name.upper()}")
    assert [p.location for p in got] == ["B/START"]
    with pytest.raises(ValueError, match="one entry per period"):
        period_problems(ps, ["only one"])


def test_the_bundled_universe_has_no_problem() -> None:
    assert period_problems(data.states().periods) == []


def test_csv_universe_reports_lineage_overlaps_and_self_continuation_with_rows() -> None:
    text = (HEADER
            + "USSR,SUN,historic:SUHH,1945-10-24,1991-12-25,un_member,,s\n"
            + "Russia,RUS,current,1990-01-01,,un_member,SUN,s\n"
            + "Serbia,SRB,current,2006-06-03,,un_member,SRB,s\n"
            + "Oops,FRA,historic:fr,1945-10-24,,un_member,,s\n")
    with pytest.raises(ValidationError) as info:
        read_universe(text, "u.csv")
    assert [(p.location, p.value, p.code) for p in info.value.problems] == [
        ("u.csv, row 5, field 'iso3166_status'", "historic:fr", "bad-value"),
        ("u.csv, row 4, field 'continues'", "SRB", "continues-itself"),
        ("u.csv, row 3, field 'from_date'", "1990-01-01", "lineage-overlap"),
    ]
    assert "(row 2: from 1945-10-24 to 1991-12-25)" in info.value.problems[2].message

"""Hostile input to the core model (issue 12): universes that are no universe,
dates and rule numbers past what the library can compute with.

Each test is a reproducer from the issue or a class of them; the readers'
side of the same promises is in test_csv_hostile.py.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date

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
    InvalidDateError,
    Membership,
    PartialDate,
    Rules,
    Treaty,
    TreatyRecord,
    Universe,
    ValidationError,
    data,
)
from migrant_convention.core import validate
from migrant_convention.core.dates import FIRST_DAY, LAST_DAY, add_days, add_months, parse_date
from migrant_convention.core.rules import MAX_DELAY_DAYS, MAX_DELAY_MONTHS, MAX_INSTRUMENTS
from migrant_convention.core.universe import InvalidUniverseError, period_problems
from migrant_convention.errors import MigrantConventionError
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


# -- dates and rule numbers where every computation stays defined ---------------------

@pytest.mark.parametrize("text", ["9999", "9999-10-01", "[..9999-12-31]", "9001", "9000-12-31?",
                                  "0999-12-31", "1000", "0001"])
def test_dates_outside_years_1000_to_9000_are_refused_when_built(text: str) -> None:
    # Issue 12: a consent dated in late 9999 passed validation, then counts
    # raised "year 10000 is out of range".
    year = int(text.strip("[.?]")[:4])
    if 1000 <= year <= 9000:
        PartialDate.parse(text)
        return
    with pytest.raises(InvalidDateError, match="outside the supported range") as info:
        PartialDate.parse(text)
    assert info.value.text == text


def test_every_constructor_keeps_to_the_range() -> None:
    builds: list[Callable[[], object]] = [
        lambda: PartialDate.day(date(9999, 12, 31)),
        lambda: PartialDate.on_or_before(date(9001, 1, 1)),
        lambda: PartialDate.month(9999, 10), lambda: PartialDate.year(999),
        lambda: PartialDate.year(10**5000), lambda: PartialDate.month(2000, 10**5000),
        lambda: PartialDate("day", date(1, 1, 1), date(1, 1, 1))]
    for build in builds:
        with pytest.raises(InvalidDateError):
            build()
    assert date(1000, 1, 1) == FIRST_DAY
    assert date(9000, 12, 31) == LAST_DAY
    assert str(PartialDate.day(LAST_DAY)) == "9000-12-31"
    assert str(PartialDate.on_or_before(FIRST_DAY)) == "[..1000-01-01]"


@pytest.mark.parametrize("text", ["２０１４", "２０１４-１２-１８", "٢٠١٤", "٢٠١٤-١٢", "۲۰۱۴",
                                  "[..２０１３-07-09]", "2014-1２-18", "𝟚𝟘𝟙𝟜"])
def test_dates_are_read_in_ascii_digits_only(text: str) -> None:
    with pytest.raises(InvalidDateError, match="expected"):
        PartialDate.parse(text)
    with pytest.raises(InvalidDateError):
        parse_date(text)


@pytest.mark.parametrize(("build", "message"), [
    (lambda: Delay(months=100_000_000), "Delay.months must be <= 1,200, got 100000000"),
    (lambda: Delay(days=10**4000), "Delay.days must be <= 36,525, got an integer of 4001 digits"),
    (lambda: Delay(months=-10**5000), "Delay.months must be >= 0, got an integer of 5001 digits"),
    (lambda: EntryIntoForceRule(10**4000, Delay(), Delay()),
     "EntryIntoForceRule.instruments must be <= 1,000,000, got an integer of 4001 digits"),
    (lambda: EntryIntoForceRule(MAX_INSTRUMENTS + 1, Delay(), Delay()),
     "instruments must be <= 1,000,000, got 1000001"),
])
def test_rule_numbers_past_their_bounds_are_refused_naming_the_field(
    build: Callable[[], object], message: str
) -> None:
    # Issue 12: {"months": 100000000} or a 4,000-digit integer gave
    # ValueError/OverflowError tracebacks from numbers and status.
    with pytest.raises(ValueError, match=re.escape(message)):
        build()


def test_the_longest_delays_stay_dates_from_the_last_day() -> None:
    longest = Delay(months=MAX_DELAY_MONTHS, days=MAX_DELAY_DAYS,
                    alignment=Alignment.FIRST_OF_NEXT_MONTH)
    # Two delays in a row (entry into force, then the first denunciation).
    assert longest.apply(longest.apply(LAST_DAY)) < date(9500, 1, 1)


@pytest.mark.parametrize(("compute", "shown"), [
    (lambda: add_months(date(9999, 10, 1), 3), "9999-10-01 + 3 months"),
    (lambda: add_months(date(2000, 1, 1), 10**4000), "2000-01-01 + an integer of 4001 digits"),
    (lambda: add_months(date(1, 1, 1), -1), "0001-01-01 + -1 month"),
    (lambda: add_days(date(9999, 12, 31), 1), "9999-12-31 + 1 day"),
    (lambda: Delay(days=3).apply(date(9999, 12, 30)), "9999-12-30 + 3 days"),
    (lambda: Delay(alignment="first_of_next_month").apply(date(9999, 12, 3)), "9999-12-01"),
    (lambda: Delay(months=1200).apply(date(9000, 1, 1)) and
     Delay(months=1200).apply(date(9900, 1, 1)), "9900-01-01 + 1200 months"),
])
def test_arithmetic_past_9999_is_the_librarys_error(compute: Callable[[], object],
                                                   shown: str) -> None:
    with pytest.raises(InvalidDateError, match="past the days a date can have") as info:
        compute()
    assert shown in info.value.text


EDGE = (FIRST_DAY, LAST_DAY)


@st.composite
def edge_delays(draw: st.DrawFn) -> Delay:
    return Delay(months=draw(st.sampled_from([0, 1, MAX_DELAY_MONTHS])),
                 days=draw(st.sampled_from([0, 1, MAX_DELAY_DAYS])),
                 alignment=draw(st.sampled_from(list(Alignment))))


@st.composite
def edge_records(draw: st.DrawFn) -> TreatyRecord:
    """Records with acts near both ends of the range and the longest delays."""
    rules = Rules(EntryIntoForceRule(draw(st.integers(1, 2)), draw(edge_delays()),
                                     draw(edge_delays())),
                  denunciation=DenunciationRule(draw(edge_delays()),
                                                draw(st.none() | edge_delays())))
    treaty = Treaty("X-1", "A treaty", "T", FIRST_DAY, FIRST_DAY, "Nobody", rules)
    days = st.one_of(st.dates(date(8990, 1, 1), LAST_DAY), st.dates(FIRST_DAY, date(1010, 1, 1)))
    dates = st.one_of(
        days.map(PartialDate.day), days.map(PartialDate.on_or_before),
        days.map(lambda d: PartialDate.month(d.year, d.month)),
        days.map(lambda d: PartialDate.year(d.year)))
    acts = draw(st.lists(st.builds(
        Act, st.sampled_from(["ALB", "DZA"]),
        st.sampled_from([ActKind.SIGNATURE, ActKind.RATIFICATION, ActKind.ACCESSION,
                         ActKind.DENUNCIATION]), dates), max_size=6))
    return TreatyRecord(treaty, acts)


UNIVERSE = Universe([Membership("ALB", "Albania", date(1, 1, 1), None, Basis.UN_MEMBER),
                     Membership("DZA", "Algeria", FIRST_DAY, date(9999, 12, 31),
                                Basis.UN_MEMBER)])


@given(edge_records(), st.sampled_from([date(1, 1, 1), *EDGE, date(9401, 1, 1), date.max]))
def test_every_computation_on_dates_in_the_range_stays_defined(
    record: TreatyRecord, on: date
) -> None:
    for how in ("earliest", "latest"):
        mc.counts(record, UNIVERSE, on, resolve=how)
        mc.statuses(record, UNIVERSE, on, resolve=how)
        mc.count_series(record, UNIVERSE, [FIRST_DAY, on, date.max], resolve=how)
        with contextlib.suppress(MigrantConventionError):  # not in force: it says so
            mc.entry_into_force(record, resolve=how)
    for code in ("ALB", "DZA"):
        mc.timeline(record, UNIVERSE, code)
    validate.problems(record, UNIVERSE)

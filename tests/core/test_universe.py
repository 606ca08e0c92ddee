"""The dated universe: periods per State, overlaps, lineages (bundled data and small cases)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from migrant_convention import (
    Basis,
    Membership,
    Universe,
    UnknownParticipantError,
    ValidationError,
    data,
)


def period(code: str, start: str, end: str | None = None,
           continues: str | None = None) -> Membership:
    return Membership(code, code, date.fromisoformat(start),
                      None if end is None else date.fromisoformat(end), Basis.UN_MEMBER,
                      continues=continues)


def test_periods_of_a_state_with_several_come_in_order_whatever_the_input_order() -> None:
    # Syria left the UN for the United Arab Republic (1958-02-21) and came back
    # on 1961-10-13: two periods, given here latest first.
    later = period("SYR", "1961-10-13")
    earlier = period("SYR", "1945-10-24", "1958-02-21")
    universe = Universe([later, period("EGY", "1945-10-24"), earlier])
    assert universe.periods_of("SYR") == (earlier, later)
    assert universe.periods_of("EGY") == (period("EGY", "1945-10-24"),)
    assert universe.contains("SYR", date(1950, 1, 1))
    assert not universe.contains("SYR", date(1960, 1, 1))
    assert universe.contains("SYR", date(1961, 10, 13))
    assert universe.name("SYR", date(1960, 1, 1)) == "SYR"
    assert universe.codes == frozenset({"SYR", "EGY"})
    assert list(universe.lineage_periods("SYR")) == [earlier, later]


def test_periods_of_an_unknown_code_is_an_error_naming_it() -> None:
    universe = Universe([period("EGY", "1945-10-24")])
    with pytest.raises(UnknownParticipantError, match="XYZ"):
        universe.periods_of("XYZ")
    assert not universe.contains("XYZ", date(2000, 1, 1))
    assert "XYZ" not in universe


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("1945-10-24", None), ("1961-10-13", None)),  # an open period and a later one
        (("1945-10-24", "1961-10-13"), ("1961-10-13", None)),  # sharing a day
        (("1961-10-13", None), ("1961-10-13", "1970-01-01")),  # the same first day
    ],
)
def test_overlapping_periods_of_one_state_are_refused(
    first: tuple[str, str | None], second: tuple[str, str | None]
) -> None:
    with pytest.raises(ValueError, match="SYR is already in the universe then") as info:
        Universe([period("SYR", *second), period("EGY", "1945-10-24"), period("SYR", *first)])
    # Every problem is listed, located at the period and naming the other one.
    assert isinstance(info.value, ValidationError)
    # It is located at the period that starts later (the later given, on the
    # same day) and names the other.
    later, other = (2, 0) if first[0] == second[0] else (0, 2)
    [problem] = info.value.problems
    assert (problem.location, problem.code) == (f"periods[{later}].start", "overlap")
    assert f"(periods[{other}]: from " in problem.message


def test_adjacent_periods_of_one_state_and_equal_periods_of_two_are_accepted() -> None:
    universe = Universe([period("SYR", "1945-10-24", "1961-10-12"), period("SYR", "1961-10-13"),
                         period("EGY", "1945-10-24")])
    assert universe.size(date(1961, 10, 12)) == universe.size(date(1961, 10, 13)) == 2


def test_lineage_is_ordered_by_each_members_first_day() -> None:
    universe = Universe([
        period("SRB", "2006-06-03", continues="SCG"),
        period("YUG", "2000-11-01", "2003-02-03"),
        period("SCG", "2003-02-04", "2006-06-02", continues="YUG"),
    ])
    assert universe.lineage("SCG") == ("YUG", "SCG", "SRB")
    assert universe.holder("SRB", date(2004, 1, 1)) == "SCG"


def test_bundled_universe_lineages_and_periods() -> None:
    universe = data.states()
    assert universe.lineage("SRB") == ("YUG", "SCG", "SRB")
    assert universe.lineage("RUS") == ("SUN", "RUS")
    # Every code's periods are in order and never overlap.
    for code in universe.codes:
        ps = universe.periods_of(code)
        assert all(a.end is not None and a.end < b.start for a, b in itertools.pairwise(ps))


def test_every_overlap_is_named_in_the_order_given() -> None:
    # 0.1 named only the first State that overlapped; issue 12: every one.
    with pytest.raises(ValidationError) as info:
        Universe([period("SYR", "1945-10-24"), period("EGY", "1945-10-24"),
                  period("EGY", "1950-01-01"), period("SYR", "1950-01-01"),
                  period("SYR", "1960-01-01")])
    assert [(p.location, p.value) for p in info.value.problems] == [
        ("periods[2].start", "1950-01-01"), ("periods[3].start", "1950-01-01"),
        ("periods[4].start", "1960-01-01")]

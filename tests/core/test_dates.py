"""PartialDate: parsing, bounds, comparisons and round trips."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migrant_convention import InvalidDateError, PartialDate, Precision, Resolve
from migrant_convention.core.dates import add_months, as_resolve, parse_date


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest", "uncertain"),
    [
        ("2007-06-05", Precision.DAY, date(2007, 6, 5), date(2007, 6, 5), False),
        ("2024-11", Precision.MONTH, date(2024, 11, 1), date(2024, 11, 30), False),
        ("2024-02", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29), False),
        ("2023-02", Precision.MONTH, date(2023, 2, 1), date(2023, 2, 28), False),
        ("1948", Precision.YEAR, date(1948, 1, 1), date(1948, 12, 31), False),
        ("2016-10-25?", Precision.DAY, date(2016, 10, 25), date(2016, 10, 25), True),
        ("2024-11?", Precision.MONTH, date(2024, 11, 1), date(2024, 11, 30), True),
    ],
)
def test_parse_bounds(
    text: str, precision: Precision, earliest: date, latest: date, uncertain: bool
) -> None:
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert (d.earliest, d.latest) == (earliest, latest)
    assert d.uncertain is uncertain
    assert str(d) == text


def test_on_or_before_has_open_lower_bound() -> None:
    d = PartialDate.parse("[..2013-07-09]")
    assert d.precision is Precision.ON_OR_BEFORE
    assert d.earliest_known is None
    assert d.latest == date(2013, 7, 9)
    assert d.bounded(date(1990, 12, 18)) == (date(1990, 12, 18), date(2013, 7, 9))
    assert str(d) == "[..2013-07-09]"


@pytest.mark.parametrize(
    "text",
    ["", "2014-02-30", "2014-13", "2014-13-01", "14-02-01", "2014/02/01", "[..2013-07]",
     "0000", "2013-07-09??", "[2013-07-09..]", "abc", " 2014-1-1"],
)
def test_malformed_dates_name_the_text(text: str) -> None:
    with pytest.raises(InvalidDateError) as info:
        PartialDate.parse(text)
    assert repr(text) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_three_valued_comparison() -> None:
    nov = PartialDate.parse("2024-11")
    assert nov.is_on_or_before(date(2024, 11, 30)) is True
    assert nov.is_on_or_before(date(2024, 10, 31)) is False
    assert nov.is_on_or_before(date(2024, 11, 15)) is None


def test_resolution() -> None:
    nov = PartialDate.parse("2024-11")
    assert nov.resolved(Resolve.EARLIEST) == date(2024, 11, 1)
    assert nov.resolved(Resolve.LATEST) == date(2024, 11, 30)
    with pytest.raises(ValueError, match="not known to the day"):
        nov.resolved(Resolve.STRICT)
    assert PartialDate.parse("2003-03-14").resolved(Resolve.STRICT) == date(2003, 3, 14)


def test_as_resolve_rejects_unknown_names() -> None:
    assert as_resolve("latest") is Resolve.LATEST
    with pytest.raises(ValueError, match="'middle'"):
        as_resolve("middle")  # type: ignore[arg-type]


def test_inconsistent_bounds_are_rejected() -> None:
    with pytest.raises(InvalidDateError):
        PartialDate(Precision.MONTH, date(2024, 11, 29), date(2024, 11, 1))
    with pytest.raises(InvalidDateError):
        PartialDate(Precision.ON_OR_BEFORE, date(2024, 11, 29), None, uncertain=True)


def test_parse_date_is_strict() -> None:
    assert parse_date("2014-12-18") == date(2014, 12, 18)
    with pytest.raises(InvalidDateError, match="'2014-12'"):
        parse_date("2014-12")


@st.composite
def edtf_texts(draw: st.DrawFn) -> str:
    # The supported range (issue 12: a date past it broke the counts).
    day = draw(st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31)))
    form = draw(st.sampled_from(["day", "month", "year", "before"]))
    q = draw(st.sampled_from(["", "?"]))
    if form == "day":
        return day.isoformat() + q
    if form == "month":
        return f"{day.year:04d}-{day.month:02d}{q}"
    if form == "year":
        return f"{day.year:04d}{q}"
    return f"[..{day.isoformat()}]"


@given(edtf_texts())
def test_text_round_trip(text: str) -> None:
    d = PartialDate.parse(text)
    assert str(d) == text
    assert PartialDate.parse(str(d)) == d
    assert eval(repr(d), {"PartialDate": PartialDate}) == d


@given(edtf_texts(), st.dates())
def test_comparison_agrees_with_bounds(text: str, day: date) -> None:
    d = PartialDate.parse(text)
    answer = d.is_on_or_before(day)
    if answer is True:
        assert d.latest <= day
    elif answer is False:
        assert d.earliest > day
    else:
        assert d.earliest <= day < d.latest


@given(st.dates(max_value=date(9000, 1, 1)), st.integers(0, 1200))
def test_add_months(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and add_months(later, 0) == later)
    # Clamped only when the month is too short.
    if later.day < day.day:
        assert add_months(later.replace(day=1), 1).toordinal() - later.toordinal() == 1

"""The iCalendar export, parsed back with the real ``icalendar`` package."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import pytest
from dateutil.rrule import rrulestr  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from migrant_convention import event_data
from migrant_convention.campaigns.events import Event, EventKind, LeapDay, Recurrence, occurrences
from migrant_convention.core.dates import PartialDate
from migrant_convention.formats.ical import escape_text, fold_line, to_ical

STAMP = date(2025, 12, 31)


def _parse(text: str) -> list[Any]:
    # Components typed as Any: their values' types depend on the property.
    cal = icalendar.Calendar.from_ical(text)
    return list(cal.walk("VEVENT"))


def _by_summary(text: str) -> dict[str, Any]:
    return {str(v["SUMMARY"]): v for v in _parse(text)}


def test_bundled_events_round_trip() -> None:
    events = event_data.events()
    text = to_ical(events, stamp=STAMP)
    parsed = _parse(text)
    assert len(parsed) == len(events) == 56
    assert [str(v["SUMMARY"]) for v in parsed] == [e.title for e in events]
    assert [str(v["UID"]) for v in parsed] == [e.uid for e in events]
    assert all(v["DTSTAMP"].dt == datetime(2025, 12, 31, tzinfo=UTC) for v in parsed)
    # Written as written: the date text survives in our own property.
    assert [str(v["X-MIGRANT-CONVENTION-DATE"]) for v in parsed] == [e.when for e in events]


def test_crlf_and_folding() -> None:
    text = to_ical(event_data.events(), stamp=STAMP)
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert "\n" not in text.replace("\r\n", "")
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # long descriptions were folded


def test_same_data_same_file() -> None:
    assert to_ical(event_data.events(), stamp=STAMP) == to_ical(event_data.events(),
                                                                  stamp=STAMP)


def test_recurring_observances_are_rrules() -> None:
    text = to_ical(event_data.events(), stamp=STAMP)
    assert "\r\nRRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=18\r\n" in text
    got = _by_summary(text)
    imd = got["International Migrants Day"]
    assert imd["DTSTART"].dt == date(2000, 12, 18)
    rule = imd["RRULE"]
    assert (rule["FREQ"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["YEARLY"], [12], [18])
    assert got["International Domestic Workers Day"]["RRULE"]["BYMONTH"] == [6]
    one_off = got["First global #IamaMigrant candlelight vigil"]
    assert "RRULE" not in one_off


def test_all_day_and_partial_dates() -> None:
    got = _by_summary(to_ical(event_data.events(), stamp=STAMP))
    # One day: DTEND is the next day (exclusive), both DATE values.
    adopt = got["C143 enters into force"]
    assert (adopt["DTSTART"].dt, adopt["DTEND"].dt) == (date(1978, 12, 9), date(1978, 12, 10))
    assert adopt["DTSTART"].params["VALUE"] == "DATE"
    # Multi-day: through the last day.
    gcm = got["Intergovernmental Conference adopts the Global Compact for Safe, Orderly and "
              "Regular Migration"]
    assert (gcm["DTSTART"].dt, gcm["DTEND"].dt) == (date(2018, 12, 10), date(2018, 12, 12))
    # Month only: the whole month, said in the description.
    month = got["ICRMW reaches the 20 ratifications needed for entry into force"]
    assert (month["DTSTART"].dt, month["DTEND"].dt) == (date(2003, 3, 1), date(2003, 4, 1))
    assert str(month["DESCRIPTION"]).startswith("Date known only to the month: 2003-03.")
    year = got["Universal Declaration of Human Rights adopted"]
    assert (year["DTSTART"].dt, year["DTEND"].dt) == (date(1948, 1, 1), date(1949, 1, 1))


def test_escaping_round_trips() -> None:
    title = "Panel; rights, \\ workers\nsecond line — ünïcödé " + "é" * 60
    ev = Event(title, EventKind.MEETING, PartialDate.parse("2016-10-25?"),
               location="Geneva, Switzerland; Room XI", description="a" * 200,
               sources=("https://example.org/x?a=1,2",))
    (parsed,) = _parse(to_ical([ev], stamp=STAMP))
    assert str(parsed["SUMMARY"]) == title
    assert str(parsed["LOCATION"]) == "Geneva, Switzerland; Room XI"
    assert str(parsed["STATUS"]) == "TENTATIVE"
    assert "a" * 200 in str(parsed["DESCRIPTION"])
    assert "2016-10-25? is uncertain" in str(parsed["DESCRIPTION"])


def test_on_or_before_date() -> None:
    ev = Event("Declaration", EventKind.OTHER, PartialDate.parse("[..2013-07-09]"))
    (parsed,) = _parse(to_ical([ev], stamp=STAMP))
    assert parsed["DTSTART"].dt == date(2013, 7, 9)
    assert "on or before" in str(parsed["DESCRIPTION"])


def test_escape_and_fold_helpers() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold_line("X:" + "é" * 50)  # 102 octets
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == "X:" + "é" * 50


def _rrule_days(text: str, start: date, end: date) -> list[date]:
    (v,) = _parse(text)
    first = v["DTSTART"].dt
    rule = rrulestr(v["RRULE"].to_ical().decode(), dtstart=datetime(first.year, first.month,
                                                                      first.day))
    return [d.date() for d in rule.between(datetime(start.year, start.month, start.day),
                                           datetime(end.year, end.month, end.day), inc=True)]


def test_leap_day_rrule_matches_our_expansion() -> None:
    for leap in LeapDay:
        ev = Event("Leap", EventKind.OBSERVANCE, PartialDate.parse("1996-02-29"),
                   recurrence=Recurrence(2, 29, leap_day=leap))
        window = (date(1990, 1, 1), date(2110, 12, 31))
        ours = [o.start.latest for o in occurrences(ev, *window)]
        assert _rrule_days(to_ical([ev], stamp=STAMP), *window) == ours
    assert date(2100, 2, 28) in ours  # LAST_OF_FEBRUARY, a common year


@given(st.dates(date(1950, 1, 1), date(2100, 12, 31)))
def test_rrule_matches_expansion_property(first: date) -> None:
    ev = Event("Day", EventKind.OBSERVANCE, PartialDate.day(first),
               recurrence=Recurrence(first.month, first.day, until=first.year + 30))
    window = (first - timedelta(days=400), first + timedelta(days=366 * 40))
    ours = [o.start.latest for o in occurrences(ev, *window)]
    assert _rrule_days(to_ical([ev], stamp=STAMP), *window) == ours


def test_an_event_ending_on_the_last_representable_day_is_a_clear_error() -> None:
    from datetime import date as _date

    from migrant_convention import Event, EventKind, InvalidDateError, PartialDate, to_ical

    # Issue 12: dates stop at 9000-12-31, so such an event cannot even be
    # built; the last day that can be is written (its DTEND is the day after).
    with pytest.raises(InvalidDateError, match="9999-12-31"):
        PartialDate.day(_date(9999, 12, 31))
    event = Event("End of days", EventKind.OTHER, PartialDate.day(_date(9000, 12, 31)),
                  sources=("test",))
    assert "DTEND;VALUE=DATE:90010101" in to_ical([event], stamp=_date(2026, 1, 1))

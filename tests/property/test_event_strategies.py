"""The event and campaign strategies: what they generate is valid everywhere
the library takes events and campaigns (CSV, iCalendar, calendars, progress)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from migrant_convention import data
from migrant_convention.campaigns import Campaign, campaign_progress
from migrant_convention.campaigns.events import Event, EventKind, LeapDay, occurrences
from migrant_convention.campaigns.upcoming import upcoming
from migrant_convention.core.dates import PartialDate, Precision
from migrant_convention.core.status import counts
from migrant_convention.formats.event_csv import read_events, write_events
from migrant_convention.formats.ical import to_ical
from migrant_convention.testing import strategies as mst

LO, HI = date(1985, 1, 1), date(2035, 12, 31)


def _inside(when: PartialDate, lo: date, hi: date) -> bool:
    return lo <= when.latest <= hi and (when.earliest_known is None or when.earliest_known >= lo)


def _fits_csv(event: Event) -> bool:
    """The CSV layout writes no last year or leap-day rule of a recurrence."""
    r = event.recurrence
    return r is None or (r.until is None and r.leap_day is LeapDay.SKIP)


@given(mst.events(LO, HI))
def test_events_are_valid_and_in_bounds(event: Event) -> None:
    # Constructing it again (all checks run) gives the same event.
    assert Event(**attrs.asdict(event, recurse=False)) == event
    assert _inside(event.start, LO, HI)
    assert event.title
    assert event.title == event.title.strip()
    assert event.sources
    assert all(s.strip() for s in event.sources)
    assert not event.derived
    if event.end is not None:
        assert _inside(event.end, LO, HI)
        assert event.end.latest >= event.start.earliest  # never ends before it starts
        assert event.recurrence is None
    r = event.recurrence
    if r is not None:
        assert event.kind is EventKind.OBSERVANCE
        assert event.start.precision is Precision.DAY
        assert (r.month, r.day) == (event.start.latest.month, event.start.latest.day)
        assert r.until is None or event.start.latest.year <= r.until <= HI.year
        assert r.leap_day is LeapDay.SKIP or (r.month, r.day) == (2, 29)


@given(st.lists(mst.events(LO, HI), max_size=4))
def test_events_csv_round_trips(events: list[Event]) -> None:
    fitting = [e for e in events if _fits_csv(e)]
    assert read_events(write_events(fitting)) == tuple(fitting)


def _ical_events(text: str) -> list[Any]:
    # Components typed as Any: their values' types depend on the property.
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


@given(st.lists(mst.events(LO, HI), max_size=3))
def test_to_ical_parses(events: list[Event]) -> None:
    text = to_ical(events, stamp=date(2025, 12, 31))
    parsed = _ical_events(text)
    first_of_uid: dict[str, Event] = {}
    for e in events:
        first_of_uid.setdefault(e.uid, e)  # one VEVENT per UID, the first
    unique = list(first_of_uid.values())
    assert [str(v["UID"]) for v in parsed] == [e.uid for e in unique]
    for vevent, event in zip(parsed, unique, strict=True):
        assert str(vevent["SUMMARY"]) == event.title
        assert str(vevent["X-MIGRANT-CONVENTION-DATE"]) == event.when
        first, after = vevent["DTSTART"].dt, vevent["DTEND"].dt
        # As documented: a month or year spans all its days; "on or before"
        # is placed on its day; the end is exclusive (RFC 5545).
        assert first == (event.start.earliest_known or event.start.latest)
        assert first < after
        assert after == (event.end or event.start).latest + timedelta(days=1)
        assert ("RRULE" in vevent) == (event.recurrence is not None)
        if event.location:
            assert str(vevent["LOCATION"]) == event.location


@given(mst.events(LO, HI), st.dates(LO, HI), st.integers(0, 3 * 366))
def test_occurrences_stay_in_the_window(event: Event, start: date, days: int) -> None:
    end = start + timedelta(days=days)
    found = list(occurrences(event, start, end))
    for o in found:
        assert o.overlaps(start, end)
        assert o.recurrence is None
    r = event.recurrence
    if r is None:
        assert found == ([event] if event.overlaps(start, end) else [])
    else:
        # Each listed day is a yearly occurrence on or after the first.
        first = event.start.latest
        assert all(start <= o.start.latest <= end and o.start.latest >= first for o in found)
        if (r.month, r.day) != (2, 29):
            expected = [date(y, r.month, r.day) for y in range(start.year, end.year + 1)
                        if r.until is None or y <= r.until]
            expected = [d for d in expected if start <= d <= end and d >= first]
            assert [o.start.latest for o in found] == expected


@given(st.lists(mst.events(LO, HI), max_size=4), st.dates(LO, HI), st.integers(0, 800))
def test_upcoming_stays_in_the_horizon(events: list[Event], on: date, days: int) -> None:
    end = on + timedelta(days=days)
    for e in upcoming(events, on, days=days, records=[data.icrmw()]):
        assert e.overlaps(on, end), e


@given(mst.campaigns(LO, HI))
def test_campaigns_are_valid_and_in_bounds(campaign: Campaign) -> None:
    assert attrs.evolve(campaign) == campaign  # constructing it again never raises
    assert LO <= campaign.start <= campaign.end <= HI
    assert campaign.name.strip()
    assert campaign.treaties
    assert campaign.sources
    assert all(t.treaty in campaign.treaties and t.value >= 0 for t in campaign.targets)
    assert list(campaign.events) == sorted(campaign.events, key=Event.sort_key)
    year = timedelta(days=366)
    for e in campaign.events:
        assert _inside(e.start, max(LO, campaign.start - year), min(HI, campaign.end + year))


@given(mst.campaigns(date(1988, 1, 1), date(2026, 12, 31), max_events=1))
def test_campaign_progress_counts_at_the_ends(campaign: Campaign) -> None:
    record, universe = data.icrmw(), data.states()
    p = campaign_progress(campaign, record, universe, resolve="latest")
    eve = campaign.start - timedelta(days=1)
    assert p.before == counts(record, universe, eve, resolve="latest")
    assert p.after == counts(record, universe, campaign.end, resolve="latest")
    assert len(p.targets) == sum(t.treaty == record.treaty.id for t in campaign.targets)
    # The ICRMW has no denunciations: each new party adds one to the count.
    assert p.after.parties - p.before.parties == len(p.new_parties)


_ONE_KIND = {k: mst.events(kinds=[k], recurring=False, imprecise=False) for k in EventKind}


@given(st.sampled_from(EventKind).flatmap(lambda k: st.tuples(st.just(k), _ONE_KIND[k])),
       mst.events(recurring=True))
def test_every_kind_and_recurrence_option(
    kind_and_event: tuple[EventKind, Event], recurring: Event
) -> None:
    kind, e = kind_and_event
    assert e.kind is kind
    assert e.recurrence is None
    assert e.start.precision is Precision.DAY
    assert not e.start.uncertain
    assert e.end is None or not e.end.uncertain
    assert recurring.recurrence is not None
    assert recurring.kind is EventKind.OBSERVANCE


@given(mst.events(date(2024, 2, 29), date(2024, 2, 29), recurring=True))
def test_leap_day_observances(e: Event) -> None:
    # Bounds of one day, 29 February 2024, force a leap-day observance.
    assert e.recurrence is not None
    assert (e.recurrence.month, e.recurrence.day) == (2, 29)
    assert e.recurrence.until in (None, 2024)


def _any(value: object) -> Any:
    return value  # a wrongly typed argument, as an untyped caller may pass


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: mst.events(date(2001, 1, 1), date(2000, 1, 1)), "after"),
        (lambda: mst.events(kinds=[]), "non-empty"),
        (lambda: mst.events(kinds=_any(EventKind.OBSERVANCE)), "sequence"),
        (lambda: mst.events(kinds=_any(["observance"])), "EventKind"),
        (lambda: mst.events(kinds=[EventKind.MEETING], recurring=True), "observance"),
        (lambda: mst.events(recurring=_any("yes")), "bool"),
        (lambda: mst.events(imprecise=_any(None)), "bool"),
        (lambda: mst.campaigns(date(2001, 1, 1), date(2000, 1, 1)), "after"),
        (lambda: mst.campaigns(treaties=()), "non-empty"),
        (lambda: mst.campaigns(treaties="IV-13"), "sequence"),
        (lambda: mst.campaigns(treaties=[" IV-13"]), "spaces"),
        (lambda: mst.campaigns(max_events=-1), ">= 0"),
        (lambda: mst.campaigns(targets=_any(1)), "bool"),
    ],
)
def test_bad_arguments_are_refused_at_once(make: Any, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        make()  # no draw: the check is eager

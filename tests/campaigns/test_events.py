"""Events, recurrences and the merged timeline.

Expected values are read by hand from shared/data/campaign_events.csv,
icrmw_actions.csv and the Convention's articles 86-87.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migrant_convention import ActKind, data, event_data, untc
from migrant_convention.campaigns.events import (
    Event,
    EventKind,
    LeapDay,
    Recurrence,
    event_timeline,
    occurrences,
    ordinal,
    treaty_events,
)
from migrant_convention.core.dates import PartialDate
from migrant_convention.errors import UndecidableError, ValidationError


def _obs(first: str, month: int, day: int, leap: LeapDay = LeapDay.SKIP) -> Event:
    return Event("Synthetic day", EventKind.OBSERVANCE, PartialDate.parse(first),
                 recurrence=Recurrence(month, day, leap_day=leap), sources=("test",))


def test_bundled_observances_recur_and_one_offs_stay_one_off() -> None:
    recurring = {e.title: e for e in event_data.events() if e.recurrence is not None}
    assert set(recurring) == {"International Migrants Day", "International Domestic Workers Day"}
    imd = recurring["International Migrants Day"]
    assert (str(imd.start), imd.recurrence) == ("2000-12-18", Recurrence(12, 18))
    idwd = recurring["International Domestic Workers Day"]
    assert (str(idwd.start), idwd.recurrence) == ("2012-06-16", Recurrence(6, 16))
    # Observance rows without the "(recurs every ...)" marker are single events.
    one_off = [e.title for e in event_data.events()
               if e.kind is EventKind.OBSERVANCE and e.recurrence is None]
    assert sorted(one_off) == [
        "First Global Day of Action for the Rights of Migrants, Refugees and Displaced People",
        "First global #IamaMigrant candlelight vigil",
    ]


def test_international_migrants_day_occurrences() -> None:
    imd = next(e for e in event_data.events() if e.title == "International Migrants Day")
    days = [o.start.latest for o in occurrences(imd, date(1990, 1, 1), date(2003, 12, 31))]
    assert days == [date(y, 12, 18) for y in (2000, 2001, 2002, 2003)]
    assert all(o.recurrence is None for o in occurrences(imd, date(2015, 1, 1), date(2015, 12, 31)))


def test_leap_day_observance_skips_common_years() -> None:
    ev = _obs("1996-02-29", 2, 29)
    got = [str(o.start) for o in occurrences(ev, date(1995, 1, 1), date(2010, 12, 31))]
    assert got == ["1996-02-29", "2000-02-29", "2004-02-29", "2008-02-29"]
    # 2100 is not a leap year (divisible by 100, not by 400).
    got = [str(o.start) for o in occurrences(ev, date(2096, 1, 1), date(2104, 12, 31))]
    assert got == ["2096-02-29", "2104-02-29"]


def test_leap_day_observance_moved_to_28_february() -> None:
    ev = _obs("2000-02-29", 2, 29, LeapDay.LAST_OF_FEBRUARY)
    got = [str(o.start) for o in occurrences(ev, date(2000, 1, 1), date(2004, 12, 31))]
    assert got == ["2000-02-29", "2001-02-28", "2002-02-28", "2003-02-28", "2004-02-29"]


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(0, 3000),
       st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_occurrences_property(first: date, length: int, window_start: date) -> None:
    window_end = date.fromordinal(min(window_start.toordinal() + length, date.max.toordinal()))
    ev = Event("x", EventKind.OBSERVANCE, PartialDate.day(first),
               recurrence=Recurrence(first.month, first.day))
    got = [o.start.latest for o in occurrences(ev, window_start, window_end)]
    expected = []
    for year in range(window_start.year, window_end.year + 1):
        try:
            d = first.replace(year=year)
        except ValueError:
            continue
        if window_start <= d <= window_end and d >= first:
            expected.append(d)
    assert got == expected


def test_bad_events_are_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Event("x", EventKind.MEETING, PartialDate.parse("2015-06"), PartialDate.parse("2015-05"))
    assert info.value.problems[0].code == "bad-range"
    with pytest.raises(ValidationError):
        Event("x", EventKind.OBSERVANCE, PartialDate.parse("2000-12-17"),
              recurrence=Recurrence(12, 18))
    with pytest.raises(ValueError, match="no day 30 in month 2"):
        Recurrence(2, 30)
    # An end whose range overlaps the start's is not certainly wrong.
    assert Event("x", EventKind.MEETING, PartialDate.parse("2015-06"),
                 PartialDate.parse("2015-06-10")).latest == date(2015, 6, 10)


def test_ordinal() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 13, 22, 25, 111)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "22nd", "25th", "111th"]


def test_treaty_events_are_computed_from_the_record() -> None:
    got = treaty_events(data.icrmw(), acts=(), milestones=[20, 48])
    assert [(str(e.start), e.kind) for e in got] == [
        ("1990-12-18", EventKind.ADOPTION),          # GA res 45/158
        ("2003-03-14", EventKind.OTHER),             # 20th instrument (README)
        ("2003-07-01", EventKind.ENTRY_INTO_FORCE),  # art. 87(1)
        ("2015-05-13", EventKind.OTHER),             # 48th: Madagascar
    ]
    twentieth = got[1]
    # El Salvador and Guatemala both deposited on 14 March 2003: no single 20th.
    assert twentieth.participant is None
    assert "El Salvador" in twentieth.description
    assert "Guatemala" in twentieth.description
    assert got[3].participant == "MDG"


def test_a_stated_entry_into_force_is_cited_not_called_computed() -> None:
    c143 = data.record("C143")
    (eif,) = [e for e in treaty_events(c143, acts=()) if e.kind is EventKind.ENTRY_INTO_FORCE]
    assert str(eif.start) == "1978-12-09"  # ILO: C143 in force 9 Dec 1978
    assert eif.description.startswith("As stated: ")
    assert set(c143.treaty.stated_entry_into_force.sources) <= set(eif.sources)  # type: ignore[union-attr]
    (icrmw,) = [e for e in treaty_events(data.icrmw(), acts=())
                if e.kind is EventKind.ENTRY_INTO_FORCE]
    assert icrmw.description.startswith("Computed from its rule: 20 instruments")


_KINDS_TABLE = """\
Participant,"Signature ad referendum(s), Signature",Application,Notification under article 25
Mexico,1 Feb 2000 s,,
Chile,,3 Mar 2001,
Peru,,,4 Apr 2002
"""


def test_every_kind_of_act_has_words_in_an_event_title() -> None:
    record = untc.read_table(_KINDS_TABLE, "kinds.csv")
    titles = [e.title for e in treaty_events(record, acts=set(ActKind))
              if e.kind is EventKind.TREATY_ACTION]
    assert titles == ["Mexico signs ad referendum the kinds",
                      "Chile undertakes to apply the kinds",
                      "Peru makes a notification under article 25 of the kinds"]


def test_nth_party_on_an_imprecise_date() -> None:
    # Zimbabwe's accession (the 60th) is known only to the month: 2024-11.
    sixtieth = treaty_events(data.icrmw(), acts=(), milestones=[60])[-1]
    assert (str(sixtieth.start), sixtieth.participant) == ("2024-11", "ZWE")
    assert treaty_events(data.icrmw(), acts=(), milestones=[500])[-1].kind is (
        EventKind.ENTRY_INTO_FORCE)


def test_undecidable_nth_party() -> None:
    import attrs

    from migrant_convention.core.acts import ActKind

    # Move Cote d'Ivoire's accession (the 59th) into November 2024: it and
    # Zimbabwe's "2024-11" can then each be the 59th.
    rec = data.icrmw()
    moved = [attrs.evolve(a, date=PartialDate.parse("2024-11-15"))
             if a.participant == "CIV" and a.kind is ActKind.ACCESSION else a
             for a in rec.acts]
    with pytest.raises(UndecidableError):
        treaty_events(attrs.evolve(rec, acts=moved), acts=(), milestones=[59])


def test_state_acts_in_timeline() -> None:
    tl = event_timeline(event_data.events(), start=date(2015, 1, 1), end=date(2015, 12, 31),
                        kinds=["treaty_action"], records=[data.icrmw()])
    assert [(str(e.start), e.participant) for e in tl] == [("2015-05-13", "MDG")]
    assert tl[0].title == "Madagascar ratifies the ICRMW"


def test_timeline_merges_without_duplicates() -> None:
    tl = event_timeline(event_data.events(), start=date(1990, 12, 18), end=date(1990, 12, 18),
                        records=[data.icrmw()])
    # The curated adoption row covers the derived one (same kind, day, treaty).
    assert [e.title for e in tl] == [
        "UN General Assembly adopts the International Convention on the Protection of the "
        "Rights of All Migrant Workers and Members of Their Families (ICRMW)"]
    eif = event_timeline(event_data.events(), start=date(2003, 7, 1), end=date(2003, 7, 1),
                         kinds=[EventKind.ENTRY_INTO_FORCE], records=[data.icrmw()])
    assert [e.title for e in eif] == ["ICRMW enters into force"]
    assert not eif[0].derived


def test_partial_dates_sort_by_earliest_day_and_display_as_written() -> None:
    tl = event_timeline(event_data.events(), start=date(2003, 3, 1), end=date(2003, 3, 31),
                        records=[data.icrmw()])
    assert [e.when for e in tl] == ["2003-03", "2003-03-14", "2003-03-14", "2003-03-14"]
    # A month-only date overlapping the range counts.
    late = event_timeline(event_data.events(), start=date(2003, 3, 20), end=date(2003, 3, 31))
    assert [e.when for e in late] == ["2003-03"]
    years = event_timeline(event_data.events(), end=date(1949, 12, 31))
    assert [e.when for e in years] == ["1919", "1930-06-28", "1948", "1949-07-01"]


def test_timeline_recurrences_once_or_expanded() -> None:
    kinds = [EventKind.OBSERVANCE]
    # Issue 16: 0.1 left out an observance whose *first* occurrence preceded
    # the range, although it recurs in it.  Listed once, it is itself: dated
    # by its first occurrence, with its recurrence.
    once = event_timeline(event_data.events(), kinds=kinds, start=date(2014, 1, 1),
                          end=date(2014, 12, 31))
    assert [(e.when, e.title, e.recurrence is not None) for e in once] == [
        ("2000-12-18", "International Migrants Day", True),
        ("2012-06-16", "International Domestic Workers Day", True),
    ]
    expanded = event_timeline(event_data.events(), kinds=kinds, start=date(2014, 1, 1),
                              end=date(2014, 12, 31), expand=True)
    assert [(e.when, e.title, e.recurrence) for e in expanded] == [
        ("2014-06-16", "International Domestic Workers Day", None),
        ("2014-12-18", "International Migrants Day", None),
    ]
    with pytest.raises(ValueError, match="needs both"):
        event_timeline(event_data.events(), start=date(2014, 1, 1), expand=True)


def test_timeline_keeps_out_observances_that_do_not_occur_in_the_range() -> None:
    kinds = [EventKind.OBSERVANCE]
    # 2014-06-17..2014-12-17: neither day falls in it.
    between = event_timeline(event_data.events(), kinds=kinds, start=date(2014, 6, 17),
                             end=date(2014, 12, 17))
    assert between == ()
    # Before the first International Domestic Workers Day (2012-06-16).
    early = event_timeline(event_data.events(), kinds=kinds, end=date(2012, 6, 15))
    assert [e.title for e in early if e.recurrence] == ["International Migrants Day"]
    ended = Event("Ended day", EventKind.OBSERVANCE, PartialDate.parse("2001-05-02"),
                  recurrence=Recurrence(5, 2, until=2010))
    assert event_timeline([ended], start=date(2011, 1, 1)) == ()
    assert event_timeline([ended], start=date(2010, 5, 2)) == (ended,)
    # 29 February, skipped in common years: 2101-2103 have none, 2104 has one.
    leap = _obs("2096-02-29", 2, 29)
    assert event_timeline([leap], start=date(2100, 3, 1), end=date(2103, 12, 31)) == ()
    assert event_timeline([leap], start=date(2100, 3, 1)) == (leap,)


@given(first=st.integers(1990, 2030), lo=st.integers(1980, 2040), span=st.integers(0, 800),
       month=st.integers(1, 12), day=st.integers(1, 28))
def test_listed_once_exactly_when_an_occurrence_is_listed(
        first: int, lo: int, span: int, month: int, day: int) -> None:
    event = _obs(f"{first}-{month:02d}-{day:02d}", month, day)
    start = date(lo, 1, 1) + timedelta(days=span)
    end = start + timedelta(days=span)
    once = event_timeline([event], start=start, end=end)
    expanded = event_timeline([event], start=start, end=end, expand=True)
    assert once == ((event,) if expanded else ())
    assert all(start <= e.earliest <= end and e.recurrence is None for e in expanded)


def test_timeline_rejects_bad_range_and_kind() -> None:
    with pytest.raises(ValidationError):
        event_timeline((), start=date(2015, 1, 2), end=date(2015, 1, 1))
    with pytest.raises(ValueError, match="unknown event kind 'party'"):
        event_timeline((), kinds=["party"])


def test_uid_is_stable_and_distinct() -> None:
    uids = [e.uid for e in event_data.events()]
    assert len(set(uids)) == len(uids)
    assert uids == [e.uid for e in event_data.events.__wrapped__()]

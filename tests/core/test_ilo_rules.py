"""The ILO's final clauses: registration, twelve months, windows for denunciation.

Expected values come from the conventions' texts and the ILO's own statements
(cited at each test), worked out by hand, not from the library's output.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention.core.rules import (
    Alignment,
    Delay,
    DenunciationRule,
    DenunciationWindows,
    EntryIntoForceRule,
    LaterFrom,
)
from migrant_convention.core.treaty import StatedDate
from migrant_convention.data.ilo import ilo_rules

TWELVE = Delay(months=12, alignment=Alignment.MONTH_END)
ILO = EntryIntoForceRule(2, TWELVE, TWELVE, LaterFrom.INSTRUMENTS)
days = st.dates(date(1900, 1, 1), date(2100, 12, 31))


# -- twelve months ------------------------------------------------------------------------

@pytest.mark.parametrize(("registered", "in_force"), [
    (date(2012, 9, 5), date(2013, 9, 5)),     # the Philippines, C189
    (date(2023, 2, 28), date(2024, 2, 29)),   # month end to month end (Spain, C189)
    (date(2024, 2, 29), date(2025, 2, 28)),   # 29 February: the last day of next February
    (date(2023, 4, 30), date(2024, 4, 30)),
    (date(2023, 1, 31), date(2024, 1, 31)),
    (date(2024, 2, 28), date(2025, 2, 28)),   # not a month end in a leap year
])
def test_twelve_months_after_registration(registered: date, in_force: date) -> None:
    assert TWELVE.apply(registered) == in_force


def test_month_end_counts_months_from_month_end_to_month_end() -> None:
    # Three months from 30 November: 29 February (a month end), where plain
    # months give the same; from 28 February 2023, 31 May (plain: 28 May).
    three = Delay(months=3, alignment=Alignment.MONTH_END)
    assert three.apply(date(2023, 2, 28)) == date(2023, 5, 31)
    assert Delay(months=3).apply(date(2023, 2, 28)) == date(2023, 5, 28)
    assert three.apply(date(2023, 11, 30)) == date(2024, 2, 29)


@given(days, st.integers(1, 1200))
def test_month_end_is_plain_months_except_from_a_month_end(start: date, months: int) -> None:
    plain, ends = Delay(months=months).apply(start), Delay(months=months,
                                                         alignment="month_end").apply(start)
    if (start + timedelta(days=1)).month == start.month:
        assert ends == plain
    else:
        assert ends.year == plain.year
        assert ends.month == plain.month
        assert (ends + timedelta(days=1)).day == 1  # the last day of its month


# -- entry into force ---------------------------------------------------------------------

def test_c189_enters_into_force_twelve_months_after_the_second_registration() -> None:
    # Uruguay 14 June 2012, the Philippines 5 September 2012 (ILO news, 5 Sep
    # 2012): in force 5 September 2013 (art. 21(2)).
    general = ILO.general([date(2012, 9, 5), date(2012, 6, 14)])
    assert general == date(2013, 9, 5)
    # Uruguay, registered first, is bound from the entry into force.
    assert ILO.for_party(general, date(2012, 6, 14)) == date(2013, 9, 5)
    # Mauritius, registered 13 September 2012, before the entry into force
    # but after the second registration: twelve months after its own (21(3)).
    assert ILO.for_party(general, date(2012, 9, 13)) == date(2013, 9, 13)
    # Germany, 20 September 2013: 20 September 2014.
    assert ILO.for_party(general, date(2013, 9, 20)) == date(2014, 9, 20)


def test_registrations_on_the_same_day_bring_it_into_force_together() -> None:
    day = date(2020, 3, 1)
    general = ILO.general([day, day])
    assert general == date(2021, 3, 1)
    assert ILO.for_party(general, day) == general
    assert ILO.general([day]) is None


def test_the_un_clause_binds_a_state_between_the_nth_and_entry_into_force_from_it() -> None:
    # ICRMW art. 87(2) counts later States from the entry into force, the
    # ILO's (and the CRC's) from the last instrument needed: the difference.
    un = EntryIntoForceRule(2, TWELVE, TWELVE)
    general = un.general([date(2012, 6, 14), date(2012, 9, 5)])
    assert un.for_party(general, date(2012, 9, 13)) == general
    assert ILO.for_party(general, date(2012, 9, 13)) == date(2013, 9, 13)


def test_later_from_instruments_needs_the_same_delays() -> None:
    with pytest.raises(ValueError, match="later_delay must equal delay"):
        EntryIntoForceRule(2, TWELVE, Delay(months=6), "instruments")


@given(st.lists(days, min_size=2, max_size=8), days)
def test_a_member_is_bound_from_the_later_of_entry_into_force_and_its_own_twelve_months(
    registrations: list[date], deposit: date
) -> None:
    general = ILO.general(registrations)
    assert general is not None
    nth = sorted(registrations)[1]
    own = ILO.for_party(general, deposit)
    assert own is not None
    if deposit <= nth:
        assert own == general
    else:
        assert own == TWELVE.apply(deposit) >= general


# -- denunciation -------------------------------------------------------------------------

ILO_DENUNCIATION = DenunciationRule(TWELVE, windows=DenunciationWindows(10, 12))


@pytest.mark.parametrize(("day", "allowed"), [
    (date(2016, 3, 1), date(2023, 9, 5)),     # before the first window: wait for it
    (date(2023, 9, 4), date(2023, 9, 5)),
    (date(2023, 9, 5), date(2023, 9, 5)),     # the first day of the window
    (date(2024, 9, 4), date(2024, 9, 4)),     # its last day
    (date(2024, 9, 5), date(2033, 9, 5)),     # missed: bound ten more years
    (date(2034, 1, 1), date(2034, 1, 1)),
])
def test_denunciation_only_in_the_year_after_each_ten_years(day: date, allowed: date) -> None:
    # C189 in force 5 Sep 2013 (art. 22): windows 5 Sep 2023 - 4 Sep 2024,
    # 5 Sep 2033 - 4 Sep 2034, ...
    got = ILO_DENUNCIATION.next_notification(day, in_force=date(2014, 9, 20),
                                             general=date(2013, 9, 5))
    assert got == allowed


def test_windows_count_from_the_conventions_entry_into_force_not_the_members() -> None:
    # A Member bound since 2030 may denounce in the 2033 window.
    assert ILO_DENUNCIATION.next_notification(
        date(2031, 1, 1), in_force=date(2030, 1, 1), general=date(2013, 9, 5)
    ) == date(2033, 9, 5)
    # A window opening on 29 February runs twelve months.
    assert DenunciationWindows(10, 12).window(date(2014, 2, 28), date(2024, 3, 1)) == (
        date(2024, 2, 28), date(2025, 2, 28))


def test_a_denunciation_takes_effect_one_year_after_its_registration() -> None:
    assert ILO_DENUNCIATION.effect(date(2023, 10, 2)) == date(2024, 10, 2)


@given(days, days)
def test_the_next_notification_is_in_a_window_and_none_is_missed(general: date, day: date
                                                                  ) -> None:
    windows = DenunciationWindows(10, 12)
    got = ILO_DENUNCIATION.next_notification(day, in_force=general, general=general)
    opens, closes = windows.window(general, got)
    assert got >= max(day, general)
    assert opens <= got < closes
    # No day between *day* and *got* was in a window.
    if got > day:
        before = got - timedelta(days=1)
        assert windows.window(general, max(day, general))[0] == got or before < windows.window(
            general, before)[0]


def _record(acts: list[mc.Act], *, stated_entry_into_force: StatedDate | None = None
            ) -> mc.TreatyRecord:
    base = mc.Treaty("X", "An ILO convention", "X", date(2000, 6, 1), date(2000, 6, 1), "ILO",
                     ilo_rules(("Part I", "Part II")))
    return mc.TreatyRecord(attrs.evolve(base, stated_entry_into_force=stated_entry_into_force),
                           tuple(acts))


def _codes(record: mc.TreatyRecord) -> list[str]:
    return [p.code for p in mc.core.validate.problems(record)]


def test_validation_refuses_a_denunciation_outside_a_window() -> None:
    consents = [mc.Act("NOR", "ratification", date(2001, 1, 10)),
                mc.Act("SWE", "ratification", date(2001, 2, 10))]
    # In force 10 Feb 2002: the first window runs 10 Feb 2012 - 9 Feb 2013.
    early = _record([*consents, mc.Act("NOR", "denunciation", date(2011, 5, 1))])
    inside = _record([*consents, mc.Act("NOR", "denunciation", date(2012, 5, 1))])
    late = _record([*consents, mc.Act("NOR", "denunciation", date(2013, 2, 10))])
    assert _codes(early) == ["outside-denunciation-window"]
    assert _codes(inside) == []
    assert _codes(late) == ["outside-denunciation-window"]


def test_a_ratification_needs_no_signature_under_the_ilo_clauses() -> None:
    assert _codes(_record([mc.Act("NOR", "ratification", date(2001, 1, 10))])) == []


# -- exclusions ---------------------------------------------------------------------------

def test_exclusions_are_checked_against_the_parts_the_treaty_names() -> None:
    good = mc.Act("SWE", "ratification", date(2001, 1, 10), excludes=["Part II"])
    assert _codes(_record([good])) == []
    unknown = mc.Act("SWE", "ratification", date(2001, 1, 10), excludes=["Annex II"])
    twice = mc.Act("NOR", "ratification", date(2001, 1, 10), excludes=["Part I", "Part I"])
    on_a_signature = mc.Act("DNK", "signature", date(2001, 1, 10), excludes=["Part I"])
    assert _codes(_record([unknown, twice, on_a_signature])) == ["bad-exclusion"] * 3


def test_bound_by_leaves_out_the_states_that_excluded_the_part() -> None:
    record = _record([mc.Act("SWE", "ratification", date(2001, 1, 10), excludes=["Part II"]),
                      mc.Act("NOR", "ratification", date(2001, 2, 10))])
    states = mc.data.states()
    on = date(2005, 1, 1)
    assert set(mc.bound_by(record, states, "Part I", on)) == {"SWE", "NOR"}
    assert mc.bound_by(record, states, "Part II", on) == ("NOR",)
    # Before entry into force (10 Feb 2002), parties but not yet bound.
    assert mc.bound_by(record, states, "Part I", date(2001, 6, 1)) == ()
    assert set(mc.bound_by(record, states, "Part I", date(2001, 6, 1), in_force=False)) == {
        "SWE", "NOR"}
    with pytest.raises(ValueError, match="'Annex I' is not a part of X"):
        mc.bound_by(record, states, "Annex I", on)


# -- a stated entry into force ------------------------------------------------------------

def test_a_stated_entry_into_force_is_the_answer_and_is_checked() -> None:
    acts = [mc.Act("NOR", "ratification", mc.PartialDate.parse("2001")),
            mc.Act("SWE", "ratification", mc.PartialDate.parse("2001"))]
    # Two registrations in 2001: the rule allows 1 Jan 2002 .. 31 Dec 2002.
    fits = _record(acts, stated_entry_into_force=StatedDate(date(2002, 6, 9), "ILO"))
    assert _codes(fits) == []
    assert mc.core.validate.notices(fits) == []
    assert mc.entry_into_force(fits) == date(2002, 6, 9)  # decidable: stated
    with pytest.raises(mc.UndecidableError):
        mc.entry_into_force(_record(acts))  # without it, the year is all we know
    off = _record(acts, stated_entry_into_force=StatedDate(date(2003, 1, 1), "ILO"))
    assert mc.core.validate.problems(off) == []  # valid: the statement is the fact
    problems = mc.core.validate.notices(off)
    assert [p.code for p in problems] == ["stated-entry-into-force"]
    assert "2002-01-01 to 2002-12-31" in problems[0].message
    assert "the stated day is the one used" in problems[0].message
    assert mc.entry_into_force(off) == date(2003, 1, 1)


def test_a_stated_date_names_its_source() -> None:
    with pytest.raises(ValueError, match="must name at least one source"):
        StatedDate(date(2002, 6, 9), ())

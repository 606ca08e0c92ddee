"""Entry-into-force and denunciation arithmetic, and rules as data."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migrant_convention import (
    Act,
    ActKind,
    Alignment,
    Delay,
    EntryIntoForceRule,
    PartialDate,
    Rules,
    Treaty,
    TreatyRecord,
    entry_into_force,
    entry_into_force_for,
)
from migrant_convention.data import icrmw_treaty

ART_87 = Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH)


# Each pair is a deposit and the "date of effect" printed by the UN (UNTS
# record and Statements of Treaties), as listed in shared/data/icrmw_notes.md §1.
UN_PUBLISHED_EFFECT = [
    ("2007-06-05", "2007-10-01"),  # Albania
    ("2005-04-21", "2005-08-01"),  # Algeria
    ("2007-02-23", "2007-06-01"),  # Argentina
    ("2011-08-24", "2011-12-01"),  # Bangladesh
    ("2018-07-06", "2018-11-01"),  # Benin
    ("2003-11-26", "2004-03-01"),  # Burkina Faso
    ("2005-03-21", "2005-07-01"),  # Chile
    ("2017-03-31", "2017-07-01"),  # Congo
    ("2023-09-26", "2024-01-01"),  # Côte d'Ivoire
    ("2018-09-28", "2019-01-01"),  # Gambia
    ("2018-10-22", "2019-02-01"),  # Guinea-Bissau
]


@pytest.mark.parametrize(("deposit", "effect"), UN_PUBLISHED_EFFECT)
def test_article_87_2_matches_the_un(deposit: str, effect: str) -> None:
    assert ART_87.apply(date.fromisoformat(deposit)) == date.fromisoformat(effect)


@pytest.mark.parametrize(
    ("deposit", "effect"),
    [
        ("2003-03-14", "2003-07-01"),  # the twentieth instrument: art. 87(1)
        ("2003-01-31", "2003-05-01"),  # month end: 31 Jan + 3 months = 30 Apr
        ("2003-11-30", "2004-03-01"),  # leap year: 30 Nov 2003 + 3 months = 29 Feb 2004
        ("2002-11-30", "2003-03-01"),  # common year: 28 Feb 2003
        ("2003-12-31", "2004-04-01"),
        ("2003-03-01", "2003-07-01"),  # period ends 1 June: the month *following* is July
        ("2003-09-30", "2004-01-01"),  # year boundary
    ],
)
def test_article_87_edge_cases(deposit: str, effect: str) -> None:
    assert ART_87.apply(date.fromisoformat(deposit)) == date.fromisoformat(effect)


def test_plain_day_delays() -> None:
    thirty = Delay(days=30)
    assert thirty.apply(date(2024, 2, 1)) == date(2024, 3, 2)  # leap February
    assert thirty.apply(date(2023, 2, 1)) == date(2023, 3, 3)
    assert Delay().apply(date(2000, 1, 1)) == date(2000, 1, 1)


@given(st.dates(max_value=date(9000, 1, 1)), st.integers(0, 36), st.integers(0, 400),
       st.sampled_from(list(Alignment)))
def test_delay_never_goes_back(start: date, months: int, days: int, alignment: Alignment) -> None:
    result = Delay(months=months, days=days, alignment=alignment).apply(start)
    assert result >= start
    if alignment is Alignment.FIRST_OF_NEXT_MONTH:
        assert result.day == 1
        assert result > start


def test_negative_delay_is_rejected() -> None:
    with pytest.raises(ValueError, match="months"):
        Delay(months=-1)


def test_threshold_must_be_positive() -> None:
    with pytest.raises(ValueError, match="instruments"):
        EntryIntoForceRule(0, Delay(), Delay())


def test_consent_kinds_must_be_consents() -> None:
    with pytest.raises(ValueError, match="signature"):
        Rules(EntryIntoForceRule(1, Delay(), Delay()), consent=[ActKind.SIGNATURE])


def _treaty(instruments: int = 3) -> Treaty:
    return Treaty(
        id="T-1", title="A test treaty", short_name="TT", adopted=date(2000, 1, 1),
        opened_for_signature=date(2000, 1, 1), depositary="Nobody",
        rules=Rules(EntryIntoForceRule(instruments, ART_87, ART_87)),
    )


def _acc(code: str, day: str) -> Act:
    return Act(code, ActKind.ACCESSION, PartialDate.parse(day))


def test_same_day_deposits_reach_the_threshold_together() -> None:
    record = TreatyRecord(_treaty(3), [
        _acc("FRA", "2001-05-02"), _acc("DEU", "2001-06-10"), _acc("ITA", "2001-06-10"),
    ])
    assert entry_into_force(record) == date(2001, 10, 1)
    assert entry_into_force_for(record, "ITA") == date(2001, 10, 1)


def test_deposit_between_threshold_and_entry_into_force() -> None:
    # Mali deposited on 5 June 2003, after the 20th instrument (14 March) but
    # before entry into force (1 July): bound from 1 July 2003, not from the
    # date art. 87(2) would give (1 October 2003).
    record = TreatyRecord(_treaty(2), [
        _acc("FRA", "2003-03-14"), _acc("DEU", "2003-03-14"), _acc("MLI", "2003-06-05"),
        _acc("ESP", "2003-07-01"),
    ])
    assert entry_into_force(record) == date(2003, 7, 1)
    assert entry_into_force_for(record, "MLI") == date(2003, 7, 1)
    # A deposit on the very day of entry into force is a later deposit (art. 87(2)).
    assert entry_into_force_for(record, "ESP") == date(2003, 11, 1)


def test_not_in_force_below_threshold() -> None:
    record = TreatyRecord(_treaty(3), [_acc("FRA", "2001-05-02"), _acc("DEU", "2001-06-10")])
    assert entry_into_force(record) is None
    assert entry_into_force_for(record, "FRA") is None


def test_icrmw_rules_are_articles_86_to_89() -> None:
    rules = icrmw_treaty().rules
    assert rules.entry_into_force is not None
    assert rules.entry_into_force.instruments == 20
    assert rules.entry_into_force.delay == ART_87
    assert rules.entry_into_force.later_delay == ART_87
    assert ActKind.ACCESSION in rules.consent
    assert ActKind.ACCESSION not in rules.requires_signature
    assert ActKind.RATIFICATION in rules.requires_signature
    assert rules.denunciation is not None
    # Art. 89(2): a notification received on 15 March 2030 takes effect on
    # 1 April 2031 (first day of the month following twelve months).
    assert rules.denunciation.takes_effect.apply(date(2030, 3, 15)) == date(2031, 4, 1)


def test_a_second_consent_by_one_state_is_not_a_second_instrument() -> None:
    # Threshold 2: one State ratifying twice must not bring the treaty into force.
    record = TreatyRecord(_treaty(2), [_acc("NOR", "2020-05-02"), _acc("NOR", "2020-06-02")])
    assert entry_into_force(record) is None
    record = TreatyRecord(_treaty(2), [*record.acts, _acc("SWE", "2020-07-15")])
    assert entry_into_force(record) == date(2020, 11, 1)

"""The calendar of upcoming events."""

from __future__ import annotations

from datetime import date

import pytest

from migrant_convention import data, event_data
from migrant_convention.campaigns.events import EventKind
from migrant_convention.campaigns.upcoming import anniversaries, upcoming
from migrant_convention.errors import ValidationError


def _titles(on: date, days: int) -> list[tuple[str, str]]:
    return [(e.when, e.title) for e in upcoming(event_data.events(), on, days=days,
                                                records=[data.icrmw()])]


def test_25th_anniversary_of_adoption() -> None:
    # Adopted 18 Dec 1990 (GA res 45/158): 25th anniversary on 18 Dec 2015.
    (a,) = list(anniversaries(data.icrmw(), date(2015, 12, 18), date(2015, 12, 18)))
    assert (a.title, a.kind) == ("25th anniversary of the adoption of the ICRMW",
                                 EventKind.ANNIVERSARY)
    # In the calendar the curated row for that anniversary stands for it.
    got = _titles(date(2015, 12, 18), 0)
    assert ("2015-12-18", "25th anniversary of the adoption of the ICRMW (International "
            "Migrants Day 2015)") in got
    assert ("2015-12-18", "25th anniversary of the adoption of the ICRMW") not in got
    assert ("2015-12-18", "International Migrants Day") in got


def test_derived_anniversaries_in_later_years() -> None:
    got = _titles(date(2028, 6, 1), 30)
    # In force 1 July 2003 (art. 87(1)): 25th anniversary on 1 July 2028.
    assert got == [("2028-06-16", "International Domestic Workers Day"),
                   ("2028-07-01", "25th anniversary of the entry into force of the ICRMW")]
    assert ("2016-12-18", "26th anniversary of the adoption of the ICRMW") in _titles(
        date(2016, 12, 1), 31)


def test_ongoing_and_partial_events() -> None:
    got = _titles(date(2015, 12, 1), 5)
    # Campaign month under way since 25 Nov; the OHCHR panel is dated "2015-12".
    assert got == [
        ("2015-11-25..2015-12-18", "Migrants' Campaign Month 2015 (Step It Up)"),
        ("2015-12", "OHCHR panel 'Promoting tolerance, dispelling myths, protecting rights: "
                    "an evidence-based conversation on migration'"),
    ]


def test_nothing_upcoming() -> None:
    assert upcoming(event_data.events(), date(2019, 1, 1), days=30) == ()


def test_observances_before_their_first_year_do_not_occur() -> None:
    got = _titles(date(2011, 6, 1), 30)
    assert "International Domestic Workers Day" not in [t for _, t in got]
    assert ("2011-06-16", "ILO Domestic Workers Convention, 2011 (No. 189) adopted") in got


def test_negative_horizon() -> None:
    with pytest.raises(ValidationError):
        upcoming(event_data.events(), date(2015, 1, 1), days=-1)

"""Reading and writing events as CSV, and the bundled dataset."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from migrant_convention import event_data
from migrant_convention.campaigns.events import EventKind
from migrant_convention.errors import ValidationError
from migrant_convention.formats.event_csv import read_events, split_organisers, write_events

HEADER = "date,end_date,title,kind,organisers,location,description,sources\n"


def _bundled() -> str:
    return files("migrant_convention").joinpath("_data", "campaign_events.csv").read_text(
        encoding="utf-8")


def test_bundled_file_round_trips_byte_for_byte() -> None:
    text = _bundled()
    assert write_events(read_events(text)) == text


def test_bundled_copy_is_the_reference_data(shared_data: Path) -> None:
    assert _bundled() == (shared_data / "campaign_events.csv").read_text(encoding="utf-8")


def test_bundled_events_keep_their_sources_and_partial_dates() -> None:
    events = event_data.events()
    assert len(events) == 56
    assert all(e.sources for e in events)
    by_title = {e.title: e for e in events}
    assert str(by_title["Universal Declaration of Human Rights adopted"].start) == "1948"
    panel = by_title["OHCHR panel 'Promoting tolerance, dispelling myths, protecting rights: "
                     "an evidence-based conversation on migration'"]
    assert str(panel.start) == "2015-12"
    assert panel.caveats == ("UNCERTAIN: exact date and venue not in archived copy",)
    gcm = by_title["Intergovernmental Conference adopts the Global Compact for Safe, Orderly "
                   "and Regular Migration"]
    assert gcm.when == "2018-12-10..2018-12-11"
    assert gcm.organisers == ("United Nations", "Government of Morocco (host)")


def test_organisers_split_outside_parentheses() -> None:
    assert split_organisers("A (x; y); B") == ("A (x; y)", "B")
    assert split_organisers("") == ()
    assert split_organisers("Permanent Missions of Argentina, Ecuador; OHCHR") == (
        "Permanent Missions of Argentina, Ecuador", "OHCHR")


def test_every_problem_is_reported_with_row_and_field() -> None:
    text = HEADER + (
        "2015-13-01,,Bad month,meeting,,,,src\n"            # row 2: malformed date
        "2015-06-10,2015-06-01,Backwards,meeting,,,,src\n"  # row 3: end before start
        "2015-06-10,,Party,party,,,,src\n"                  # row 4: unknown kind
        "2015-06-10,,No source,meeting,,,,\n"               # row 5: no source
        "2015-06-10,,,meeting,,,,src\n"                     # row 6: no title
        "2015-06-10,,Day (recurs every 16 June),observance,,,,src\n"  # row 7: wrong day
        "2015-06-10,,Fine,meeting,,,,src\n"
    )
    with pytest.raises(ValidationError) as info:
        read_events(text, "my.csv")
    got = [(p.location, p.value, p.code) for p in info.value.problems]
    assert got == [
        ("my.csv, row 2, field 'date'", "2015-13-01", "bad-date"),
        ("my.csv, row 3, field 'end_date'", "2015-06-01", "bad-range"),
        ("my.csv, row 4, field 'kind'", "party", "unknown-kind"),
        ("my.csv, row 5, field 'sources'", "", "missing-source"),
        ("my.csv, row 6, field 'title'", "", "missing-value"),
        ("my.csv, row 7, field 'date'", "2015-06-10", "bad-recurrence"),
    ]


def test_missing_columns() -> None:
    with pytest.raises(ValidationError) as info:
        read_events("date,title\n2015,x\n", "t.csv")
    (problem,) = info.value.problems
    assert (problem.location, problem.code) == ("t.csv, header", "missing-column")


def test_leap_day_recurrence_reads_and_writes() -> None:
    text = HEADER + "2000-02-29,,Leap day (recurs every 29 February),observance,,,,src\n"
    (ev,) = read_events(text)
    assert ev.kind is EventKind.OBSERVANCE
    assert ev.title == "Leap day"
    assert ev.recurrence is not None
    assert (ev.recurrence.month, ev.recurrence.day) == (2, 29)
    assert write_events([ev]) == text

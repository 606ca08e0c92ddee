"""The ``events``, ``upcoming`` and ``campaign`` commands."""

from __future__ import annotations

import io
import json

import icalendar
import pytest

from migrant_convention.cli import main


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def test_events_filtered() -> None:
    rc, text = _run("events", "--from", "2015-05-01", "--to", "2015-05-31")
    assert rc == 0
    lines = text.splitlines()
    assert any("Madagascar ratifies the ICRMW" in line for line in lines)
    assert any("Global Mobilization for Migrants' Rights (May Day)" in line for line in lines)
    rc, text = _run("events", "--from", "2015", "--to", "2015", "--kind", "campaign_end",
                    "--json")
    assert [e["title"] for e in json.loads(text)] == ["End of the Step It Up year-long campaign"]


def test_events_curated_only_and_partial_dates() -> None:
    rc, text = _run("events", "--from", "2003-03", "--to", "2003-03", "--curated", "--json")
    got = json.loads(text)
    assert rc == 0
    assert [(e["start"], e["kind"]) for e in got] == [("2003-03", "other")]


def test_events_ics() -> None:
    rc, text = _run("events", "--to", "1950", "--ics")
    assert rc == 0
    cal = icalendar.Calendar.from_ical(text)
    assert len(cal.walk("VEVENT")) == 4


def test_upcoming() -> None:
    rc, text = _run("upcoming", "--on", "2015-12-18", "--days", "0", "--json")
    titles = [e["title"] for e in json.loads(text)]
    assert rc == 0
    assert "International Migrants Day" in titles
    rc, text = _run("upcoming", "--on", "2019-01-01", "--days", "10")
    assert "nothing" in text


def test_campaign() -> None:
    rc, text = _run("campaign")
    assert rc == 0
    assert "Step It Up: Dignity, Rights, Development (2014-12-18 to 2015-12-18)" in text
    assert "2015-05-13   Madagascar (MDG), ratification" in text
    rc, text = _run("campaign", "step it up", "--json")
    got = json.loads(text)
    assert got["progress"]["before"]["parties"] == 47
    assert got["progress"]["after"]["parties"] == 48
    assert [d["state"] for d in got["progress"]["declarations"]] == ["SLV", "SLV"]
    assert len(got["organisers"]) == 8


def test_campaign_user_window_and_ics() -> None:
    rc, text = _run("campaign", "--from", "2016-01-01", "--to", "2016-06-30", "--json")
    p = json.loads(text)["progress"]
    assert rc == 0
    assert p["new_parties"] == []
    assert p["before"] == {**p["after"],
                                                                  "date": "2015-12-31"}
    rc, text = _run("campaign", "--ics")
    assert rc == 0
    assert len(icalendar.Calendar.from_ical(text).walk("VEVENT")) == 12


@pytest.mark.parametrize("argv", [
    ("events", "--from", "2016", "--to", "2015"),
    ("events", "--from", "2015-02-30"),
    ("events", "--kind", "party"),
    ("campaign", "nonesuch"),
    ("campaign", "--from", "2016-01-02", "--to", "2016-01-01"),
    ("upcoming", "--days", "-1"),
])
def test_errors_are_one_line_exit_2(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
                                    ) -> None:
    rc, _ = _run(*argv)
    err = capsys.readouterr().err
    assert rc == 2
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_events_in_a_window_list_each_day_of_an_observance() -> None:
    # Issue 16: "what happens in 2015?" left out both observance days (listed
    # once, in their first year, 2000 and 2012).
    rc, text = _run("events", "--from", "2015-01-01", "--to", "2015-12-31")
    assert rc == 0
    lines = text.splitlines()
    assert "  2015-06-16              observance        International Domestic Workers Day" \
        in lines
    assert "  2015-12-18              observance        International Migrants Day" in lines
    assert not any(line.startswith(("  2000", "  2012")) for line in lines)
    rc, text = _run("events", "--from", "2014", "--to", "2015", "--kind", "observance",
                    "--json")
    days = [(e["start"], e["recurs"]) for e in json.loads(text)
            if e["title"] == "International Migrants Day"]
    assert days == [("2014-12-18", None), ("2015-12-18", None)]


def test_events_without_a_window_list_an_observance_once() -> None:
    _, text = _run("events", "--kind", "observance")
    lines = [line for line in text.splitlines() if "International Migrants Day" in line]
    assert lines == ["  2000-12-18  observance        International Migrants Day "
                     "(recurs every 18 December)"]
    # Open at one end: each observance still recurring there, once.
    _, text = _run("events", "--from", "2020", "--kind", "observance", "--json")
    got = [(e["title"], e["start"], e["recurs"]) for e in json.loads(text)]
    assert ("International Migrants Day", "2000-12-18", "every 18 December") in got
    assert ("International Domestic Workers Day", "2012-06-16", "every 16 June") in got


def test_events_ics_in_a_window_keeps_one_vevent_per_observance() -> None:
    rc, text = _run("events", "--from", "2014", "--to", "2015", "--kind", "observance", "--ics")
    assert rc == 0
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]
    assert summaries.count("International Migrants Day") == 1
    assert summaries.count("International Domestic Workers Day") == 1
    (imd,) = [block for block in text.split("BEGIN:VEVENT")
              if "SUMMARY:International Migrants Day\r\n" in block]
    assert "DTSTART;VALUE=DATE:20001218\r\n" in imd
    assert "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=18\r\n" in imd


def test_error_lines_do_not_repeat_a_quoted_value(capsys: pytest.CaptureFixture[str]) -> None:
    rc, _ = _run("campaign", "Global Compact")
    err = capsys.readouterr().err
    assert rc == 2
    assert err == ("error: unknown campaign: NAME: no bundled campaign matches 'Global Compact'; "
                   "known: Step It Up: Dignity, Rights, Development\n")
    rc, _ = _run("events", "--from", "2016", "--to", "2015")
    assert capsys.readouterr().err == \
        "error: invalid range: --to: '2015' ends before --from '2016'\n"
    # A value the message does not show is still given.
    rc, _ = _run("upcoming", "--days", "-1")
    assert capsys.readouterr().err.endswith("not negative (value: -1)\n")


@pytest.mark.parametrize("argv", [
    ("events", "--from", "2015-02-30"),
    ("events", "--kind", "party"),
    ("campaign", "nonesuch"),
    ("upcoming", "--days", "-1"),
])
def test_every_error_line_has_one_shape(argv: tuple[str, ...],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 16: argparse's errors read "error (events): ...", the others "error: ...".
    _run(*argv)
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "(value: " not in err or "(value: -1)" in err

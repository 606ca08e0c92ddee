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

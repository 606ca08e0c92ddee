"""The command line, as a user types it."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from migrant_convention.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_numbers_json_has_the_documented_keys() -> None:
    code, text = run("numbers", "--on", "2014-12-18", "--json")
    assert code == 0
    got = json.loads(text)
    assert {k: got[k] for k in ("date", "parties", "signatories", "no_action", "states")} == {
        "date": "2014-12-18", "parties": 47, "signatories": 19, "no_action": 131, "states": 197,
    }
    for key in ("in_force", "signatories_total", "as_of"):
        assert key in got


def test_numbers_text_names_the_as_of_date() -> None:
    code, text = run("numbers", "--on", "2030-01-01")
    assert code == 0
    assert "as of 2025-12-31" in text
    assert "later acts are not in the data" in text


def test_bad_date_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("numbers", "--on", "2014-02-30")
    err = capsys.readouterr().err
    assert code == 2
    assert "2014-02-30" in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unknown_state(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("status", "Narnia")
    err = capsys.readouterr().err
    assert code == 2
    assert "'Narnia'" in err
    assert len(err.strip().splitlines()) == 1


def test_undecidable_exits_non_zero_unless_resolved(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("numbers", "--on", "2024-11-15")
    assert code == 3
    assert "--resolve" in capsys.readouterr().err
    code, text = run("numbers", "--on", "2024-11-15", "--resolve", "earliest", "--json")
    assert code == 0
    assert json.loads(text)["parties"] == 60


def test_status_by_name_and_code() -> None:
    code, text = run("status", "albania", "--on", "2007-10-01", "--json")
    assert code == 0
    got = json.loads(text)
    assert got["state"] == "ALB"
    assert got["status"] == "party_in_force"
    assert got["in_force_for_it"] == "2007-10-01"
    code, text = run("status", "SRB", "--on", "2005-01-01")
    assert code == 0
    assert "signatory" in text
    assert "Serbia and Montenegro" in text


def test_timeline() -> None:
    code, text = run("timeline", "SLV")
    assert code == 0
    lines = text.splitlines()
    assert lines[0].startswith("El Salvador (SLV)")
    assert "2002-09-13" in lines[1]
    assert "signature" in lines[1]
    code, text = run("timeline", "ZWE", "--json")
    assert json.loads(text)[0]["date"] == "2024-11"


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run()
    assert code == 2
    assert "COMMAND" in capsys.readouterr().err


def test_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "migrant_convention", "numbers", "--on", "1990-12-18", "--json"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["states"] == 169


def test_closed_pipe_is_not_a_traceback() -> None:
    done = subprocess.run(
        f"{sys.executable} -m migrant_convention events | head -n 1",
        shell=True, capture_output=True, text=True, check=False,
    )
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr


@pytest.mark.parametrize(
    ("typed", "code"),
    [("cote d'ivoire", "CIV"), ("Côte d\u2019Ivoire", "CIV"), ("turkiye", "TUR"),
     ("Turkey", "TUR"), ("Cape Verde", "CPV"), ("  bolivia (plurinational state of) ", "BOL")],
)
def test_state_names_ignore_case_accents_and_apostrophes(typed: str, code: str) -> None:
    rc, text = run("status", typed, "--on", "2014-12-18", "--json")
    assert rc == 0
    assert json.loads(text)["state"] == code


def test_unknown_name_suggests_but_does_not_guess(capsys: pytest.CaptureFixture[str]) -> None:
    rc, _ = run("status", "United Stats")
    assert rc == 2
    assert "did you mean 'United States of America'" in capsys.readouterr().err


@pytest.mark.parametrize(("typed", "meant"), [("statsu", "status"), ("numbrs", "numbers"),
                                              ("timline", "timeline"), ("event", "events")])
def test_a_misspelled_command_gets_a_suggestion(capsys: pytest.CaptureFixture[str], typed: str,
                                                meant: str) -> None:
    code, text = run(typed, "ALB")
    assert (code, text) == (2, "")
    usage, error = capsys.readouterr().err.splitlines()
    assert usage.startswith("usage: ")
    assert error == f"error: unknown command {typed!r}; did you mean {meant!r}?"


def test_an_unknown_command_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("frobnicate") == (2, "")
    assert capsys.readouterr().err.splitlines()[-1] == (
        "error: unknown command 'frobnicate' "
        "(choose from numbers, status, timeline, events, upcoming, campaign, instruments)")


def test_a_bad_argument_is_one_line_in_the_common_shape(
        capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 16: it read "error (numbers): argument --on: ...".
    assert run("numbers", "--on", "2014-02-30") == (2, "")
    assert capsys.readouterr().err == (
        "error: argument --on: invalid date '2014-02-30': day is out of range for month\n")


def test_timeline_says_which_state_of_the_lineage_made_an_act() -> None:
    # Issue 16: the 2004 signature listed under Serbia was Serbia and
    # Montenegro's; the FRY's and Serbia's timelines did not say so.
    code, text = run("timeline", "YUG")
    assert code == 0
    assert text.splitlines()[1] == (
        "  2004-11-11      signature (by Serbia and Montenegro, SCG) [listed as Serbia]")
    code, text = run("timeline", "SRB")
    assert text.splitlines()[1] == "  2004-11-11      signature (by Serbia and Montenegro, SCG)"
    code, text = run("timeline", "SCG")
    assert "(by " not in text
    code, text = run("timeline", "YUG", "--json")
    (act,) = json.loads(text)
    assert (act["participant"], act["by"]) == (
        "SRB", {"code": "SCG", "name": "Serbia and Montenegro"})
    code, text = run("timeline", "SLV", "--json")
    assert {a["by"]["code"] for a in json.loads(text)} == {"SLV"}
    code, text = run("timeline", "SLV")
    assert "(by " not in text

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
    rc, _ = run("status", "United States")
    assert rc == 2
    assert "did you mean 'United States of America'" in capsys.readouterr().err

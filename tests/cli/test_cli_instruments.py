"""The command line for the ILO records: --treaty, instruments, exclusions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from migrant_convention.cli import main

TABLES = Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_numbers_for_a_bundled_ilo_convention() -> None:
    # 22 registrations of C189 by 18 Dec 2015 (counted by hand in the
    # reference data); in force for 16 (those registered by 18 Dec 2014).
    code, text = run("numbers", "--treaty", "C189", "--on", "2015-12-18", "--json")
    assert code == 0
    figures = json.loads(text)
    assert (figures["treaty"], figures["parties"], figures["in_force"]) == ("C189", 22, 16)
    code, text = run("numbers", "--treaty", "c189", "--on", "2015-12-18")
    assert code == 0
    assert text.startswith("Domestic Workers Convention, 2011 (No. 189) (C189)")


def test_an_unknown_treaty_or_two_sources_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("numbers", "--treaty", "C190")[0] == 2
    err = capsys.readouterr().err
    assert err == "error: unknown treaty 'C190' (bundled: IV-13, C097, C143, C189)\n"
    assert run("numbers", "--treaty", "C189", "--record", "x.json")[0] == 2
    assert "not both" in capsys.readouterr().err


def test_status_and_timeline_show_exclusions() -> None:
    code, text = run("status", "--treaty", "C143", "SWE", "--on", "2020-01-01")
    assert code == 0
    assert text.strip().endswith("; excluding Part II")
    code, text = run("timeline", "--treaty", "C097", "FRA", "--json")
    assert json.loads(text)[0]["excludes"] == ["Annex II"]


def test_instruments_side_by_side_in_three_formats() -> None:
    code, text = run("instruments", "--on", "2015-12-18")
    assert code == 0
    lines = text.splitlines()
    assert lines[1].split() == ["State", "ICRMW", "C097", "C143", "C189"]
    philippines = next(line for line in lines if line.strip().startswith("Philippines"))
    assert philippines.split()[1:] == ["in", "force"] * 4
    assert "Party to all 4: 1 (PHL)" in text
    # C097 has four registrations with no date: its counts before 26 Oct 2023
    # are undecidable, and said to be.
    assert "C097       undecidable" in text

    code, text = run("instruments", "--on", "2015-12-18", "--csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["code", "name", "IV-13", "C097", "C143", "C189"]
    assert ["PHL", "Philippines", *["party_in_force"] * 4] in rows

    code, text = run("instruments", "--on", "2025-01-01", "--json", "--treaty", "C189",
                     "--treaty", "C143")
    data = json.loads(text)
    assert data["instruments"] == ["C189", "C143"]
    assert data["counts"]["C189"]["parties"] == 36
    assert data["counts"]["C143"]["parties"] == 29
    assert data["undecidable"] == {}
    assert "SWE" in data["party_to_all"]  # C143 1982, C189 2019


def test_a_un_table_of_a_known_treaty_is_read_with_its_final_clauses() -> None:
    # The CRC entered into force on 2 Sep 1990: 22 States bound that day
    # (the 20th instrument and two more, 3 Aug 1990).
    code, text = run("numbers", "--record", str(TABLES / "4-11.csv"), "--on", "1990-09-02",
                     "--json", "--unchecked")
    assert code == 0
    assert json.loads(text)["in_force"] == 22


def test_a_known_status_with_an_unknown_start_is_told_not_refused() -> None:
    # The United Kingdom's C097 registration has no date ("on or before 26 Oct
    # 2023"): on 1 Jan 2025 it is in force for it, from a day not known.
    code, text = run("status", "--treaty", "C097", "GBR", "--on", "2025-01-01")
    assert code == 0
    assert text.startswith("United Kingdom (GBR) on 2025-01-01: party in force; in force for "
                           "it from a day not known")
    code, text = run("status", "--treaty", "C097", "GBR", "--on", "2025-01-01", "--json")
    got = json.loads(text)
    assert (got["status"], got["in_force_for_it"]) == ("party_in_force", None)
    # On a day its status itself depends on that date: undecidable, exit 3.
    assert run("status", "--treaty", "C097", "GBR", "--on", "2010-01-01")[0] == 3

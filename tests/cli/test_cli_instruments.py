"""The command line for the ILO records: --treaty, instruments, exclusions."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import migrant_convention as mc
from migrant_convention import csvio
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
    # With --record, --treaty names a table's clauses: the file is read first.
    assert run("numbers", "--treaty", "C189", "--record", "x.json")[0] == 2
    assert capsys.readouterr().err.startswith("error: cannot read --record: x.json")


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


def test_an_undecidable_cell_is_a_question_mark_with_a_note_saying_why() -> None:
    code, text = run("instruments", "--on", "2015-12-18")
    assert code == 0
    mauritius = next(line for line in text.splitlines() if line.strip().startswith("Mauritius"))
    assert mauritius.split()[1:] == ["-", "?", "-", "in", "force"]
    note = " ".join(text[text.index("* C097:"):].split())
    assert note.startswith("* C097: the status of GBR, MUS, NGA, ZMB ('?') and its counts on "
                           "2015-12-18 depend on dates known only approximately: MUS "
                           "ratification dated [..2023-10-26];")
    assert note.endswith("and 4 more. Give --resolve earliest or --resolve latest to choose.")
    # Both lists are printed, the States party to none of the four included.
    none_ = " ".join(text[text.index("Party to none: "):].split())
    assert none_.startswith("Party to none: 104 (AFG, AGO, AND,")
    assert "GBR" not in none_.split("Legend")[0]  # its C097 cell is undecidable


def test_resolve_chooses_and_says_so() -> None:
    code, text = run("instruments", "--on", "2015-12-18", "--resolve", "earliest")
    assert code == 0
    assert "?" not in text.split("Parties (in force")[0]
    assert "* C097" not in text
    assert "read at their earliest possible day (--resolve earliest)" in text
    code, text = run("instruments", "--on", "2015-12-18", "--resolve", "latest", "--json")
    got = json.loads(text)
    assert got["resolve"] == "latest"
    assert got["undecidable"] == {}
    assert got["counts"]["C097"]["parties"] >= 45


def test_json_names_what_an_undecidable_count_depends_on() -> None:
    code, text = run("instruments", "--on", "1979-06-01", "--json")
    assert code == 0
    got = json.loads(text)
    assert got["counts"]["C143"] is None
    assert "CMR ratification (its entry into force) dated 1978" in got["depends_on"]["C143"]
    assert got["undecidable"]["C143"].startswith("ratification by numbers on 1979-06-01 is "
                                                 "undecidable")
    cameroon = next(s for s in got["states"] if s["code"] == "CMR")
    assert cameroon["C143"] is None
    assert "CMR" not in got["party_to_all"] + got["party_to_none"]


def test_csv_is_spreadsheet_safe(tmp_path: Path) -> None:
    periods = [attrs.evolve(p, name="=HYPERLINK(\"x\")") if p.code == "PHL" else p
               for p in mc.data.states().periods]
    (tmp_path / "u.csv").write_text(csvio.write_universe(periods), encoding="utf-8")
    code, text = run("instruments", "--on", "2015-12-18", "--csv", "--universe",
                     str(tmp_path / "u.csv"))
    assert code == 0
    rows = list(csv.reader(io.StringIO(text)))
    assert ["PHL", "'=HYPERLINK(\"x\")", *["party_in_force"] * 4] in rows
    # An undecidable cell is an empty one.
    assert ["GBR", "United Kingdom of Great Britain and Northern Ireland", "no_action", "",
            "no_action", "no_action"] in rows


@pytest.mark.parametrize("argv", [
    ("instruments", "--treaty", "C999"),
    ("instruments", "--treaty", ""),
    ("instruments", "--on", "2015-02-30"),
    ("instruments", "--csv", "--json"),
    ("instruments", "--resolve", "strict"),
    ("numbers", "--treaty", "IV-14"),
    ("status", "--treaty", "C190", "PHL"),
])
def test_bad_arguments_are_one_line_exit_2(argv: tuple[str, ...],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(list(argv), io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_an_unknown_instrument_names_the_bundled_ones(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    assert run("instruments", "--treaty", "C189", "--treaty", "C999")[0] == 2
    assert capsys.readouterr().err == ("error: unknown treaty 'C999' (bundled: IV-13, C097, "
                                       "C143, C189)\n")


def test_ids_are_case_insensitive_and_not_repeated() -> None:
    code, text = run("instruments", "--on", "2025-01-01", "--json", "--treaty", "c189",
                     "--treaty", "C189", "--treaty", "iv-13")
    assert code == 0
    assert json.loads(text)["instruments"] == ["C189", "IV-13"]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_any_terminal_encoding_and_no_traceback(encoding: str) -> None:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG")}
    done = subprocess.run([sys.executable, "-m", "migrant_convention", "instruments", "--on",
                           "2015-12-18"], env={**environ, "PYTHONIOENCODING": encoding},
                          capture_output=True, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, b"")
    out = done.stdout.decode("ascii" if encoding == "ascii" else "latin-1")
    assert ("T\\xfcrkiye" if encoding == "ascii" else "T\u00fcrkiye") in out
    assert "\\u2026" in out  # the ellipsis of a shortened name


def test_a_stated_entry_into_force_the_table_does_not_give_is_a_note() -> None:
    # The ICCPR's table leaves predecessors' instruments in footnotes: the
    # record is read (exit 0), the stated day used, and the reader told.
    code, text = run("numbers", "--record", str(TABLES / "4-4.csv"), "--on", "2015-01-01")
    assert code == 0
    assert "States parties                                     168" in text
    assert ("Note: ICCPR entered into force on 1976-03-23 as stated (UN Treaty Collection"
            in text)
    assert "the stated day is the one used." in text


def test_json_carries_the_notices_only_when_there_are_some() -> None:
    code, text = run("numbers", "--record", str(TABLES / "4-4.csv"), "--on", "2015-01-01",
                     "--json")
    assert code == 0
    got = json.loads(text)
    assert got["parties"] == 168
    assert [n["code"] for n in got["notices"]] == ["stated-entry-into-force"]
    assert "1976-03-23" in got["notices"][0]["message"]
    code, text = run("numbers", "--on", "2014-12-18", "--json")
    assert "notices" not in json.loads(text)


def test_status_of_a_state_whose_acts_are_listed_under_its_continuator() -> None:
    # The UN's CRC table lists the USSR's ratification (16 Aug 1990) under the
    # Russian Federation, which continues it: in force for it on the thirtieth
    # day, 15 Sep 1990 (art. 49(2)).
    code, text = run("status", "--record", str(TABLES / "4-11.csv"), "SUN",
                     "--on", "1990-12-01")
    assert code == 0
    assert text.startswith("Union of Soviet Socialist Republics (SUN) on 1990-12-01: party in "
                           "force; in force for it from 1990-09-15")


def test_treaty_names_the_clauses_of_a_table_whatever_its_file_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A browser's second download of the CRC's table: its name is no UN id.
    table = tmp_path / "4-11 (1).csv"
    table.write_text((TABLES / "4-11.csv").read_text(encoding="utf-8"), encoding="utf-8")
    code, text = run("numbers", "--record", str(table), "--on", "1990-09-02", "--json")
    assert code == 0
    assert json.loads(text)["in_force"] is None  # deposits only: not known
    code, text = run("numbers", "--record", str(table), "--treaty", "crc",
                     "--on", "1990-09-02", "--json")
    assert code == 0
    got = json.loads(text)
    assert (got["treaty"], got["in_force"]) == ("IV-11", 22)
    # The clauses of a treaty, not a record: said how to give its table.
    assert run("numbers", "--treaty", "CRC")[0] == 2
    assert ("no record of CRC (IV-11) is bundled, only its final clauses: give its UN Treaty "
            "Collection status table, --record FILE --treaty CRC") in capsys.readouterr().err
    # A JSON record carries its own rules.
    record = tmp_path / "record.json"
    record.write_text(mc.serialize.to_json(mc.data.icrmw()), encoding="utf-8")
    assert run("numbers", "--record", str(record), "--treaty", "crc")[0] == 2
    assert "is a JSON record, which carries its own" in capsys.readouterr().err


def test_a_former_state_missing_from_a_un_table_is_noted() -> None:
    # Czechoslovakia ratified the CRC on 7 Jan 1991; the UN's 2015 table has
    # only its successors' 1993 successions (its ratification is a footnote).
    code, text = run("status", "--record", str(TABLES / "4-11.csv"), "CSK",
                     "--on", "1991-09-02")
    assert code == 0
    assert "CSK) on 1991-09-02: no action" in text
    assert "Note: no act of Czechoslovakia" in text
    assert "States that no longer exist appear in the UN's current tables only in footnotes" \
        in text
    # Not for a State that exists, nor for the bundled record.
    assert "no longer exist" not in run("status", "--record", str(TABLES / "4-11.csv"), "SWE",
                                        "--on", "1991-09-02")[1]
    assert "no longer exist" not in run("numbers", "--on", "1991-09-02")[1]
    code, text = run("numbers", "--record", str(TABLES / "4-4.csv"), "--on", "1976-03-23")
    assert "German Democratic Republic (DDR)" in text


def test_a_participant_listed_twice_is_refused_unless_unchecked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Participant,Signature\nAlbania,1 Jan 2000\nAlbania,2 Feb 2001\n",
                     encoding="utf-8")
    assert run("numbers", "--record", str(table), "--on", "2002-01-01")[0] == 2
    assert "ALB has a row already (row 2): a participant has one row" in capsys.readouterr().err
    assert run("numbers", "--record", str(table), "--on", "2002-01-01", "--unchecked")[0] == 0


def test_status_gives_the_entry_into_force_of_the_consent_in_force_that_day(
        tmp_path: Path) -> None:
    # A State that succeeded, denounced, then acceded again: on a day of its
    # first participation, the treaty is in force for it from its succession
    # (no delay), not from its later accession.
    crc = mc.data.treaty("IV-11")
    acts = (mc.Act("CZE", "succession", mc.PartialDate.parse("1993-02-22")),
            mc.Act("CZE", "denunciation", mc.PartialDate.parse("1995-03-01")),
            mc.Act("CZE", "accession", mc.PartialDate.parse("2000-05-10")))
    path = tmp_path / "rec.json"
    path.write_text(mc.serialize.to_json(mc.TreatyRecord(crc, acts)), encoding="utf-8")
    code, text = run("status", "--record", str(path), "CZE", "--on", "1994-01-01")
    assert code == 0
    assert "party in force; in force for it from 1993-02-22" in text
    # After the accession: thirty days after it (art. 49(2)).
    code, text = run("status", "--record", str(path), "CZE", "--on", "2001-01-01")
    assert "party in force; in force for it from 2000-06-09" in text


def test_acts_before_their_state_is_in_the_universe_are_explained(
        capsys: pytest.CaptureFixture[str]) -> None:
    # ICERD's table: Namibia's accession of 1982, by the UN Council for Namibia;
    # the universe has Namibia from 1990 (its notes: such acts are not a
    # State's).  Refused by default, with what --unchecked does.
    assert run("numbers", "--record", str(TABLES / "4-2.csv"))[0] == 2
    err = capsys.readouterr().err
    assert ("invalid record of ICERD (acts dated before their State is in the universe of "
            "States; --unchecked reads it as it is, each act counting from the day its State "
            "is in it)") in err
    assert "NAM accession" in err
    code, text = run("status", "--record", str(TABLES / "4-2.csv"), "NAM", "--on",
                     "1991-01-01", "--unchecked")
    assert code == 0
    assert "Namibia (NAM) on 1991-01-01: party in force" in text

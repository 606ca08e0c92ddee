"""``--record`` and ``--universe``: the command line on data other than the bundled."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

import migrant_convention as mc
from migrant_convention import csvio, serialize
from migrant_convention.cli import main

# The UN Treaty Collection's status table of the Convention, as scraped in 2015.
UNTC_4_13 = Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties" / "4-13.csv"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """The bundled record as JSON, and the bundled universe as CSV and JSON."""
    (tmp_path / "icrmw.json").write_text(serialize.to_json(mc.data.icrmw()), encoding="utf-8")
    (tmp_path / "states.csv").write_text(csvio.write_universe(mc.data.states().periods),
                                         encoding="utf-8")
    (tmp_path / "states.json").write_text(serialize.to_json(mc.data.states()), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("universe", ["states.csv", "states.json"])
def test_saved_files_give_the_bundled_answers(saved: Path, universe: str) -> None:
    for args in (["numbers", "--on", "2014-12-18", "--json"],
                 ["status", "SLV", "--on", "2003-07-01", "--json"],
                 ["timeline", "Serbia", "--json"]):
        code, bundled = run(*args)
        assert code == 0
        code, from_files = run(*args, "--record", str(saved / "icrmw.json"),
                               "--universe", str(saved / universe))
        assert code == 0
        assert json.loads(from_files) == json.loads(bundled)


def test_a_untc_table_gives_the_campaign_figures() -> None:
    # 47 ratified, 19 signatories, 131 taking no action on 18 December 2014:
    # the Step It Up campaign's figures, from the UN's own table of the time.
    code, text = run("numbers", "--on", "2014-12-18", "--json", "--record", str(UNTC_4_13))
    assert code == 0
    got = json.loads(text)
    assert (got["treaty"], got["parties"], got["signatories"], got["no_action"], got["states"]) \
        == ("IV-13", 47, 19, 131, 197)


@pytest.fixture
def unknown_table(tmp_path: Path) -> Path:
    """The Convention's UN table under a name that is no treaty's with bundled
    final clauses: read as a table of unknown rules."""
    path = tmp_path / "4-99.csv"
    path.write_bytes(UNTC_4_13.read_bytes())
    return path


def test_a_table_of_a_treaty_with_bundled_clauses_is_read_with_them() -> None:
    # The Convention's own table is read with its final clauses (art. 87):
    # in force for 47 on 18 Dec 2014, as the bundled record says.
    code, text = run("numbers", "--on", "2014-12-18", "--json", "--record", str(UNTC_4_13))
    assert code == 0
    assert json.loads(text)["in_force"] == 47


def test_a_table_without_rules_does_not_claim_an_entry_into_force(unknown_table: Path) -> None:
    UNTC_4_13 = unknown_table  # the same table, under an id of unknown rules
    code, text = run("numbers", "--on", "2014-12-18", "--record", str(UNTC_4_13))
    assert code == 0
    assert text.startswith("Treaty IV-99 (UN Treaty Collection)\n")
    assert "in force for them" not in text
    assert "Entry into force is not known from this record" in text
    code, text = run("status", "Mexico", "--on", "2014-12-18", "--record", str(UNTC_4_13))
    assert code == 0
    assert text.startswith("Mexico (MEX) on 2014-12-18: party\n")
    assert "in force for it" not in text
    code, text = run("numbers", "--by", "group", "--on", "2014-12-18",
                     "--record", str(UNTC_4_13))
    assert code == 0
    assert "In force" not in text
    assert "Entry into force is not known from this record" in text


def test_a_smaller_universe_is_the_denominator(tmp_path: Path) -> None:
    periods = [p for p in mc.data.states().periods if p.code in {"MEX", "SLV", "USA", "FRA"}]
    path = tmp_path / "four.csv"
    path.write_text(csvio.write_universe(periods), encoding="utf-8")
    code, text = run("numbers", "--on", "2014-12-18", "--json", "--universe", str(path))
    assert code == 0
    got = json.loads(text)
    # Mexico and El Salvador ratified; France and the United States did nothing.
    assert (got["parties"], got["signatories"], got["no_action"], got["states"]) == (2, 0, 2, 4)


def test_every_problem_of_a_json_record_is_named_with_its_file(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((saved / "icrmw.json").read_text(encoding="utf-8"))
    data["acts"][0]["kind"] = "signing"
    data["acts"][1]["date"] = "1991-13-22"
    bad = saved / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, _ = run("numbers", "--on", "2014-12-18", "--record", str(bad))
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}: invalid migrant_convention/record data")
    assert "$.acts[0].kind" in err
    assert "'signing'" in err
    assert "$.acts[1].date" in err
    assert "'1991-13-22'" in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--record", "record.txt"], "--record takes a file ending in .json or .csv"),
        (["--record", "missing.json"], "missing.json: No such file or directory"),
        (["--universe", "states.json", "--record", "states.json"],
         "expected migrant_convention/record data, got 'migrant_convention/universe'"),
        (["--universe", "icrmw.json"],
         "expected migrant_convention/universe data, got 'migrant_convention/record'"),
    ],
)
def test_bad_files_are_one_line_errors(
    saved: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    args: list[str], expected: str,
) -> None:
    monkeypatch.chdir(saved)
    (saved / "record.txt").write_text("not a record", encoding="utf-8")
    code, out = run("numbers", "--on", "2014-12-18", *args)
    assert (code, out) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert expected in err
    assert len(err.strip().splitlines()) == 1


def test_names_of_the_records_participants_are_understood(tmp_path: Path) -> None:
    # A record whose only participant is an organisation, known by its name.
    treaty = mc.data.icrmw_treaty()
    org = mc.Participant("EUR", "European Union", mc.ParticipantKind.ORGANIZATION)
    record = mc.TreatyRecord(treaty, [mc.Act("EUR", mc.ActKind.SIGNATURE,
                                             mc.PartialDate.day(date(2001, 2, 3)))],
                             participants=[org])
    path = tmp_path / "eu.json"
    path.write_text(serialize.to_json(record), encoding="utf-8")
    code, text = run("timeline", "european union", "--record", str(path))
    assert code == 0
    assert "2001-02-03      signature" in text


def test_a_table_without_a_date_says_so_and_json_has_no_in_force_figure(
    unknown_table: Path
) -> None:
    UNTC_4_13 = unknown_table  # the same table, under an id of unknown rules
    code, text = run("numbers", "--on", "2014-12-18", "--record", str(UNTC_4_13))
    assert code == 0
    assert "The record gives no 'as of' date" in text
    code, text = run("numbers", "--on", "2014-12-18", "--json", "--record", str(UNTC_4_13))
    got = json.loads(text)
    assert (got["as_of"], got["in_force"], got["parties"]) == (None, None, 47)
    code, text = run("numbers", "--by", "group", "--on", "2014-12-18", "--json",
                     "--record", str(UNTC_4_13))
    got = json.loads(text)
    assert {g["in_force"] for g in got["groups"]} == {None}
    assert got["totals"]["in_force"] is None
    assert got["totals"]["parties"] == 47


def test_a_table_has_no_adoption_date_to_tell(unknown_table: Path) -> None:
    # read_table's treaty has a placeholder adoption day (1945-01-01): not a fact.
    UNTC_4_13 = unknown_table  # the same table, under an id of unknown rules
    code, text = run("numbers", "--on", "1940-01-01", "--record", str(UNTC_4_13))
    assert code == 0
    assert "adopted" not in text


def test_a_code_of_the_record_outside_the_universe_is_still_understood(tmp_path: Path) -> None:
    path = tmp_path / "no_alb.csv"
    path.write_text(csvio.write_universe(p for p in mc.data.states().periods
                                         if p.code != "ALB"), encoding="utf-8")
    by_code = run("timeline", "ALB", "--universe", str(path))
    by_name = run("timeline", "Albania", "--universe", str(path))
    assert by_code == by_name
    assert by_code[0] == 0
    assert "accession" in by_code[1]  # Albania acceded on 2007-06-05
    code, text = run("status", "ALB", "--on", "2014-12-18", "--universe", str(path))
    assert code == 0
    assert "not a State of the universe on that date" in text


def test_a_file_with_many_problems_gives_one_readable_line(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A universe given as the record: its header says it is no UN table, one
    # problem rather than one per row.
    code, _ = run("numbers", "--record", str(saved / "states.csv"))
    assert code == 2
    err = capsys.readouterr().err
    assert err.rstrip().endswith("the first column must be 'Participant' (value: 'name')")
    # A table whose every row is a problem: the first few, then how many more.
    table = saved / "bad-dates.csv"
    table.write_text("Participant,Signature\n" + "".join(
        f"{name},not a date\n" for name in ("Albania", "Chile", "Mexico", "Peru", "Spain",
                                            "Sweden", "Turkey", "Uganda")), encoding="utf-8")
    code, _ = run("numbers", "--record", str(table))
    assert code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert len(err) < 2000
    assert err.rstrip().endswith("more problems")

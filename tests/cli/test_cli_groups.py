"""``numbers --by`` and ``--lang`` on the command line."""

from __future__ import annotations

import io
import json

import pytest

from migrant_convention.cli import main


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_table_by_group() -> None:
    code, text = _run("numbers", "--by", "group", "--on", "2014-12-18")
    assert code == 0
    lines = text.splitlines()
    weog = next(line for line in lines if line.strip().startswith("Western European"))
    # parties, in force, signatories, signed in all, no action, States
    assert weog.split()[-6:] == ["1", "1", "0", "1", "28", "29"]
    total = next(line for line in lines if line.strip().startswith("Total"))
    assert total.split()[-6:] == ["47", "47", "19", "38", "131", "197"]
    assert "Western European and Others (1): Türkiye." in text
    assert "no history" in " ".join(text.split())  # the note, wrapped


def test_json_by_region_sums_to_totals() -> None:
    code, text = _run("numbers", "--by", "region", "--on", "1991-06-01", "--json")
    assert code == 0
    doc = json.loads(text)
    assert doc["grouping"] == "region"
    for field in ("parties", "signatories", "no_action", "states"):
        assert sum(g[field] for g in doc["groups"]) == doc["totals"][field]
    unassigned = next(g for g in doc["groups"] if g["group"] == "unassigned")
    assert [m["code"] for m in unassigned["members"]] == ["CSK", "SUN", "YUG"]


def test_lang_translates_the_state_names() -> None:
    code, text = _run("numbers", "--by", "region", "--on", "2014-12-18", "--lang", "fr")
    assert code == 0
    assert "Algérie" in text
    code, text = _run("numbers", "--by", "subregion", "--on", "2014-12-18", "--lang", "es",
                      "--json")
    names = {m["code"]: m["name"] for g in json.loads(text)["groups"] for m in g["members"]}
    assert names["DEU"] == "Alemania"


def test_plain_numbers_unchanged() -> None:
    code, text = _run("numbers", "--on", "2014-12-18", "--json")
    assert code == 0
    assert json.loads(text)["parties"] == 47


@pytest.mark.parametrize(
    "argv",
    [
        ("numbers", "--by", "continent", "--on", "2014-12-18"),
        ("numbers", "--by", "group", "--lang", "de", "--on", "2014-12-18"),
        ("numbers", "--lang", "fr", "--on", "2014-12-18"),
    ],
)
def test_bad_options_exit_2_with_one_line(argv: tuple[str, ...],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(*argv)
    assert code == 2
    assert text == ""
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1


def test_undecidable_exits_3() -> None:
    code, _ = _run("numbers", "--by", "region", "--on", "2024-11-15")
    assert code == 3
    code, _ = _run("numbers", "--by", "region", "--on", "2024-11-15", "--resolve", "latest")
    assert code == 0


def test_lang_lists_read_as_lists() -> None:
    # Issue 16, item 6: French names as a reader expects them.
    code, out = _run("numbers", "--by", "region", "--on", "2014-12-18", "--lang", "fr")
    assert code == 0
    lines = out.splitlines()
    assert lines[3].split()[0] == "Region"  # the column says what the rows are
    parties = out[out.index("Parties:"):out.index("Signatories (signed")]
    # No inverted ISO names inside the comma-separated lists.
    assert "Bolivie, état" not in parties
    assert "Syrienne, République" not in parties
    assert "État plurinational de Bolivie" in parties
    # Accented names sort among their letter, not after Z.
    africa = parties[parties.index("Africa (18):"):parties.index("Americas")]
    assert africa.index("Égypte") < africa.index("Ghana")
    # A name is never broken at a hyphen across lines.
    assert "Saint-Vincent-et-les-Grenadines" in parties.replace("\n      ", " ")
    for line in lines:
        assert not line.rstrip().endswith("-") or set(line.strip()) == {"-"}

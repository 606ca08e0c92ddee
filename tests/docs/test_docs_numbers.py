"""The generated "Ratification by numbers" page shows the campaign's figures.

The page is written at build time by ``docs/_ext/mc_generate.py``; here its
content is generated directly (no Sphinx build, no charts drawn) and checked
against the figures the Step It Up campaign published on 18 December 2014:
47 States ratified, 19 signatories, 131 taking no action, of 197 States,
against the UN's statement that the Convention entered into force for 22
States, and against the record itself (each table row's dates, read through
the library's public API, not through the generator).  The expected values are
typed from those sources, not from the generator's output.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

import migrant_convention as mc

EXT = Path(__file__).resolve().parents[2] / "docs" / "_ext" / "mc_generate.py"


def _generator() -> ModuleType:
    name = "mc_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EXT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    text: str = _generator().numbers_page(tmp_path_factory.mktemp("numbers"), draw=False)
    return text


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every Markdown table in *text*: its header cells and its rows' cells."""
    tables: list[tuple[list[str], list[list[str]]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if (lines[i].startswith("|") and i + 1 < len(lines)
                and re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[i + 1].strip())):
            head, rows = _cells(lines[i]), []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            tables.append((head, rows))
        else:
            i += 1
    return tables


def _section(page: str, heading: str) -> str:
    """The text of the ``##`` section whose heading starts with *heading*."""
    start = page.index("\n## " + heading)
    end = page.find("\n## ", start + 1)
    return page[start:] if end == -1 else page[start:end]


def _row(page: str, first_cell: str) -> list[str]:
    """The cells of the Markdown table row whose first cell is *first_cell*."""
    for line in page.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no table row starting with {first_cell!r}")


def test_launch_date_row_has_the_published_figures(page: str) -> None:
    # | date | occasion | States parties | signatories | no action | States |
    row = _row(page, "2014-12-18")
    assert row[2:] == ["47", "19", "131", "197"]


def test_regional_table_totals_are_the_published_figures(page: str) -> None:
    # | UN regional group | parties | signatories | no action | States |
    row = _row(page, "**total**")
    assert row[1:5] == ["**47**", "**19**", "**131**", "**197**"]


def test_regional_table_rows_add_up(page: str) -> None:
    start = page.index("## By UN regional group")
    section = page[start:page.index("\n## ", start + 1)]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in section.splitlines() if re.match(r"\|\s*[A-Z]", line)]
    groups = [r for r in rows if r[0] not in ("UN regional group", "**total**")]
    # The five UN regional groups and the four non-member States with no group.
    assert [r[0] for r in groups] == [
        "African", "Asia-Pacific", "Eastern European", "Latin American and Caribbean",
        "Western European and Others", "No regional group",
    ]
    sums = [sum(int(r[i]) for r in groups) for i in range(1, 5)]
    assert sums == [47, 19, 131, 197]
    # Türkiye, counted in WEOG, is that group's one party (ratified 27 Sep 2004).
    weog = next(r for r in groups if r[0] == "Western European and Others")
    assert weog[1] == "1"
    assert "- **Western European and Others** (1): Türkiye." in section


def test_numbers_page_has_a_row_for_the_build_day(tmp_path: Path) -> None:
    page: str = _generator().numbers_page(tmp_path, draw=False, today=date(2026, 11, 27))
    row = next(line for line in page.splitlines() if line.startswith("| 2026-11-27 |"))
    # No act after the data's as-of date is in the data, so the counts of 31
    # Dec 2025: 60 parties (Zimbabwe the 60th, icrmw_notes.md §1), 40
    # signatories of which 29 ratified (ibid.), so 11 not yet bound, and
    # 197 - 60 - 11 = 126 taking no action.
    assert row.split("|")[3:7] == [" 60 ", " 11 ", " 126 ", " 197 "]


def test_every_table_has_a_cell_for_each_column(page: str) -> None:
    tables = _tables(page)
    # key dates, regional groups, States parties, signatories
    assert len(tables) == 4
    for head, rows in tables:
        assert rows
        for row in rows:
            assert len(row) == len(head), (head, row)
            assert all(row), (head, row)  # no empty cell either


def test_signatories_table_gives_each_signature_date(page: str) -> None:
    [(head, rows)] = _tables(_section(page, "Signatories on"))
    assert head == ["#", "State", "code", "signed", "act"]
    record, states = mc.data.icrmw(), mc.data.states()
    as_of = record.as_of
    assert as_of is not None
    # UNTC header "Signatories 40" of which 29 have ratified: 11 not yet bound.
    assert len(rows) == 11
    assert {r[2] for r in rows} == set(
        mc.participants_with_status(record, states, as_of, mc.Status.SIGNATORY))
    for _number, _name, code, signed, act in rows:
        signatures = [a for a in mc.timeline(record, states, code)
                      if a.kind.is_signature]
        assert signatures, code
        assert signed == str(signatures[0].date), code
        assert act.startswith(signatures[0].kind.value.replace("_", " ")), code
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert [r[3] for r in rows] == sorted(r[3] for r in rows)  # in order of signature
    by_code = {r[2]: r for r in rows}
    # icrmw_notes.md §4: signed 11 Nov 2004 by Serbia and Montenegro, listed under
    # Serbia; Montenegro's succession to that signature, 23 Oct 2006 ("d").
    assert by_code["SRB"][3:] == ["2004-11-11", "signature (by Serbia and Montenegro)"]
    assert by_code["MNE"][3:] == ["2006-10-23", "succession to signature"]
    # icrmw_notes.md §7: Palau's signature, 20 Sep 2011 (UNTC scrapes).
    assert by_code["PLW"][3] == "2011-09-20"


def test_in_force_sentence_gives_the_states_bound_on_entry_into_force(page: str) -> None:
    section = _section(page, "States parties on")
    text = " ".join(section.split())
    found = re.search(r"for the (\d+) States that had deposited their instrument before "
                      r"the Convention itself entered into force, that day, (\d+ \w+ \d{4})",
                      text)
    assert found is not None, text[:600]
    # The UN/OHCHR statement on entry into force: the Convention entered into
    # force on 1 July 2003 for the 22 countries that had ratified or acceded by
    # then (icrmw_notes.md §3; Mali, 5 Jun 2003, the 22nd).
    assert found.groups() == ("22", "1 July 2003")
    [(head, rows)] = _tables(section)
    assert head == ["#", "State", "code", "signed", "consent", "deposited", "in force"]
    first = [r for r in rows if r[6] == "2003-07-01"]
    assert len(first) == 22
    assert all(r[5] < "2003-07-01" for r in first)
    # Two instruments on the day of the twentieth (14 Mar 2003), then Mali.
    assert [(r[2], r[5]) for r in first[19:]] == [
        ("SLV", "2003-03-14"), ("GTM", "2003-03-14"), ("MLI", "2003-06-05")]


def test_charts_are_drawn_with_their_labels(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    _generator().numbers_page(tmp_path, draw=True, today=date(2026, 1, 1))
    files = {p.name for p in tmp_path.glob("*.svg")}
    assert files == {"numbers_over_time.svg", "parties_and_signatories.svg",
                     "new_parties_per_year.svg"}
    # Text is kept as text (svg.fonttype "none"), so labels can be found.
    story = (tmp_path / "parties_and_signatories.svg").read_text(encoding="utf-8")
    for label in ("States parties", "Signatories (not yet bound)", "entry into force",
                  "1 July 2003", ">60<", ">11<"):
        assert label in story, label
    everyone = (tmp_path / "numbers_over_time.svg").read_text(encoding="utf-8")
    assert "No action" in everyone
    assert "entry into force" in everyone

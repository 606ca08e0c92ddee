"""The generated "Ratification by numbers" page shows the campaign's figures.

The page is written at build time by ``docs/_ext/mc_generate.py``; here its
content is generated directly (no Sphinx build, no charts drawn) and checked
against the figures the Step It Up campaign published on 18 December 2014:
47 States ratified, 19 signatories, 131 taking no action, of 197 States.
The expected values are typed from that post, not from the generator's output.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

EXT = Path(__file__).resolve().parent.parent / "docs" / "_ext" / "mc_generate.py"


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

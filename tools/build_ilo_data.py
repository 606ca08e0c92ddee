"""Build the bundled ILO records from the project's reference data.

Reads ``shared/data/ilo/ilo_actions.csv`` (one file for C097, C143 and C189,
with a ``convention`` column) and writes one acts file per convention into
``src/migrant_convention/_data/`` in the library's acts layout, adding:

* ``excludes``: the parts a ratification excludes, as the reference data's
  notes record them (NORMLEX for the C097 Annexes; CEACR 2007 for New
  Zealand's Annex I; SÖ 1982:76 for Sweden's C143 Part II) — see
  :data:`EXCLUDES`, checked against the notes by the test suite;
* for a registration with no date at all (``XXXX``: the State is a party per
  the source read, but no date of any precision is sourced), the honest
  bound ``[..<as of>]``: on or before the dataset's "as of" date, the day
  through which the list is complete.  The note says so.

Run from the repository's root: ``python tools/build_ilo_data.py``.  The test
``tests/data/test_ilo_data.py`` checks that the bundled files are what this
script writes from the reference data.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

from migrant_convention.core.acts import Act, parse_action
from migrant_convention.core.dates import PartialDate
from migrant_convention.formats import csvio

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "data" / "ilo" / "ilo_actions.csv"
OUT = ROOT / "src" / "migrant_convention" / "_data"

#: The day through which each list is complete (ilo_notes.md): C097 and C143
#: match NORMLEX's counts, the last registration being Congo's of 26 Oct
#: 2023; C189 is complete through Spain's, published in the BOE on 3 Apr 2023.
AS_OF = {"C097": date(2023, 10, 26), "C143": date(2023, 10, 26), "C189": date(2023, 4, 3)}

_ALL_ANNEXES = ("Annex I", "Annex II", "Annex III")
#: The exclusions the notes record, by convention and State.
EXCLUDES: dict[tuple[str, str], tuple[str, ...]] = {
    **{("C097", c): _ALL_ANNEXES for c in (
        "BHS", "BRB", "CMR", "CYP", "DMA", "ECU", "GRD", "GUY", "JAM", "KEN")},
    ("C097", "DZA"): ("Annex II",),
    ("C097", "FRA"): ("Annex II",),
    ("C097", "BIH"): ("Annex III",),
    ("C097", "NZL"): ("Annex I",),
    ("C143", "SWE"): ("Part II",),
}
UNDATED_NOTE = ("; registration date not sourced (XXXX in the reference data): kept as on or "
                "before the dataset's as-of date")


def file_name(convention: str) -> str:
    return f"ilo_{convention.lower()}_actions.csv"


def acts_of(rows: list[dict[str, str]], convention: str) -> list[Act]:
    acts = []
    for row in rows:
        if row["convention"] != convention:
            continue
        kind, article = parse_action(row["action"])
        note = row["note"]
        if row["date"] == "XXXX":
            when = PartialDate.parse(f"[..{AS_OF[convention].isoformat()}]")
            note += UNDATED_NOTE
        else:
            when = PartialDate.parse(row["date"])
        acts.append(Act(row["iso3"], kind, when, article, tuple(row["sources"].split(" | ")),
                        note, row["participant"], EXCLUDES.get((convention, row["iso3"]), ())))
    return acts


def build(reference: Path = REFERENCE) -> dict[str, str]:
    """Each bundled file's name and text."""
    with reference.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {file_name(c): csvio.write_acts(acts_of(rows, c)) for c in AS_OF}


def main() -> int:
    for name, text in build().items():
        (OUT / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

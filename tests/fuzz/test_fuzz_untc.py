"""UN Treaty Collection tables under attack: ``untc.parse_table`` and
``untc.read_table`` given any text and the 324 real tables of 2015, sampled,
mutated (bits flipped, lines deleted, duplicated, swapped, the text cut short,
cells replaced by far dates, huge numbers, lone surrogates, formulas,
quotes...), checked or not, with or without a universe.

Only the library's errors come out, printable and located; every problem of a
reading is located; every non-empty cell is an act or a problem; ``read_table``
refuses exactly what ``parse_table`` finds problems in; a record read is
whole-record valid when checked, and round-trips through JSON.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import HOSTILE_TEXT, TABLES, attack, check_problem, edits, examples, mutate, table
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention.core.validate import problems as record_problems
from migrant_convention.errors import ValidationError
from migrant_convention.formats import serialize, untc

HEADER = ('Participant,"Signature, Succession to signature(d)",'
          '"Ratification, Accession(a), Succession(d)"\n')


def read(text: str, source: str, validate: bool, universe: mc.Universe | None) -> None:
    """Both readers under attack, and what they promise of each other."""
    reading = attack(lambda: untc.parse_table(text, source, validate=validate,
                                              universe=universe))
    assert reading is not None, "parse_table reports problems, it does not raise them"
    for problem in reading.all_problems:
        check_problem(problem)
    if not reading.unlisted:
        assert reading.cells == len(reading.record.acts) + len(reading.problems)
    assert len(reading.locations) == len(reading.record.acts)
    if reading.all_problems:
        with pytest.raises(ValidationError) as refused:
            untc.read_table(text, source, validate=validate, universe=universe)
        assert [str(p) for p in refused.value.problems] == [
            str(p) for p in reading.all_problems]
        return
    record = untc.read_table(text, source, validate=validate, universe=universe)
    assert not reading.all_problems
    assert record == reading.record
    if validate:
        assert not record_problems(record, universe)
    again = serialize.from_json(serialize.to_json(record), mc.TreatyRecord, validate=False)
    assert again == record


@examples()
@given(st.text(max_size=300) | HOSTILE_TEXT, st.booleans())
def test_any_text(text: str, under_header: bool) -> None:
    read(HEADER + text if under_header else text, "t.csv", True, None)


@examples()
@given(st.sampled_from(TABLES), edits(), st.booleans(), st.booleans())
def test_mutated_un_tables(path: Path, changes: list[tuple[str, int, int, str]],
                           validate: bool, with_universe: bool) -> None:
    text = mutate(table(path), changes)
    read(text, path.name, validate, mc.data.states() if with_universe else None)


@examples(0.5)
@given(st.sampled_from(TABLES), st.integers(0, 10**6), st.integers(0, 9),
       st.sampled_from(["9999-12-31", "31 Dec 9999", "1 Jan 0001", "32 Jan 2000",
                        "29 Feb 2001", "5 Jun 2007 q", "5 Jun 2007 a 1, 2", "\ud800",
                        "=SUM(A1)", '"', "１ Jan 2000", "5 Jun 99999999999999999999",
                        "5 Jun 2007\n", "Albania", ""])
       | HOSTILE_TEXT)
def test_one_hostile_cell_in_a_real_table(path: Path, row: int, column: int, cell: str) -> None:
    text = mutate(table(path), [("cell", row, column, cell)])
    read(text, path.name, True, None)

"""CSV reading and writing: lossless, with every bad cell reported."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from migrant_convention import ActKind, ValidationError
from migrant_convention.formats.csvio import read_acts, read_universe, write_acts, write_universe


def _bundled(name: str) -> str:
    return files("migrant_convention").joinpath("_data", name).read_text(encoding="utf-8")


def test_bundled_acts_round_trip_byte_for_byte() -> None:
    text = _bundled("icrmw_actions.csv")
    acts, _ = read_acts(text, "icrmw_actions.csv")
    assert write_acts(acts) == text.replace("\r\n", "\n")


def test_bundled_universe_round_trip_byte_for_byte() -> None:
    text = _bundled("states_universe.csv")
    assert write_universe(read_universe(text)) == text.replace("\r\n", "\n")


def test_bundled_copies_equal_the_reference_data(shared_data: Path) -> None:
    for name in ("icrmw_actions.csv", "states_universe.csv"):
        assert _bundled(name) == (shared_data / name).read_text(encoding="utf-8"), name


def test_participants_keep_names() -> None:
    acts, participants = read_acts(_bundled("icrmw_actions.csv"))
    by_code = {p.code: p for p in participants}
    assert by_code["CPV"].name == "Cabo Verde"
    assert acts[0].listed_as == "Albania"
    assert acts[0].kind is ActKind.ACCESSION


def test_all_bad_cells_reported_with_row_and_field() -> None:
    text = (
        "participant,iso3,action,date,note,sources\n"
        "Albania,ALB,accession,2007-06-05,,src\n"
        "Atlantis,ATL,signature,2001-01-01,,src\n"
        "Algeria,DZA,acession,2005-04-21,,src\n"
        "Argentina,ARG,signature,2004-02-30,,src\n"
        ",BRA,signature,2004-01-01,,src\n"
        "Chile,CHL,signature,2004-01-01,,src,extra\n"
    )
    with pytest.raises(ValidationError) as info:
        read_acts(text, "mine.csv")
    where = [p.location for p in info.value.problems]
    assert where == [
        "mine.csv, row 3, field 'iso3'",
        "mine.csv, row 4, field 'action'",
        "mine.csv, row 5, field 'date'",
        "mine.csv, row 6, field 'participant'",
        "mine.csv, row 7",
    ]
    values = [p.value for p in info.value.problems]
    assert values[:3] == ["ATL", "acession", "2004-02-30"]


def test_missing_columns() -> None:
    with pytest.raises(ValidationError, match="missing column"):
        read_acts("participant,iso3\nAlbania,ALB\n", "x.csv")


def test_bad_universe_rows() -> None:
    text = (
        "name,iso3,iso3166_status,from_date,to_date,basis,continues,sources\n"
        "Albania,ALB,current,1955-12-14,1955-12-01,un_member,,s\n"
        "Nowhere,,none,1955-12-14,,un_member,,s\n"
        "France,FRA,current,1945-10-24,,member,,s\n"
        "Russia,RUS,current,1991-12-24,,un_member,SUN,s\n"
    )
    with pytest.raises(ValidationError) as info:
        read_universe(text, "u.csv")
    codes = [p.code for p in info.value.problems]
    assert codes == ["bad-range", "missing-value", "bad-value", "unknown-participant"]


def test_overlapping_universe_rows_are_named_by_row() -> None:
    text = (
        "name,iso3,iso3166_status,from_date,to_date,basis,continues,sources\n"
        "Algeria,DZA,current,1962-10-08,,un_member,,s\n"
        "France,FRA,current,1945-10-24,1950-01-01,un_member,,s\n"
        "Algeria,DZA,current,1962-10-08,,un_member,,s\n"
        "France,FRA,current,1949-12-31,,un_member,,s\n"
    )
    with pytest.raises(ValidationError) as info:
        read_universe(text, "u.csv")
    got = [(p.location, p.value, p.message, p.code) for p in info.value.problems]
    assert got == [
        ("u.csv, row 4, field 'from_date'", "1962-10-08",
         "DZA is already in the universe then (row 2: from 1962-10-08, open)", "overlap"),
        ("u.csv, row 5, field 'from_date'", "1949-12-31",
         "FRA is already in the universe then (row 3: from 1945-10-24 to 1950-01-01)",
         "overlap"),
    ]


def test_byte_order_mark_is_not_part_of_the_header() -> None:
    text = "\ufeffparticipant,iso3,action,date,note,sources\nAlbania,ALB,accession,2007-06-05,,s\n"
    acts, _ = read_acts(text, "excel.csv")
    assert [a.participant for a in acts] == ["ALB"]

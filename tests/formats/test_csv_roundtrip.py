"""The CSV layer: lossless round trips of the bundled files and of any acts it can hold."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
import strategies as s
from migrant_convention import csvio
from migrant_convention.errors import ValidationError


def _bundled(name: str) -> str:
    return files("migrant_convention").joinpath("_data", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["icrmw_actions.csv", "states_universe.csv"])
def test_bundled_files_rewrite_byte_identical(name: str) -> None:
    text = _bundled(name)
    if name == "icrmw_actions.csv":
        acts, _ = csvio.read_acts(text, name)
        assert csvio.write_acts(acts) == text
    else:
        assert csvio.write_universe(csvio.read_universe(text, name)) == text
    # That the package copies are the shared reference data, unchanged, is
    # test_csvio.test_bundled_copies_equal_the_reference_data.


# What the acts layout can hold: a name as listed (no edge blanks), an article
# only on a declaration, sources without the " | " separator.
listed = st.text(s.chars, min_size=1, max_size=12).map(str.strip).filter(bool)
csv_acts = st.builds(
    mc.Act, st.sampled_from(["ALB", "SRB", "ORG-EU", "SUN"]),
    st.sampled_from([k for k in mc.ActKind if k is not mc.ActKind.DECLARATION]),
    s.partial_dates, st.none(), st.lists(s.source, max_size=3), s.text, listed,
) | st.builds(mc.Act, st.just("MEX"), st.just(mc.ActKind.DECLARATION), s.partial_dates,
              st.sampled_from(["76", "77"]), st.lists(s.source, max_size=2),
              s.text, listed)


@given(st.lists(csv_acts, max_size=6))
def test_acts_round_trip_through_csv(acts: list[mc.Act]) -> None:
    text = csvio.write_acts(acts)
    back, _ = csvio.read_acts(text)
    assert list(back) == acts
    assert csvio.write_acts(back) == text


@given(s.universes())
def test_universe_round_trips_through_csv(universe: mc.Universe) -> None:
    periods = [p for p in universe.periods if p.continues is None]
    back = csvio.read_universe(csvio.write_universe(periods))
    assert list(back) == periods


@pytest.mark.parametrize("note", ["a\rb", "a\nb", "a\tb", "a\x1b[2Jb", "\x85", "\ud800"])
def test_a_note_that_is_not_one_line_of_text_is_refused_as_json_refuses_it(note: str) -> None:
    # The same check as the JSON reader's: a note is one line of characters.
    act = mc.Act("ALB", mc.ActKind.SIGNATURE, mc.PartialDate.parse("2000"), note=note,
                 listed_as="Albania")
    written = csvio.write_acts([act])
    assert _problems(written) == [("mine.csv, row 2, field 'note'", note, "bad-text")]
    with pytest.raises(ValidationError) as info:
        mc.serialize.from_json(mc.serialize.to_json(act), mc.Act)
    assert [p.code for p in info.value.problems] == ["bad-text"]


def _problems(text: str) -> list[tuple[str, object, str]]:
    with pytest.raises(ValidationError) as info:
        csvio.read_acts(text, "mine.csv")
    return [(p.location, p.value, p.code) for p in info.value.problems]


def test_every_bad_acts_cell_is_reported_with_file_row_and_field() -> None:
    text = ("participant,iso3,action,date,note,sources\n"
            "Albania,ALB,accession,2007-06-05,,\n"
            "Atlantis,ATL,accession,2007-06-05,,\n"
            "Algeria,DZA,ratify,2005-04-21,,\n"
            "Algeria,DZA,accession,2005-04-31,,\n"
            ",MEX,signature,1991,,\n"
            "Mexico,MEX,signature,1991,,,extra\n")
    assert _problems(text) == [
        ("mine.csv, row 3, field 'iso3'", "ATL", "unknown-participant"),
        ("mine.csv, row 4, field 'action'", "ratify", "unknown-kind"),
        ("mine.csv, row 5, field 'date'", "2005-04-31", "bad-date"),
        ("mine.csv, row 6, field 'participant'", "", "missing-value"),
        ("mine.csv, row 7", "extra", "extra-cells"),
    ]


def test_missing_and_unknown_columns_are_reported() -> None:
    assert [c for _, _, c in _problems("participant,iso3,action,note,sources\n")] == [
        "missing-column"]
    assert [c for _, _, c in _problems(
        "participant,iso3,action,date,note,sources,colour\nAlbania,ALB,accession,2007,,,red\n"
    )] == ["unknown-column"]


def test_bad_universe_rows_are_reported() -> None:
    text = ("name,iso3,iso3166_status,from_date,to_date,basis,continues,sources\n"
            "Albania,ALB,current,1955-12-14,1955-12-01,un_member,,\n"
            "Algeria,DZA,current,1962-10-08,,member,XYZ,\n")
    with pytest.raises(ValidationError) as info:
        csvio.read_universe(text, "u.csv")
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("u.csv, row 2, field 'to_date'", "bad-range"),
        ("u.csv, row 3, field 'basis'", "bad-value"),
        ("u.csv, row 3, field 'continues'", "unknown-participant"),
    ]

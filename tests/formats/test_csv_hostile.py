"""Hostile CSV (issue 12): formula cells on writing, a bounded number of
problems on reading, UN tables checked as records, dates past the range.

Each test is a reproducer from the issue or a class of them; the core
model's side is in test_hostile_core.py.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention import (
    Act,
    ActKind,
    Basis,
    Event,
    EventKind,
    Membership,
    PartialDate,
    ValidationError,
    data,
    untc,
)
from migrant_convention._rows import (
    MAX_PROBLEMS,
    Problems,
    escape_cell,
    text_problem,
    unescape_cell,
)
from migrant_convention.errors import Problem
from migrant_convention.formats import csvio, event_csv, tidy

ACTS = "participant,iso3,action,date,note,sources\n"
UNIVERSE = "name,iso3,iso3166_status,from_date,to_date,basis,continues,sources\n"
EVENTS = "date,end_date,title,kind,organisers,location,description,sources\n"
TABLES = Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties"

# The cells, and the other starts a spreadsheet runs (OWASP's list).
FORMULAS = ['=HYPERLINK("http://x.example","click")', "+1+1", "@SUM(A1:A9)", "-1+1",
            "-2+3+cmd|' /C calc'!A0", "=1", "\tx", "\r=1", "-", "+", "-x", "+1.5e3", "-.5",
            "=", "@"]
# Not formulas: numbers, dates, text, and cells starting with a blank.
PLAIN = ["-5", "+1", "-1.25", "2014", "2014-12-18", "[..2013-07-09]", "2016-10-25?", "a=b",
         " =1", "", "x", "Ａ"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# -- the escaping rule ---------------------------------------------------------------

@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_like_cells_are_written_after_a_quote_mark(cell: str) -> None:
    assert escape_cell(cell) == "'" + cell
    assert unescape_cell(escape_cell(cell)) == cell


@pytest.mark.parametrize("cell", PLAIN)
def test_numbers_dates_and_text_are_written_as_they_are(cell: str) -> None:
    assert escape_cell(cell) == cell


def test_a_real_leading_quote_mark_is_doubled_so_it_survives() -> None:
    assert escape_cell("'tis") == "''tis"
    assert unescape_cell("''tis") == "'tis"
    assert escape_cell("'=1") == "''=1"


@given(st.text())
def test_escaping_round_trips_any_text_and_leaves_no_formula(text: str) -> None:
    written = escape_cell(text)
    assert unescape_cell(written) == text
    if written[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # Only a number starts so: a sign, digits, a point and digits.
        body = written[1:]
        assert body.replace(".", "", 1).isascii()
        assert body.replace(".", "", 1).isdigit()


# -- every writer, round trip -----------------------------------------------------------

def _act(note: str, listed_as: str = "Albania", source: str = "s") -> Act:
    return Act("ALB", ActKind.ACCESSION, PartialDate.parse("2007-06-05"), note=note,
               listed_as=listed_as, sources=(source,))


@pytest.mark.parametrize("cell", [*(f for f in FORMULAS if text_problem(f) is None),
                                  "'tis", "''", "'"])
def test_acts_csv_neutralises_formulas_and_reads_them_back(cell: str) -> None:
    act = _act(cell, listed_as="=cmd" if cell != "'" else "Albania", source="@" + cell)
    text = csvio.write_acts([act])
    row = _cells(text)[1]
    assert row[4] == "'" + cell  # the note
    assert all(c[:1] not in ("=", "+", "-", "@", "\t", "\r") for c in row)
    acts, _ = csvio.read_acts(text, "x.csv")
    assert acts == (act,)


def test_universe_csv_neutralises_formulas_and_reads_them_back() -> None:
    period = Membership("ALB", "=HYPERLINK(\"x\")", date(1955, 12, 14), None, Basis.UN_MEMBER,
                        sources=("+1+1", "'quoted"))
    text = csvio.write_universe([period])
    assert _cells(text)[1][0] == "'=HYPERLINK(\"x\")"
    assert _cells(text)[1][7] == "'+1+1 | 'quoted"
    assert csvio.read_universe(text, "u.csv") == (period,)


def test_event_csv_neutralises_formulas_and_reads_them_back() -> None:
    event = Event("=HYPERLINK(\"x\")", EventKind.OTHER, PartialDate.parse("2015-12"),
                  location="@SUM(A1)", description="- first\n- second",
                  organisers=("+1+1", "OHCHR"), sources=("'tis",))
    text = event_csv.write_events([event])
    row = _cells(text)[1]
    assert [row[2], row[4], row[5], row[6], row[7]] == [
        "'=HYPERLINK(\"x\")", "'+1+1; OHCHR", "'@SUM(A1)", "'- first\n- second", "''tis"]
    assert row[0] == "2015-12"  # a date is not a formula
    assert event_csv.read_events(text, "e.csv") == (event,)


def test_a_carriage_return_in_an_event_description_reads_back() -> None:
    # event_csv wrote a lone "\r" unquoted, and the row did not read back.
    event = Event("a", EventKind.OTHER, PartialDate.parse("2015"), description="\r=1\rb",
                  sources=("s",))
    assert event_csv.read_events(event_csv.write_events([event])) == (event,)


@pytest.mark.parametrize("cell", [f for f in FORMULAS if text_problem(f) is not None])
def test_a_control_character_is_written_safely_and_refused_on_reading(cell: str) -> None:
    # A tab or a carriage return is not text of a one-line cell: written
    # spreadsheet-safe all the same, then refused where it is, as JSON does.
    text = csvio.write_acts([_act(cell)])
    assert _cells(text)[1][4] == "'" + cell
    with pytest.raises(ValidationError) as info:
        csvio.read_acts(text, "x.csv")
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("x.csv, row 2, field 'note'", "bad-text")]


def test_tidy_csv_is_for_programs_and_neutralises_text_for_spreadsheets_when_asked() -> None:
    # Tidy rows are read by programs (pandas, csv), which would keep a quote
    # mark: the text is as it is unless a spreadsheet is the reader.
    rows: list[dict[str, tidy.Value]] = [
        {"note": "=1+1", "n": -5, "flag": True, "none": None, "date": "2014-12-18"}]
    assert tidy.to_csv(rows).splitlines()[1] == "=1+1,-5,true,,2014-12-18"
    assert tidy.to_csv(rows, escape_formulas=True) == (
        "note,n,flag,none,date\n'=1+1,-5,true,,2014-12-18\n")


def test_a_hand_written_leading_quote_mark_is_read_as_an_escape() -> None:
    text = ACTS + "'Albania,ALB,accession,'2007-06-05,'=note,s\n"
    [act], _ = csvio.read_acts(text, "x.csv")
    assert (act.listed_as, str(act.date), act.note) == ("Albania", "2007-06-05", "=note")


@pytest.mark.parametrize("name", ["icrmw_actions.csv", "states_universe.csv",
                                  "campaign_events.csv"])
def test_the_bundled_files_still_rewrite_byte_for_byte(name: str) -> None:
    from importlib.resources import files

    text = files("migrant_convention").joinpath("_data", name).read_text(encoding="utf-8")
    if name == "icrmw_actions.csv":
        assert csvio.write_acts(csvio.read_acts(text, name)[0]) == text
    elif name == "states_universe.csv":
        assert csvio.write_universe(csvio.read_universe(text, name)) == text
    else:
        assert event_csv.write_events(event_csv.read_events(text, name)) == text


# -- a bounded number of problems --------------------------------------------------------

def test_many_bad_rows_keep_a_thousand_problems_and_count_the_rest() -> None:
    # Issue 12: 10^6 bad rows built 2 M problems and a 2.4 GB message.
    n = 20_000
    with pytest.raises(ValidationError) as info:
        csvio.read_acts(ACTS + "Atlantis,ATL,acession,9999,,s\n" * n, "x.csv")
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    last = problems[-1]
    assert (last.location, last.code) == ("x.csv", "too-many-problems")
    assert last.value == 3 * n - MAX_PROBLEMS  # three bad cells a row
    assert f"{3 * n - MAX_PROBLEMS} more problems not listed" in str(info.value)
    assert len(str(info.value)) < 200 * MAX_PROBLEMS


@pytest.mark.parametrize(("read", "header", "row"), [
    (csvio.read_universe, UNIVERSE, "X,ALB,current,1955-12-14,,member,,s\n"),
    (event_csv.read_events, EVENTS, "2015,,t,party,,,,s\n"),
])
def test_every_csv_reader_caps_its_problems(read: object, header: str, row: str) -> None:
    with pytest.raises(ValidationError) as info:
        read(header + row * (MAX_PROBLEMS + 10), "f.csv")  # type: ignore[operator]
    assert len(info.value.problems) == MAX_PROBLEMS + 1
    assert info.value.problems[-1].value == 10


def test_a_problem_list_counts_what_it_does_not_keep() -> None:
    found = Problems("f.csv", limit=2)
    found.extend(Problem(f"f.csv, row {i}", i, "bad") for i in range(5))
    assert (len(found), found.more, found.found) == (2, 3, 5)
    assert [p.code for p in found.listed()] == ["invalid", "invalid", "too-many-problems"]
    assert Problems("f.csv").listed() == []


def test_a_un_table_caps_its_cell_problems() -> None:
    # One column per cell, so that no participant has two rows.
    n = MAX_PROBLEMS + 5
    text = ("Participant," + ",".join(["Ratification"] * n) + "\n"
            + "Albania," + ",".join(["not a date"] * n) + "\n")
    reading = untc.parse_table(text, "t.csv")
    assert len(reading.problems) == MAX_PROBLEMS
    # ... and the n - 1 columns with the same header as the first: capped too.
    assert [p.code for p in reading.table_problems] == ["duplicate-column"] * MAX_PROBLEMS
    assert reading.unlisted == 5 + (n - 1 - MAX_PROBLEMS)
    assert reading.all_problems[-1].code == "too-many-problems"
    with pytest.raises(ValidationError) as info:
        untc.read_table(text, "t.csv")
    assert info.value.problems[-1].value == reading.unlisted


def test_a_un_table_names_a_participant_s_second_row_and_a_repeated_column() -> None:
    text = ("Participant,Signature,Signature\n"
            "Albania,1 Jan 2000,\n"
            "Chile,,\n"
            "Albania,2 Feb 2001,\n")
    reading = untc.parse_table(text, "t.csv")
    assert [(p.code, p.location) for p in reading.all_problems] == [
        ("duplicate-column", "t.csv, row 1, column 3"),
        ("duplicate-participant", "t.csv, row 4, column 'Participant'"),
    ]
    assert "ALB has a row already (row 2)" in reading.all_problems[1].message
    assert untc.parse_table(text, "t.csv", validate=False).record_problems == ()
    # Every cell still read (and counted): nothing dropped.
    assert reading.acts == 2


@pytest.mark.parametrize(("text", "says"), [
    ('{"format": "migrant_convention/record", "version": 1}', "JSON, not a status table"),
    ("Participant\tSignature\nAlbania\t1 Jan 2000\n", "tab-separated"),
    ('Participant\t"Signature, Succession to signature(d)"\nAlbania\t1 Jan 2000\n',
     "tab-separated"),
])
def test_what_is_not_a_table_is_one_problem_saying_what_it_is(text: str, says: str) -> None:
    reading = untc.parse_table(text, "t.csv")
    assert [p.code for p in reading.all_problems] == ["not-a-table"]
    assert says in reading.all_problems[0].message


def test_a_wrong_header_is_one_problem_not_one_per_cell() -> None:
    text = "Name,Sig,Rat\n" + "".join(f"Albania,1 Jan {1990 + i},\n" for i in range(20))
    reading = untc.parse_table(text, "t.csv")
    assert [p.code for p in reading.all_problems] == ["bad-header"]


# -- dates past the supported range, from CSV --------------------------------------------

@pytest.mark.parametrize("text", ["9999", "9999-10-01", "[..9999-12-31]", "0999-01-01",
                                  "２０１４", "٢٠١٤-١٢-١٨"])
def test_a_date_the_library_cannot_compute_with_is_a_located_problem(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        csvio.read_acts(ACTS + f"Albania,ALB,accession,{text},,s\n", "x.csv")
    [problem] = info.value.problems
    assert (problem.location, problem.value, problem.code) == (
        "x.csv, row 2, field 'date'", text, "bad-date")
    with pytest.raises(ValidationError, match=r"e\.csv, row 2, field 'date'"):
        event_csv.read_events(EVENTS + f"{text},,t,other,,,,s\n", "e.csv")


# -- UN tables -----------------------------------------------------------------------------

def test_treaty_id_reads_the_extension_in_any_case() -> None:
    assert untc.treaty_id("4-13.CSV") == "IV-13"
    assert untc.treaty_id("dir/10-11-a.Csv") == "X-11-a"
    assert untc.treaty_id("4-13.csv") == "IV-13"


HEADER = 'Participant,Signature,"Ratification, Accession(a)"\n'


def test_a_un_table_is_checked_as_a_record_by_default() -> None:
    # A second consent, and (with the Convention's rules and the States) a
    # signature before adoption and one by a State that no longer existed.
    text = HEADER + ("Albania,,5 Jun 2007 a\nAlbania,,6 Jun 2008 a\n"
                     "Mexico,22 May 1980,8 Mar 1999\nCzechoslovakia,1 Jan 2005,\n")
    with pytest.raises(ValidationError) as info:
        untc.read_table(text, "t.csv")
    # Albania's second row is itself a problem of the table, and its act one
    # of the record.
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("t.csv, row 3, column 'Participant'", "duplicate-participant"),
        ("t.csv, row 3, column 'Ratification, Accession(a)', field 'action'",
         "second-consent")]
    with pytest.raises(ValidationError) as info:
        untc.read_table(text, "t.csv", treaty=data.icrmw_treaty(), universe=data.states())
    assert [(p.location.split(", column")[0], p.code) for p in info.value.problems] == [
        ("t.csv, row 3", "duplicate-participant"),
        ("t.csv, row 3", "second-consent"),
        ("t.csv, row 4", "before-opening"),
        ("t.csv, row 5", "outside-universe"),
    ]
    # The raw record, for who wants it.
    record = untc.read_table(text, "t.csv", validate=False)
    assert len(record.acts) == 5
    assert untc.parse_table(text, "t.csv", validate=False).record_problems == ()


@pytest.mark.skipif(not TABLES.is_dir(), reason="test tables not available")
def test_the_324_un_tables_are_valid_records_and_their_acts_mostly_in_the_universe() -> None:
    # By default (rules unknown, no universe) no table has a record problem;
    # against the bundled universe, 79 acts in 27 tables are dated before
    # their State was in it (ratifications of the Charter in August to
    # October 1945, signatures before independence or admission, and the
    # declarations of acceptance of the Charter's obligations by Afghanistan,
    # Iceland and Sweden, adopted by the General Assembly on 9 November 1946,
    # ten days before their admission).
    states = data.states()
    default = universe = 0
    tables = 0
    for f in sorted(TABLES.glob("*.csv")):
        text = f.read_text(encoding="utf-8")
        reading = untc.parse_table(text, f.name, universe=states)
        assert reading.unlisted == 0
        assert {p.code for p in reading.record_problems} <= {"outside-universe"}
        universe += len(reading.record_problems)
        tables += bool(reading.record_problems)
        default += len(untc.parse_table(text, f.name).record_problems)
    assert (default, universe, tables) == (0, 79, 27)


def test_reading_a_table_never_raises_anything_but_the_librarys_errors() -> None:
    for text in (HEADER + "Albania,1 Jan 9999,\n", HEADER + "Albania,,31 Dec 0999 a\n",
                 HEADER + "Albania,,１ Jan 2000\n"):
        reading = untc.parse_table(text, "t.csv")
        assert not reading.record.acts
        assert [p.code for p in reading.problems] in (["bad-date"], ["not-a-date"])


def test_counts_of_a_table_read_with_the_conventions_rules_are_unchanged() -> None:
    if not TABLES.is_dir():
        pytest.skip("test tables not available")
    text = (TABLES / "4-13.csv").read_text(encoding="utf-8")
    record = untc.read_table(text, "4-13.csv", treaty=data.icrmw_treaty(),
                             universe=data.states())
    c = mc.counts(record, data.states(), date(2014, 12, 18))
    assert (c.parties, c.signatories, c.no_action) == (47, 19, 131)


# -- any text: only the library's errors ------------------------------------------------

def _bundled_text(name: str) -> str:
    from importlib.resources import files

    return files("migrant_convention").joinpath("_data", name).read_text(encoding="utf-8")


READERS: dict[str, Callable[[str], object]] = {
    "icrmw_actions.csv": lambda t: csvio.read_acts(t, "f.csv"),
    "states_universe.csv": lambda t: csvio.read_universe(t, "f.csv"),
    "campaign_events.csv": lambda t: event_csv.read_events(t, "f.csv"),
}
CELLS = st.sampled_from(["", "'", "'=1", "=1", "9999", "0999-01-01", "[..9999-12-31]",
                         "２０１４", '"', '""', "\r", "\n", ",", "SUN", "RUS", "historic:x",
                         "un_member", "accession", "1990-01-01", "-", "+1+1", "\ufeff"])


def _problems_of(read: Callable[[str], object], text: str) -> tuple[Problem, ...]:
    """The problems *read* reports in *text* (none if it reads it); any other
    exception fails the test."""
    try:
        read(text)
    except ValidationError as exc:
        if not exc.problems:
            raise AssertionError("a ValidationError without problems") from exc
        return exc.problems
    return ()


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A bundled file with a few lines or cells replaced, inserted or cut."""
    name = draw(st.sampled_from(sorted(READERS)))
    lines = _bundled_text(name).splitlines(keepends=True)[:40]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["cell", "line", "cut", "copy"]))
        if how == "cell":
            cells = lines[i].split(",")
            cells[draw(st.integers(0, len(cells) - 1))] = draw(CELLS)
            lines[i] = ",".join(cells)
        elif how == "line":
            lines.insert(i, ",".join(draw(st.lists(CELLS, max_size=9))) + "\n")
        elif how == "cut":
            lines[i] = lines[i][:draw(st.integers(0, len(lines[i])))]
        else:
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
    return name, "".join(lines)


@given(mutated())
def test_a_mutated_bundled_file_gives_data_or_located_problems(case: tuple[str, str]) -> None:
    name, text = case
    assert all(p.location.startswith("f.csv") for p in _problems_of(READERS[name], text))


@given(st.text(max_size=300))
def test_any_text_gives_data_or_located_problems_from_every_csv_reader(text: str) -> None:
    for read in READERS.values():
        assert all(p.location.startswith("f.csv") for p in _problems_of(read, text))
    reading = untc.parse_table(text, "t.csv")
    assert all(p.location.startswith("t.csv") for p in reading.all_problems)


def test_a_row_continuing_an_unreadable_row_is_not_also_reported() -> None:
    # The row of AAA is refused for its own cells; RUS continuing it must not
    # add "continues a State that has no period" (a false cascade).
    text = ("name,iso3,iso3166_status,from_date,to_date,basis,continues,sources\n"
            "A,AAA,bogus,1950-01-01,1990-01-01,un_member,,x\n"
            "B,RUS,current,1990-01-02,,un_member,AAA,x\n")
    with pytest.raises(ValidationError) as raised:
        csvio.read_universe(text, "u.csv")
    assert "no period" not in str(raised.value)
    assert "row 2" in str(raised.value)

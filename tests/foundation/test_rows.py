"""The one CSV row reader (``migrant_convention._rows``) and the readers that use it."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migrant_convention import _rows
from migrant_convention.errors import Problem, ValidationError
from migrant_convention.formats import csvio, event_csv, untc
from migrant_convention.places import regions

ACTS = ",".join(csvio.ACT_COLUMNS) + "\n"


def _records(text: str, max_cell: int = _rows.MAX_CELL_CHARS, max_rows: int = _rows.MAX_ROWS,
             check_text: bool = True,
             ) -> tuple[list[tuple[int, list[str]]], list[tuple[str, str]]]:
    problems: list[Problem] = []
    got = [(r.line, r.cells) for r in _rows.read_records(
        text, "f.csv", problems, max_cell=max_cell, max_rows=max_rows,
        check_text=check_text) if r.ok]
    return got, [(p.location, p.code) for p in problems]


def _rows_of(text: str, **kw: object) -> tuple[list[tuple[str, dict[str, str], bool]],
                                               list[tuple[str, object, str]]]:
    problems: list[Problem] = []
    kw.setdefault("required", ("a", "b", "c"))
    got = [(r.where, r.cells, r.complete)
           for r in _rows.read_rows(text, "f.csv", problems, **kw)]  # type: ignore[arg-type]
    return got, [(p.location, p.value, p.code) for p in problems]


def _problems(read: object, text: str) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        read(text, "f.csv")  # type: ignore[operator]
    return [(p.location, p.code) for p in info.value.problems]


# -- headers ---------------------------------------------------------------------------

def test_missing_unknown_and_repeated_columns_are_reported_together() -> None:
    rows, problems = _rows_of("a,x,c,x,y\n1,2,3,4,5\n")
    assert rows == []  # a column missing or repeated: no row can be read safely
    assert problems == [
        ("f.csv, header", "a,x,c,x,y", "missing-column"),
        ("f.csv, header", "a,x,c,x,y", "unknown-column"),
        ("f.csv, header", "a,x,c,x,y", "repeated-column"),
    ]


def test_a_repeated_column_is_no_longer_read_as_its_last_copy() -> None:
    # csv.DictReader kept the last of two "date" columns without a word.
    text = ACTS.replace("\n", ",date\n") + "Albania,ALB,accession,2007-06-05,,s,2009\n"
    assert _problems(csvio.read_acts, text) == [("f.csv, header", "repeated-column")]


def test_unknown_columns_are_reported_but_the_rows_are_read() -> None:
    rows, problems = _rows_of("a,b,c,d\n1,2,3,4\n", optional=("b",), required=("a", "c"))
    assert rows == [("f.csv, row 2", {"a": "1", "b": "2", "c": "3", "d": "4"}, True)]
    assert [code for *_, code in problems] == ["unknown-column"]


def test_optional_columns_may_be_absent() -> None:
    rows, problems = _rows_of("a,c\n1,3\n", required=("a", "c"), optional=("b",))
    assert (rows, problems) == ([("f.csv, row 2", {"a": "1", "c": "3"}, True)], [])


def test_an_exact_header_must_be_the_columns_in_order() -> None:
    rows, problems = _rows_of("b,a,c\n1,2,3\n", exact=True)
    assert rows == []
    assert problems == [("f.csv, header", "b,a,c", "bad-header")]
    problems_found: list[Problem] = []
    assert list(_rows.read_rows("a,b,b,z\n", "f.csv", problems_found, required=("a", "b", "c"),
                                exact=True)) == []
    (problem,) = problems_found
    assert problem.message == "expected the columns a,b,c (missing: c; unknown: z; repeated: b)"
    with pytest.raises(ValidationError, match=r"\(missing: sources\)"):
        regions.read_regional_groups("iso3,name,group,note\n", "g.csv")


def test_empty_text_has_every_column_missing() -> None:
    assert _rows_of("") == ([], [("f.csv, header", "", "missing-column")])


def test_event_files_report_unknown_columns_like_the_others() -> None:
    header = ",".join(event_csv.EVENT_COLUMNS)
    text = f"{header},colour\n2015-06-10,,Meeting,meeting,,,,src,red\n"
    assert _problems(event_csv.read_events, text) == [("f.csv, header", "unknown-column")]


# -- rows ---------------------------------------------------------------------------------

def test_rows_with_too_many_or_too_few_cells_are_reported_in_order() -> None:
    rows, problems = _rows_of("a,b,c\n1,2,3\n1,2,3,4,5\n1,2\n")
    assert rows == [
        ("f.csv, row 2", {"a": "1", "b": "2", "c": "3"}, True),
        ("f.csv, row 3", {"a": "1", "b": "2", "c": "3"}, False),
        ("f.csv, row 4", {"a": "1", "b": "2", "c": ""}, False),
    ]
    assert problems == [("f.csv, row 3", "4,5", "extra-cells"),
                        ("f.csv, row 4", "1,2", "missing-cells")]


def test_a_short_row_is_reported_by_every_reader() -> None:
    assert ("f.csv, row 2", "missing-cells") in _problems(
        csvio.read_acts, ACTS + "Albania,ALB,accession\n")
    header = ",".join(event_csv.EVENT_COLUMNS)
    assert ("f.csv, row 2", "missing-cells") in _problems(
        event_csv.read_events, f"{header}\n2015-06-10,,Meeting\n")


def test_blank_lines_are_not_rows_but_count_as_lines() -> None:
    assert _records("a,b\n\n1,2\r\n\r\n3,4") == ([(1, ["a", "b"]), (3, ["1", "2"]),
                                                (5, ["3", "4"])], [])


def test_rows_are_located_by_the_line_where_they_start() -> None:
    # Row 2's description holds two line breaks: the next row starts on line 5.
    text = (",".join(event_csv.EVENT_COLUMNS) + "\n"
            + '2015-01-01,,A,conference,,,"one\ntwo\nthree",s\n'
            + "2015-01-02,,B,ratify,,,,s\n")
    with pytest.raises(ValidationError) as info:
        event_csv.read_events(text, "f.csv")
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("f.csv, row 5, field 'kind'", "unknown-kind")]
    events = event_csv.read_events(text.replace("ratify", "conference"), "f.csv")
    assert events[0].description == "one\ntwo\nthree"


def test_line_numbers_count_every_kind_of_line_break() -> None:
    text = 'h\r\n"a\rb\r\nc\nd"\n\rx\n'
    assert _records(text, check_text=False) == ([(1, ["h"]), (2, ["a\rb\r\nc\nd"]), (7, ["x"])], [])


def test_a_byte_order_mark_is_not_data() -> None:
    rows, problems = _rows_of("\ufeffa,b,c\n1,2,3\n")
    assert (rows, problems) == ([("f.csv, row 2", {"a": "1", "b": "2", "c": "3"}, True)], [])


# -- quoting ------------------------------------------------------------------------------

def test_an_unterminated_quote_is_reported_not_swallowed() -> None:
    text = ACTS + 'Albania,ALB,accession,2007,"open note,s\n' + "Mexico,MEX,signature,1991,,s\n" * 3
    with pytest.raises(ValidationError) as info:
        csvio.read_acts(text, "f.csv")
    (problem,) = info.value.problems
    assert (problem.location, problem.code) == ("f.csv, row 2, field 'note'",
                                                "unterminated-quote")
    assert "opened on line 2" in problem.message
    assert "end of the file (line 5)" in problem.message
    assert problem.value == '"open note,s'


def test_the_rows_before_an_unterminated_quote_are_read() -> None:
    got, problems = _records('a\nb\n"c\nd\n')
    assert got == [(1, ["a"]), (2, ["b"])]
    assert problems == [("f.csv, row 3, column 1", "unterminated-quote")]


def test_text_after_a_closing_quote_is_reported_and_the_next_rows_read() -> None:
    got, problems = _records('h,i\n"a"b,c\nd,e\n')
    assert got == [(1, ["h", "i"]), (3, ["d", "e"])]
    assert problems == [("f.csv, row 2, column 1", "bad-quoting")]


def test_an_unterminated_quote_in_a_un_table_is_a_table_problem() -> None:
    text = 'Participant,Signature\nAlbania,1 Jan 2000\nMexico,"2 Feb 2001\nPeru,3 Mar 2002\n'
    reading = untc.parse_table(text, "t.csv")
    assert [(p.location, p.code) for p in reading.table_problems] == [
        ("t.csv, row 3, column 2", "unterminated-quote")]
    assert len(reading.record.acts) == 1


def test_a_blank_line_in_a_un_table_is_not_a_row_without_a_name() -> None:
    reading = untc.parse_table("Participant,Signature\nAlbania,1 Jan 2000\n\n", "t.csv")
    assert reading.all_problems == ()
    assert len(reading.record.acts) == 1


# -- bounds and the process ------------------------------------------------------------

def test_an_over_long_cell_is_a_problem() -> None:
    text = 'a,b\nx,' + "y" * 11 + '\n"' + "z" * 11 + '",w\n"ok",' + '"' + "q\n" * 6 + '"\n'
    got, problems = _records(text, max_cell=10)
    assert got == [(1, ["a", "b"])]
    assert problems == [("f.csv, row 2, column 2", "too-large"),
                        ("f.csv, row 3, column 1", "too-large"),
                        ("f.csv, row 4, column 2", "too-large")]


def test_the_default_cell_limit_names_the_field() -> None:
    big = "x" * (_rows.MAX_CELL_CHARS + 1)
    assert _problems(csvio.read_acts, ACTS + f'Albania,ALB,accession,2007,"{big}",s\n') == [
        ("f.csv, row 2, field 'note'", "too-large")]


def test_too_many_rows_are_refused() -> None:
    _, problems = _records("h\n1\n2\n3\n", max_rows=2)
    assert problems == [("f.csv", "too-large")]


def test_reading_ignores_and_keeps_the_process_csv_field_size_limit() -> None:
    before = csv.field_size_limit()
    csv.field_size_limit(10)
    try:
        note = "n" * 500  # longer than the process's limit: still read
        acts, _ = csvio.read_acts(ACTS + f'Albania,ALB,accession,2007,"{note}",s\n', "f.csv")
        assert acts[0].note == note
        assert csv.field_size_limit() == 10
    finally:
        csv.field_size_limit(before)


def test_importing_and_reading_leave_the_csv_field_size_limit_alone() -> None:
    code = (
        "import csv\n"
        "before = csv.field_size_limit()\n"
        "import migrant_convention as mc\n"
        "from migrant_convention import data\n"
        "from migrant_convention.data import campaign_events\n"
        "from migrant_convention.formats import csvio, untc\n"
        "from migrant_convention.places import regions\n"
        "data.icrmw(); data.states(); campaign_events.events(); regions.m49_areas()\n"
        "untc.lookup_participant('Mexico')\n"
        "csvio.read_acts('participant,iso3,action,date,note,sources\\n', 'x')\n"
        "assert csv.field_size_limit() == before, (before, csv.field_size_limit())\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- all at once -------------------------------------------------------------------------

def test_every_problem_of_a_file_is_reported_together_in_file_order() -> None:
    text = (ACTS.replace("\n", ",colour\n")
            + "Albania,ALB,accession,2007,,s,\n"               # row 2: fine
            + "Algeria,DZA,ratify,2005,,s,,extra\n"            # row 3: extra cell, bad action
            + "Mexico,MEX\n"                                   # row 4: short
            + '"Peru"x,PER,signature,1991,,s,\n'               # row 5: text after a quote
            + 'Chile,CHL,signature,2001,"two\nlines",s,\n'     # row 6, over two lines
            + "Chad,TCD,signature,20xx,,s,\n")                 # row 8: bad date
    assert _problems(csvio.read_acts, text) == [
        ("f.csv, header", "unknown-column"),
        ("f.csv, row 3", "extra-cells"),
        ("f.csv, row 3, field 'action'", "unknown-kind"),
        ("f.csv, row 4", "missing-cells"),
        ("f.csv, row 4, field 'action'", "unknown-kind"),
        ("f.csv, row 4, field 'date'", "bad-date"),
        ("f.csv, row 5, field 'participant'", "bad-quoting"),
        ("f.csv, row 6, field 'note'", "bad-text"),  # a note is one line
        ("f.csv, row 8, field 'date'", "bad-date"),
    ]


# -- as csv reads it ---------------------------------------------------------------------

_cells = st.text(st.sampled_from('ab ,"\r\n\x00é'), max_size=6)


@given(st.lists(st.lists(_cells, min_size=1, max_size=4), max_size=5),
       st.booleans(), st.sampled_from(["\n", "\r\n"]))
def test_what_csv_writes_reads_back_as_csv_reads_it(
    rows: list[list[str]], quote_all: bool, end: str
) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
               lineterminator=end).writerows(rows)
    text = out.getvalue()
    problems: list[Problem] = []
    got = [r.cells for r in _rows.read_records(text, "f.csv", problems, check_text=False)]
    assert problems == []
    assert got == [r for r in csv.reader(io.StringIO(text, newline="")) if r]


@given(st.text(st.sampled_from('a,"\r\n '), max_size=30))
def test_any_text_reads_as_csv_reads_it_or_gives_a_problem(text: str) -> None:
    problems: list[Problem] = []
    got = [r.cells for r in _rows.read_records(text, "f.csv", problems, check_text=False)]
    if not problems:
        assert got == [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    else:
        assert all(p.location.startswith("f.csv, row ") for p in problems)


# -- text ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "written"), [
    ("a\x00b", '"a\x00b"'), ("\x1b[2J", "\x1b[2J"), ("\x7f", "\x7f"), ("\x9b", "\x9b"),
    ("\ud800", "\ud800"), ("a\tb", "a\tb"), ("two\nlines", '"two\nlines"')])
def test_a_cell_that_is_not_text_is_reported_by_every_reader(cell: str, written: str) -> None:
    # The acts, the universe, the events and the UN tables: each reports the
    # cell where it is, with the JSON reader's message.
    why = _rows.text_problem(cell)
    assert why is not None
    acts = ACTS + f"Albania,ALB,accession,2007,{written},s\n"
    with pytest.raises(ValidationError) as info:
        csvio.read_acts(acts, "f.csv")
    assert [(p.location, p.value, p.message, p.code) for p in info.value.problems] == [
        ("f.csv, row 2, field 'note'", cell, why, "bad-text")]
    table = f"Participant,Signature,\"Ratification, Accession(a)\"\n{written},,1 Jan 2000\n"
    problems = [(p.location, p.code) for p in untc.parse_table(table, "t.csv").all_problems]
    assert ("t.csv, row 2, column 1", "bad-text") in problems


def test_a_line_break_is_text_only_in_a_column_that_allows_it() -> None:
    header = ",".join(event_csv.EVENT_COLUMNS) + "\n"
    good = header + '2015-01-01,,A,conference,,,"one\r\ntwo",s\n'
    assert event_csv.read_events(good, "e.csv")[0].description == "one\r\ntwo"
    bad = header + '2015-01-01,,"A\nB",conference,,,"one\ttwo",s\n'
    with pytest.raises(ValidationError) as info:
        event_csv.read_events(bad, "e.csv")
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("e.csv, row 2, field 'title'", "bad-text"),
        ("e.csv, row 2, field 'description'", "bad-text")]


def test_text_is_checked_only_when_asked_by_the_raw_reader() -> None:
    assert _records("a\x00,b\n", check_text=False) == ([(1, ["a\x00", "b"])], [])
    assert _records("a\x00,b\n") == ([], [("f.csv, row 1, column 1", "bad-text")])

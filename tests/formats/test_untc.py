"""Reading the UN Treaty Collection's status tables: every cell an act or a reported problem."""

from __future__ import annotations

import csv
import io
from datetime import date
from functools import cache
from pathlib import Path

import pytest

import migrant_convention as mc
from migrant_convention import untc
from migrant_convention.errors import UnknownParticipantError, ValidationError

# A copy of shared/data/untc-2015 (see tests/data/README.md).
TABLES = Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties"
needs_tables = pytest.mark.skipif(not TABLES.is_dir(), reason="test tables not available")


@cache
def _all_readings() -> dict[str, untc.UntcReading]:
    return {f.name: untc.parse_table(f.read_text(encoding="utf-8"), f.name)
            for f in sorted(TABLES.glob("*.csv"))}


def _non_empty_cells(text: str) -> int:
    return sum(1 for row in list(csv.reader(io.StringIO(text)))[1:] for c in row[1:] if c.strip())


@needs_tables
def test_all_324_tables_every_cell_is_an_act_or_a_problem() -> None:
    readings = _all_readings()
    assert len(readings) == 324
    for name, reading in readings.items():
        cells = _non_empty_cells((TABLES / name).read_text(encoding="utf-8"))
        assert reading.all_cells == cells, name
        assert len(reading.record.acts) + reading.attached + len(reading.problems) == cells, name
        assert reading.cells == len(reading.record.acts) + len(reading.problems), name
        assert len(reading.locations) == len(reading.record.acts)
        # Every participant name of these tables is in the bundled name table.
        assert not [p for p in reading.all_problems if p.code == "unknown-participant"], name


@needs_tables
def test_the_charter_table_is_acts_with_attached_facts() -> None:
    reading = _all_readings()["1-2.csv"]
    # Afghanistan's row: "34 (I)" (resolution), 9 Nov 1946 (its adoption: the
    # act's day), 14 Dec 1946 and "7" (registration), "1" and "39" (UNTS).
    [afghanistan] = [a for a in reading.record.acts if a.participant == "AFG"]
    assert (afghanistan.kind, str(afghanistan.date)) == (
        mc.ActKind.DECLARATION_OF_ACCEPTANCE, "1946-11-09")
    assert "General Assembly resolution 34 (I)" in afghanistan.note
    assert reading.attached == 715
    assert not reading.all_problems


def test_a_number_in_a_column_of_acts_is_not_a_date() -> None:
    reading = untc.parse_table("Participant,Ratification\nAlbania,34 (I)\n", "t.csv")
    assert [(p.value, p.code) for p in reading.problems] == [("34 (I)", "not-a-date")]


@needs_tables
def test_icrmw_2015_table_gives_the_bundled_acts_for_every_date_it_covers() -> None:
    reading = _all_readings()["4-13.csv"]
    assert not reading.all_problems
    table = {(a.participant, a.kind, a.date) for a in reading.record.acts}
    covered = max(a.date.latest for a in reading.record.acts)
    bundled = {(a.participant, a.kind, a.date) for a in mc.data.icrmw().acts
               if a.kind is not mc.ActKind.DECLARATION and a.date.latest <= covered}
    assert table == bundled
    assert len(table) == _non_empty_cells((TABLES / "4-13.csv").read_text(encoding="utf-8"))
    # By hand from the table: "Montenegro,23 Oct 2006 d," and "Cabo Verde,,16 Sep 1997 a".
    assert ("MNE", mc.ActKind.SUCCESSION_TO_SIGNATURE, mc.PartialDate.parse("2006-10-23")) in table
    assert ("CPV", mc.ActKind.ACCESSION, mc.PartialDate.parse("1997-09-16")) in table
    assert ("TUR", mc.ActKind.RATIFICATION, mc.PartialDate.parse("2004-09-27")) in table


@needs_tables
def test_icrmw_2015_table_with_the_treaty_counts_like_the_campaign() -> None:
    text = (TABLES / "4-13.csv").read_text(encoding="utf-8")
    record = untc.read_table(text, "4-13.csv", treaty=mc.data.icrmw_treaty())
    c = mc.counts(record, mc.data.states(), date(2014, 12, 18))
    assert (c.parties, c.signatories, c.no_action) == (47, 19, 131)
    mc.validate_record(record, mc.data.states())


@needs_tables
def test_marks_the_headers_define_are_all_read() -> None:
    kinds = {a.kind for r in _all_readings().values() for a in r.record.acts}
    # Every kind but declarations and denunciations, which these tables list
    # in footnotes, not in columns.
    assert kinds == {k for k in mc.ActKind
                     if k not in (mc.ActKind.DECLARATION, mc.ActKind.DENUNCIATION)}


HEADER = ('Participant,"Signature, Succession to signature(d)",'
          '"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"\n')


def test_marks_give_the_kind_of_each_date() -> None:
    text = HEADER + ("Albania,,5 Jun 2007 a\nAlgeria,1 Jan 2000,2 Feb 2001 A\n"
                     "Angola,,3 Mar 2003 AA\nMontenegro,23 Oct 2006 d,4 Apr 2007 d\n")
    record = untc.read_table(text, "t.csv")
    got = [(a.participant, a.kind.value, str(a.date)) for a in record.acts]
    assert got == [
        ("ALB", "accession", "2007-06-05"),
        ("DZA", "signature", "2000-01-01"),
        ("DZA", "acceptance", "2001-02-02"),
        ("AGO", "approval", "2003-03-03"),
        ("MNE", "succession_to_signature", "2006-10-23"),
        ("MNE", "succession", "2007-04-04"),
    ]
    assert all(a.sources == ("UN Treaty Collection status table t.csv",) for a in record.acts)
    assert record.treaty.id == "t"


def test_every_bad_cell_is_reported_with_file_row_column_and_text() -> None:
    text = HEADER + ("Albania,,5 Jun 2007 x\nAtlantis,1 Jan 2000,\nAlgeria,31 Feb 2000,12/3/2001\n"
                     "Angola,,3 Mar 2003 a,extra\n,4 May 2004,\n")
    reading = untc.parse_table(text, "t.csv")
    found = [(p.location, p.value, p.code) for p in reading.problems]
    sig, rat = "'Signature, Succession to signature(d)'", (
        "'Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)'")
    assert found == [
        (f"t.csv, row 2, column {rat}", "5 Jun 2007 x", "unknown-mark"),
        (f"t.csv, row 3, column {sig}", "1 Jan 2000", "unknown-participant"),
        (f"t.csv, row 4, column {sig}", "31 Feb 2000", "bad-date"),
        (f"t.csv, row 4, column {rat}", "12/3/2001", "not-a-date"),
        ("t.csv, row 5, column '#4'", "extra", "extra-cells"),
        (f"t.csv, row 6, column {sig}", "4 May 2004", "missing-value"),
    ]
    assert reading.cells == 7
    assert len(reading.record.acts) == 1
    with pytest.raises(ValidationError) as info:
        untc.read_table(text, "t.csv")
    assert len(info.value.problems) == 6


def test_a_name_without_acts_is_still_reported() -> None:
    reading = untc.parse_table(HEADER + "Atlantis,,\n", "t.csv")
    [problem] = reading.table_problems
    assert (problem.location, problem.value) == ("t.csv, row 2, column 'Participant'", "Atlantis")


def test_a_table_without_a_participant_column_is_reported() -> None:
    reading = untc.parse_table("State,Signature\nAlbania,1 Jan 2000\n", "t.csv")
    assert [p.code for p in reading.table_problems] == ["bad-header"]


def test_footnote_markers_are_kept_in_the_note_not_in_the_name() -> None:
    text = 'Participant,Ratification\n"Germany 3, 4",1 Jan 1990 5\n'
    [act] = untc.read_table(text, "t.csv").acts
    assert (act.participant, act.listed_as) == ("DEU", "Germany")
    assert act.note == "table footnote(s) 3, 4, 5"


def test_an_unknown_name_with_digits_is_not_guessed() -> None:
    reading = untc.parse_table('Participant,Ratification\n"Atlantis 3",1 Jan 1990\n', "t.csv")
    assert [p.code for p in reading.problems] == ["unknown-participant"]


@pytest.mark.parametrize(("name", "code"), [
    ("Cape Verde", "CPV"), ("Cabo Verde", "CPV"), ("Libyan Arab Jamahiriya", "LBY"),
    ("The former Yugoslav Republic of Macedonia", "MKD"), ("North Macedonia", "MKD"),
    ("St. Vincent and the Grenadines", "VCT"), ("Turkey", "TUR"), ("Türkiye", "TUR"),
    ("Swaziland", "SWZ"), ("Zaire", "COD"), ("Czechoslovakia", "CSK"), ("Yugoslavia", "YUG"),
    ("German Democratic Republic", "DDR"), ("Byelorussian SSR", "BLR"),
    ("Union of Soviet Socialist Republics", "SUN"), ("European Union", "ORG-EU"),
    ("World Health Organization", "ORG-WHO"), ("Hong Kong", "HKG"), ("Macao", "MAC"),
    ("  cabo   verde ", "CPV"),
])
def test_un_names_current_and_former(name: str, code: str) -> None:
    assert untc.lookup_participant(name).code == code


def test_kinds_of_participants() -> None:
    assert untc.lookup_participant("Czechoslovakia").kind is mc.ParticipantKind.FORMER_STATE
    assert untc.lookup_participant("European Union").kind is mc.ParticipantKind.ORGANIZATION
    assert untc.lookup_participant("Hong Kong").kind is mc.ParticipantKind.TERRITORY
    assert untc.lookup_participant("Albania").kind is mc.ParticipantKind.STATE


@pytest.mark.parametrize("name", ["Cabo Verd", "Macedonia", "Republic of Atlantis", "Korea", ""])
def test_no_fuzzy_matching(name: str) -> None:
    with pytest.raises(UnknownParticipantError):
        untc.lookup_participant(name)


def test_every_name_in_the_table_has_a_reason_and_a_valid_participant() -> None:
    names = untc.participant_names()
    assert len(names) > 250
    for name, (participant, why) in names.items():
        assert why.strip(), name
        assert participant.name == name


def test_every_state_code_of_the_name_table_is_in_the_universe() -> None:
    states = mc.data.states()
    for name, (p, _) in untc.participant_names().items():
        if p.kind in (mc.ParticipantKind.STATE, mc.ParticipantKind.FORMER_STATE):
            assert p.code in states, name


def test_headers_with_several_unmarked_kinds_of_consent_say_so() -> None:
    column = untc.parse_column("Definitive signature of the Protocol, Acceptance of the Protocol")
    read = column.read(None)
    assert isinstance(read, untc.CellKind)
    assert read.kind is mc.ActKind.CONSENT_TO_BE_BOUND
    assert read.remark == ("the header lists these 2 kinds of consent for an unmarked date: "
                           "the table does not say which")
    assert column.kind("A") == "the header 'Definitive signature of the Protocol, Acceptance " \
        "of the Protocol' does not define the mark 'A'"
    # A signature and a consent in one column are not one kind.
    assert isinstance(untc.parse_column("Signature, Ratification").kind(None), str)


def test_commas_inside_a_label_do_not_split_it() -> None:
    column = untc.parse_column("Participation in the Convention by virtue of ratification, "
                               "accession or succession to the Protocol, Accession(a)")
    assert len(column.unmarked) == 1
    assert column.kind(None) == (mc.ActKind.CONSENT_TO_BE_BOUND, column.unmarked[0])


def test_the_rules_less_default_treaty_counts_by_deposit() -> None:
    text = HEADER + "Albania,,5 Jun 2007 a\nAlgeria,1 Jan 2000,\n"
    record = untc.read_table(text, "4-13.csv")
    assert record.treaty.id == "IV-13"
    c = mc.counts(record, mc.data.states(), date(2010, 1, 1))
    assert (c.parties, c.signatories) == (1, 1)


def test_huge_table_fails_cleanly() -> None:
    reading = untc.parse_table("Participant\n" + "x" * (untc.MAX_CHARS + 1), "big.csv")
    assert [p.code for p in reading.table_problems] == ["too-large"]


def test_command_line_status_accepts_former_un_names() -> None:
    from migrant_convention.cli import main

    out = io.StringIO()
    assert main(["status", "Cape Verde", "--on", "2014-12-18", "--json"], out) == 0
    assert '"state": "CPV"' in out.getvalue()
    # A participant that is not a State of the universe is not a State to ask about.
    assert main(["status", "European Union", "--on", "2014-12-18"], io.StringIO()) == 2


def test_a_table_without_rules_invents_no_entry_into_force() -> None:
    from migrant_convention import UnknownRuleError, entry_into_force, entry_into_force_for
    from migrant_convention.formats.untc import deposit_only_treaty

    treaty = deposit_only_treaty("XXVII-7", adopted=date(1992, 5, 9))
    record = mc.TreatyRecord(treaty, [
        mc.Act("ALB", mc.ActKind.ACCESSION, mc.PartialDate.parse("1994-10-03")),
    ])
    with pytest.raises(UnknownRuleError, match="not known"):
        entry_into_force(record)
    with pytest.raises(UnknownRuleError):
        entry_into_force_for(record, "ALB")
    c = mc.counts(record, mc.data.states(), date(2000, 1, 1))
    assert c.parties == 1
    assert c.in_force == 0  # nobody is taken to be in force under an unknown rule

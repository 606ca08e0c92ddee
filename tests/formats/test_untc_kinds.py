"""The act kinds of the UN Treaty Collection's tables beyond signature and
consent (issue 14): every cell of the 324 tables of 2015 is an act or a fact
attached to one, and each new kind's role in status and counts is checked
against figures from independent sources — the treaties' texts, the UN's
statements, the UN's tables read by hand — never the library's own output."""

from __future__ import annotations

import csv
import io
from datetime import date
from functools import cache
from pathlib import Path

import pytest

import migrant_convention as mc
from migrant_convention import csvio, untc
from migrant_convention.core.rules import Role
from migrant_convention.formats import serialize

K = mc.ActKind
TABLES = Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties"
needs_tables = pytest.mark.skipif(not TABLES.is_dir(), reason="test tables not available")
NEW_KINDS = (K.DECLARATION_OF_ACCEPTANCE, K.SIGNATURE_AD_REFERENDUM,
             K.CONFIRMATION_OF_SIGNATURE, K.PROVISIONAL_ACCEPTANCE, K.APPLICATION,
             K.NOTIFICATION)


@cache
def _text(name: str) -> str:
    return (TABLES / name).read_text(encoding="utf-8")


@cache
def _reading(name: str) -> untc.UntcReading:
    return untc.parse_table(_text(name), name)


def _rows(name: str) -> list[list[str]]:
    """The table by hand, with the csv module: the golden side of the tests."""
    return list(csv.reader(io.StringIO(_text(name))))


def _on(record: mc.TreatyRecord, day: str) -> mc.Counts:
    return mc.counts(record, mc.data.states(), date.fromisoformat(day))


# -- the corpus -------------------------------------------------------------------------

@needs_tables
def test_every_table_is_read_and_every_cell_is_an_act_or_an_attached_fact() -> None:
    names = sorted(f.name for f in TABLES.glob("*.csv"))
    assert len(names) == 324
    for name in names:
        reading = _reading(name)
        assert not reading.all_problems, (name, reading.all_problems[:3])
        non_empty = sum(1 for row in _rows(name)[1:] for c in row[1:] if c.strip())
        # cells in = acts + attached facts
        assert reading.all_cells == non_empty == reading.acts + reading.attached, name
        assert reading.cells == reading.acts, name
        untc.read_table(_text(name), name)  # the strict reading accepts it


@needs_tables
def test_the_charter_table_attaches_its_facts_and_nothing_else_does() -> None:
    attached = {name: r.attached for name in (f.name for f in TABLES.glob("*.csv"))
                if (r := _reading(name)).attached}
    # 144 rows; 141 resolutions, 144 registration dates and numbers, 143 UNTS
    # volumes and pages (counted in the file by hand: Malawi, Malta and Zambia
    # give no resolution, Montenegro no UNTS citation).
    assert attached == {"1-2.csv": 141 + 144 + 144 + 143 + 143}


# -- declarations of acceptance of the Charter's obligations (I-2) --------------------

@needs_tables
def test_charter_declarations_are_consents_dated_by_the_admission() -> None:
    record = _reading("1-2.csv").record
    assert {a.kind for a in record.acts} == {K.DECLARATION_OF_ACCEPTANCE}
    by_day: dict[str, list[str]] = {}
    for a in record.acts:
        by_day.setdefault(str(a.date), []).append(a.participant)
    # GA resolution 995 (X) of 14 December 1955 admitted sixteen States at once.
    assert len(by_day["1955-12-14"]) == 16
    # 1960: seventeen admissions (fourteen on 20 September, Mali and Senegal
    # on 28 September, Nigeria on 7 October).
    assert [len(by_day[d]) for d in ("1960-09-20", "1960-09-28", "1960-10-07")] == [14, 2, 1]
    # UN membership was 76 at the end of 1955 (51 original Members): 25 admitted.
    assert _on(record, "1955-12-31").parties == 76 - 51
    # South Sudan, admitted by resolution 65/308 of 14 July 2011, the 193rd Member.
    [ssd] = [a for a in record.acts if a.participant == "SSD"]
    assert str(ssd.date) == "2011-07-14"
    assert "General Assembly resolution 65/308" in ssd.note
    assert "registration no. 49220" in ssd.note
    assert "United Nations Treaty Series, vol. 2797, p. N/A" in ssd.sources


@needs_tables
def test_charter_declarations_bear_the_un_s_dates_of_admission() -> None:
    # The UN's list of Member States and their dates of admission, as the
    # bundled universe transcribes it (un_member periods).
    admitted: dict[str, set[str]] = {}
    universe = mc.data.states()
    for m in universe.periods:
        if m.basis.value == "un_member":
            admitted.setdefault(m.code, set()).add(str(m.start))
    differ = sorted((a.participant, str(a.date)) for a in _reading("1-2.csv").record.acts
                    if not any(str(a.date) in admitted.get(c, ())
                               for c in (a.participant, *universe.lineage(a.participant))))
    # The first admissions took effect after the resolution: Afghanistan,
    # Iceland and Sweden (resolution 34 (I) of 9 Nov 1946) on 19 Nov 1946,
    # Thailand (101 (I) of 15 Dec 1946) on 16 Dec 1946.
    assert differ == [("AFG", "1946-11-09"), ("ISL", "1946-11-09"), ("SWE", "1946-11-09"),
                      ("THA", "1946-12-15")]


@needs_tables
def test_charter_facts_are_structured_text() -> None:
    [afg] = [a for a in _reading("1-2.csv").record.acts if a.participant == "AFG"]
    # Afghanistan,34 (I),9 Nov 1946,14 Dec 1946,7,1,39
    assert str(afg.date) == "1946-11-09"
    assert afg.note.split("; ")[1:] == [
        "General Assembly resolution 34 (I)", "registered 1946-12-14", "registration no. 7"]
    assert afg.sources[1] == "United Nations Treaty Series, vol. 1, p. 39"


def test_a_fact_without_its_act_is_a_problem_and_a_bad_fact_too() -> None:
    header = ("Participant,Resolution,Date of Adoption,Registration Date,Registration Number,"
              "UNTS Volume,UNTS Page\n")
    text = header + ("Albania,995 (X),,14 Dec 1955,3043,223,23\n"
                     "Austria,995 (X),14 Dec 1955,14 Dec 1955,no. 3044,223,x\n")
    reading = untc.parse_table(text, "t.csv")
    codes = [(p.location.split(", column ")[1], p.code) for p in reading.problems]
    assert codes == [("'Resolution'", "fact-without-act"),
                     ("'Registration Date'", "fact-without-act"),
                     ("'Registration Number'", "fact-without-act"),
                     ("'UNTS Volume'", "fact-without-act"), ("'UNTS Page'", "fact-without-act"),
                     ("'Registration Number'", "bad-fact"), ("'UNTS Page'", "bad-fact")]
    assert (reading.acts, reading.attached) == (1, 3)
    assert reading.all_cells == 11 == reading.acts + reading.attached + len(reading.problems)


# -- applications (III-2-1 to III-2-18) -----------------------------------------------

@needs_tables
def test_applications_to_an_agency_make_no_party() -> None:
    record = _reading("3-2-1.csv").record
    # Each row of the ILO annex's table is one application (124 rows).
    assert len(record.acts) == len(_rows("3-2-1.csv")) - 1 == 124
    assert {a.kind for a in record.acts} == {K.APPLICATION}
    c = _on(record, "2015-01-01")
    assert (c.parties, c.signatories) == (0, 0)
    # Section 43: a State party undertakes to apply the Convention to an agency
    # in its instrument of accession or by a later notification.  Algeria's
    # accession of 25 Mar 1964 (III-2) applied it to the ILO that day; Albania
    # acceded on 15 Dec 2003 and notified the ILO's annex on 4 Oct 2007 (the UN's
    # status page of III-2, as at 20 April 2014).
    days = {a.participant: str(a.date) for a in record.acts}
    assert (days["DZA"], days["ALB"]) == ("1964-03-25", "2007-10-04")


# -- notifications under an article ----------------------------------------------------

@needs_tables
def test_unido_notifications_under_article_25_keep_the_article_and_change_no_count() -> None:
    record = _reading("10-9.csv").record
    notes = [a for a in record.acts if a.kind is K.NOTIFICATION]
    assert len(notes) == sum(1 for row in _rows("10-9.csv")[1:] if row[3].strip()) == 124
    assert {a.article for a in notes} == {"25"}
    assert {a.action for a in notes} == {"notification_art25"}
    # Art. 25(1): the notifying States are States "that had deposited
    # instruments of ratification, acceptance or approval".
    consent = {a.participant: a.date.latest for a in record.acts if a.kind.is_consent}
    assert all(consent[a.participant] <= a.date.latest for a in notes)
    without = attrs_without(record, K.NOTIFICATION)
    assert _on(record, "2015-01-01") == _on(without, "2015-01-01")


@needs_tables
def test_part_xi_notifications_under_article_7_1_b_predate_its_deadline() -> None:
    notes = [a for a in _reading("21-6-a.csv").record.acts if a.kind is K.NOTIFICATION]
    assert len(notes) == 17
    assert {a.article for a in notes} == {"7(1)(b)"}
    # Art. 7(1)(b): a State that "before 16 November 1994 notifies the depositary".
    assert max(a.date.latest for a in notes) < date(1994, 11, 16)


def attrs_without(record: mc.TreatyRecord, kind: mc.ActKind) -> mc.TreatyRecord:
    return mc.TreatyRecord(record.treaty, [a for a in record.acts if a.kind is not kind],
                           record.participants, record.as_of, record.sources)


# -- signature ad referendum and its confirmation (XIV-7, XIV-7-a) -----------------------

@needs_tables
def test_signature_ad_referendum_makes_a_signatory_and_its_confirmation_a_party() -> None:
    record = _reading("14-7-a.csv").record
    brazil = [(a.kind, str(a.date)) for a in record.acts if a.participant == "BRA"]
    # Brazil,5 May 1986,9 Mar 1990 — the protocol takes definitive signatures,
    # and a confirmed signature ad referendum is a full signature (Vienna
    # Convention, art. 12(2)(b)).
    assert brazil == [(K.SIGNATURE_AD_REFERENDUM, "1986-05-05"),
                      (K.DEFINITIVE_SIGNATURE, "1990-03-09")]
    assert mc.status(record, None, "BRA", date(1987, 1, 1)) is mc.Status.SIGNATORY
    assert mc.status(record, None, "BRA", date(1990, 3, 9)) is mc.Status.PARTY
    # By hand: 7 signatures ad referendum, of which Ecuador's and Poland's are
    # not confirmed; 35 rows in all.
    rows = _rows("14-7-a.csv")[1:]
    assert sum(1 for r in rows if r[1]) == 7
    assert sorted(r[0] for r in rows if r[1] and not r[2]) == ["Ecuador", "Poland"]
    c = _on(record, "2015-01-01")
    assert (c.parties, c.signatories) == (sum(1 for r in rows if r[2]), 2)


@needs_tables
def test_confirmation_of_a_signature_ad_referendum_changes_no_status() -> None:
    record = _reading("14-7.csv").record
    confirmations = [(a.participant, str(a.date)) for a in record.acts
                     if a.kind is K.CONFIRMATION_OF_SIGNATURE]
    # Afghanistan,13 Sep 1983,28 Mar 1984 C,... and Mexico,13 Sep 1983,21 May 1984 C,...
    assert confirmations == [("AFG", "1984-03-28"), ("MEX", "1984-05-21")]
    assert mc.status(record, None, "AFG", date(1984, 1, 1)) is mc.Status.SIGNATORY
    assert _on(record, "2015-01-01") == _on(
        attrs_without(record, K.CONFIRMATION_OF_SIGNATURE), "2015-01-01")


def test_the_header_s_mark_decides() -> None:
    text = 'Participant,"Signature, Signature ad referendum (s)"\nAlbania,1 Jan 1990 s\n' \
           "Algeria,2 Jan 1990\n"
    kinds = [a.kind for a in untc.read_table(text, "t.csv").acts]
    assert kinds == [K.SIGNATURE_AD_REFERENDUM, K.SIGNATURE]
    text = 'Participant,"Ratification, Definitive signature(s)"\nAlbania,1 Jan 1990 s\n'
    assert [a.kind for a in untc.read_table(text, "t.csv").acts] == [K.DEFINITIVE_SIGNATURE]


# -- provisional acceptance (XIX-34, XIX-35) ------------------------------------------------

@needs_tables
def test_provisional_acceptance_makes_no_party_until_the_definitive_one() -> None:
    record = _reading("19-35.csv").record
    # Belgium,6 Nov 1991,14 Oct 1999 ; Argentina,18 Apr 2001, (provisional only)
    assert mc.status(record, None, "BEL", date(1995, 1, 1)) is mc.Status.NO_ACTION
    assert mc.status(record, None, "BEL", date(1999, 10, 14)) is mc.Status.PARTY
    assert mc.status(record, None, "ARG", date(2015, 1, 1)) is mc.Status.NO_ACTION
    rows = _rows("19-35.csv")[1:]
    assert _on(record, "2015-01-01").parties == sum(
        1 for r in rows if r[2] and r[0] != "European Union")
    [bel] = [a for a in _reading("19-34.csv").record.acts
             if a.participant == "BEL" and a.kind is K.PROVISIONAL_ACCEPTANCE]
    assert "does not say which" in bel.note  # "Provisional acceptance/accession"


# -- the Protocol and "as amended" columns --------------------------------------------------

@needs_tables
@pytest.mark.parametrize(("name", "protocol_day"), [
    ("6-5.csv", "1946-12-11"),  # Lake Success Protocol of 11 December 1946
    ("7-2.csv", "1947-11-12"),  # Protocol of 12 November 1947
    ("18-2.csv", "1953-12-07"),  # Protocol of 7 December 1953
])
def test_protocol_columns_are_consents_the_table_does_not_name(name: str,
                                                               protocol_day: str) -> None:
    record = _reading(name).record
    first = [row for row in _rows(name)[1:] if row[1].strip()]
    column = [a for a in record.acts if a.kind is K.CONSENT_TO_BE_BOUND]
    assert len(column) == len(first)
    # Unmarked, the header's labels are all kinds of consent, and it does not
    # say which ("P" in XVIII-2's is a participation, a consent too).
    unmarked = [row[1] for row in first if row[1].strip()[-1].isdigit()]
    assert sum("does not say which" in a.note for a in column) == len(unmarked)
    # States that signed the protocol on its date (index.csv gives the date)
    # became bound by the treaty as amended: parties that day.
    that_day = {a.participant for a in column if str(a.date) == protocol_day}
    assert that_day
    assert _on(record, protocol_day).parties >= len(that_day)
    # Every row is one participant and one consent.
    assert _on(record, "2015-01-01").parties == len(_rows(name)) - 1 - sum(
        1 for row in _rows(name)[1:] if _former(row[0]))


def _former(name: str) -> bool:
    p = untc.lookup_participant(" ".join(name.split()).rstrip("0123456789 ,"))
    return p.kind is not mc.ParticipantKind.STATE


@needs_tables
def test_notification_in_respect_of_the_amended_agreement_is_a_succession() -> None:
    acts = {a.participant: a for a in _reading("6-9.csv").record.acts}
    # Cambodia,3 Oct 1951 d and Lao People's Democratic Republic,7 Oct 1950 d
    assert acts["KHM"].kind is K.SUCCESSION
    assert acts["LAO"].kind is K.SUCCESSION
    assert acts["FRA"].kind is K.CONSENT_TO_BE_BOUND


def test_labels_of_different_roles_are_still_refused() -> None:
    column = untc.parse_column("Signature, Ratification")
    assert isinstance(column.kind(None), str)
    reading = untc.parse_table('Participant,"Signature, Ratification"\nAlbania,1 Jan 1990\n',
                               "t.csv")
    assert [p.code for p in reading.problems] == ["unknown-kind"]


# -- each kind: its role, its order, its round trips -----------------------------------------

@pytest.mark.parametrize(("kind", "role"), [
    (K.DECLARATION_OF_ACCEPTANCE, Role.CONSENT),
    (K.SIGNATURE_AD_REFERENDUM, Role.SIGNATURE),
    (K.CONFIRMATION_OF_SIGNATURE, Role.NONE),
    (K.PROVISIONAL_ACCEPTANCE, Role.NONE),
    (K.APPLICATION, Role.NONE),
    (K.NOTIFICATION, Role.NONE),
])
def test_the_role_of_each_new_kind(kind: mc.ActKind, role: Role) -> None:
    rules = untc.deposit_only_treaty("x").rules
    assert rules.role(kind) is role
    assert kind.is_signature is (role is Role.SIGNATURE)
    assert kind.is_consent is (role is Role.CONSENT)
    assert kind.affects_status is (role is not Role.NONE)


def test_a_signature_ad_referendum_comes_first_on_its_day() -> None:
    day = date(2000, 1, 1)
    acts = [mc.Act("ALB", K.CONFIRMATION_OF_SIGNATURE, day),
            mc.Act("ALB", K.SIGNATURE_AD_REFERENDUM, day)]
    assert [a.kind for a in sorted(acts, key=mc.Act.sort_key)] == [
        K.SIGNATURE_AD_REFERENDUM, K.CONFIRMATION_OF_SIGNATURE]


def _record_of_every_new_kind() -> mc.TreatyRecord:
    treaty = untc.deposit_only_treaty("x")
    acts = [mc.Act("ALB", kind, date(2000, 1, i + 1), "7(1)(b)" if kind is K.NOTIFICATION
                   else None, ("a source",), "a note", "Albania")
            for i, kind in enumerate(NEW_KINDS)]
    return mc.TreatyRecord(treaty, acts)


def test_every_new_kind_round_trips_through_json() -> None:
    record = _record_of_every_new_kind()
    text = serialize.to_json(record)
    assert serialize.from_json(text, mc.TreatyRecord, validate=False) == record


def test_every_new_kind_round_trips_through_csv() -> None:
    acts = _record_of_every_new_kind().acts
    text = csvio.write_acts(acts)
    assert "notification_art7(1)(b)" in text
    again, _ = csvio.read_acts(text, "t.csv")
    assert again == acts


def test_parse_action_knows_notifications_under_an_article() -> None:
    assert mc.Act("ALB", K.NOTIFICATION, date(2000, 1, 1), "25").action == "notification_art25"
    from migrant_convention.core.acts import parse_action
    assert parse_action("notification_art25") == (K.NOTIFICATION, "25")
    assert parse_action("notification") == (K.NOTIFICATION, None)


# -- the opt-in partial reading ---------------------------------------------------------

def test_partial_reading_gives_the_valid_acts_and_every_problem() -> None:
    text = ('Participant,"Ratification, Accession(a)"\nAlbania,5 Jun 2007 a\n'
            "Algeria,31 Feb 2000\nAtlantis,1 Jan 2000\n")
    with pytest.raises(mc.ValidationError) as refused:
        untc.read_table(text, "t.csv")
    assert len(refused.value.problems) == 2
    reading = untc.read_table(text, "t.csv", partial=True)
    assert isinstance(reading, untc.UntcReading)
    assert [a.describe() for a in reading.record.acts] == ["ALB accession"]
    assert [p.code for p in reading.all_problems] == ["bad-date", "unknown-participant"]
    assert [str(p) for p in reading.all_problems] == [str(p) for p in refused.value.problems]
    # A table without problems gives the same record either way.
    good = 'Participant,Ratification\nAlbania,5 Jun 2007\n'
    assert untc.read_table(good, "t.csv", partial=True).record == untc.read_table(good, "t.csv")


def test_partial_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        untc.read_table("Participant\n", "t.csv", None, None, None, True, True)  # type: ignore[call-overload]


def test_a_path_is_a_source_and_not_a_text() -> None:
    path = TABLES / "4-11.csv"
    record = untc.read_table(path.read_text(encoding="utf-8"), path)
    assert record.treaty.short_name == "CRC"  # known by the path's name
    with pytest.raises(TypeError, match=r"not PosixPath: read the file first|not WindowsPath"):
        untc.read_table(path, "4-11.csv")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"not bytes: read the file first"):
        untc.read_table(path.read_bytes(), "4-11.csv")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"treaty must be a Treaty \(e\.g\. "
                       r"migrant_convention\.data\.treaty\('CRC'\)"):
        untc.read_table(path.read_text(encoding="utf-8"), "x.csv",
                        treaty="CRC")  # type: ignore[call-overload]


def test_a_table_s_id_is_its_file_name_s_whatever_the_folder_separator() -> None:
    from pathlib import PureWindowsPath

    assert untc.treaty_id(PureWindowsPath(r"C:\tables\4-11.csv")) == "IV-11"
    assert untc.treaty_id("tables\\4-11.csv") == "IV-11"
    assert untc.bundled_treaty(Path("some") / "4-11.csv") is mc.data.treaty("IV-11")
    # ... and only a UN table's id: an ILO number names no UN table.
    assert untc.bundled_treaty("C097.csv") is None


def test_trailing_empty_columns_are_not_repeated_headers() -> None:
    text = 'Participant,Signature,"Ratification, Accession(a)",,\nFrance,1 Jan 1990,5 Jan 1995,,\n'
    assert len(untc.read_table(text, "x.csv").acts) == 2

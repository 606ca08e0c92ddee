"""The bundled final clauses of the core UN human-rights treaties, checked
against the UN Treaty Collection's own tables (2013-2015) and the UN's stated
dates of entry into force: two independent sources, the treaty texts (the
rules) and the depositary (the dates)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest

import migrant_convention as mc
from migrant_convention.core.validate import notices, problems
from migrant_convention.formats import untc

TABLES = Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties"

# The dates of entry into force the UN states (UN Treaty Collection, MTDSG
# chapter IV; OHCHR's status pages), written here from those pages.
STATED = {
    "IV-2": date(1969, 1, 4), "IV-3": date(1976, 1, 3), "IV-4": date(1976, 3, 23),
    "IV-5": date(1976, 3, 23), "IV-12": date(1991, 7, 11), "IV-8": date(1981, 9, 3),
    "IV-8-b": date(2000, 12, 22), "IV-9": date(1987, 6, 26), "IV-9-b": date(2006, 6, 22),
    "IV-11": date(1990, 9, 2), "IV-11-b": date(2002, 2, 12), "IV-11-c": date(2002, 1, 18),
    "IV-13": date(2003, 7, 1), "IV-15": date(2008, 5, 3), "IV-15-a": date(2008, 5, 3),
    "IV-16": date(2010, 12, 23), "IV-3-a": date(2013, 5, 5), "IV-11-d": date(2014, 4, 14),
}


def _table(tid: str, treaty: mc.Treaty) -> mc.TreatyRecord:
    path = TABLES / (tid.replace("IV", "4") + ".csv")
    return untc.read_table(path.read_text(encoding="utf-8"), path.name, treaty=treaty,
                           validate=False)


def test_the_bundled_treaties_are_the_core_treaties_and_protocols() -> None:
    assert set(mc.data.treaties()) == set(STATED) | {"C097", "C143", "C189"}
    assert mc.data.treaty("crc") is mc.data.treaty("IV-11")
    # One way of naming a treaty, whatever the case, for treaty() and record().
    assert mc.data.treaty("iv-11-b") is mc.data.treaty("IV-11-b")
    assert mc.data.treaty("ILO C97") is mc.data.record("c097").treaty
    assert mc.data.treaty("icrmw") is mc.data.record("IV-13").treaty
    # A treaty whose clauses are bundled but not its record: said so.
    with pytest.raises(mc.UnknownTreatyError, match=r"final clauses of CRC \(IV-11\) are "
                       r"bundled, not its record"):
        mc.data.record("crc")
    assert mc.data.treaty("IV-13") is mc.data.icrmw_treaty()
    with pytest.raises(mc.UnknownTreatyError, match="unknown treaty 'IV-99'"):
        mc.data.treaty("IV-99")


@pytest.mark.parametrize("tid", sorted(STATED))
def test_the_entry_into_force_is_the_uns(tid: str) -> None:
    treaty = mc.data.treaty(tid)
    stated = treaty.stated_entry_into_force
    if tid == "IV-13":  # 0.1's treaty: computed from the bundled record
        assert stated is None
        assert mc.entry_into_force(mc.data.icrmw()) == STATED[tid]
    else:
        assert stated is not None
        assert stated.day == STATED[tid]
        assert mc.entry_into_force(_table(tid, treaty)) == STATED[tid]


# Tables whose acts give the UN's date by the treaty's own rule: every
# instrument before the entry into force is in the table under its author.
COMPLETE = ["IV-3-a", "IV-5", "IV-8-b", "IV-9", "IV-9-b", "IV-11", "IV-11-b", "IV-11-c",
            "IV-11-d", "IV-13", "IV-15", "IV-15-a", "IV-16"]


@pytest.mark.parametrize("tid", COMPLETE)
def test_the_rule_computes_the_uns_date_from_the_uns_table(tid: str) -> None:
    treaty = mc.data.treaty(tid)
    record = _table(tid, treaty)
    floor = treaty.adopted
    computed = treaty.rules.general_entry_into_force(record.acts,
                                                     lambda a: a.date.bounded(floor)[0])
    assert computed == STATED[tid]
    assert notices(record) == []


@pytest.mark.parametrize("tid", [
    # The tables list successor States with later "d" dates and leave the
    # predecessors' instruments (Czechoslovakia, the German Democratic
    # Republic, Yugoslavia, ...) in footnotes, so the rule finds the Nth
    # instrument later than the depositary did.
    "IV-2", "IV-3", "IV-4", "IV-8", "IV-12",
])
def test_a_disagreement_with_the_stated_date_is_reported_not_hidden(tid: str) -> None:
    treaty = mc.data.treaty(tid)
    record = _table(tid, treaty)
    floor = treaty.adopted
    computed = treaty.rules.general_entry_into_force(record.acts,
                                                     lambda a: a.date.bounded(floor)[0])
    assert computed is not None
    assert computed > STATED[tid]
    found = notices(record)
    assert [p.code for p in found] == ["stated-entry-into-force"]
    # A notice, not a problem: the record is valid and is read.
    assert problems(record) == []
    assert str(STATED[tid]) in found[0].message
    assert "the stated day is the one used" in found[0].message
    # ... and the stated day is the answer.
    assert mc.entry_into_force(record) == STATED[tid]


@pytest.mark.parametrize(("tid", "parent", "own", "waiting", "later"), [
    # ICCPR OP1 art. 9(1): "Subject to the entry into force of the Covenant",
    # three months after the 10th instrument (Mauritius, 12 Dec 1973, by the
    # table); the Covenant entered into force on 23 Mar 1976.  Finland
    # (19 Aug 1975) waits for the Covenant, not three months (art. 9(2));
    # Canada (19 May 1976) is bound three months after its own.
    ("IV-5", "IV-4", date(1974, 3, 12),
     ("FIN", date(1976, 3, 23)), ("CAN", date(1976, 8, 19))),
    # OP-CRPD art. 13(1): "Subject to the entry into force of the
    # Convention", the thirtieth day after the 10th instrument (Guinea,
    # 8 Feb 2008); the Convention entered into force on 3 May 2008.  San
    # Marino (22 Feb 2008) waits for it, not the thirtieth day (23 Mar);
    # Tunisia (2 Apr 2008) too, not 2 May (art. 13(2)).
    ("IV-15-a", "IV-15", date(2008, 3, 9),
     ("SMR", date(2008, 5, 3)), ("TUN", date(2008, 5, 3))),
])
def test_a_protocol_waits_for_its_parent(tid: str, parent: str, own: date,
                                          waiting: tuple[str, date], later: tuple[str, date]
                                          ) -> None:
    treaty = mc.data.treaty(tid)
    rule = treaty.rules.entry_into_force
    assert rule is not None
    assert rule.subject_to is not None
    assert rule.subject_to.treaty == parent
    assert rule.subject_to.entry_into_force.day == STATED[parent]
    record = _table(tid, treaty)
    deposits = treaty.rules.first_deposits(record.acts, lambda a: a.date.earliest).values()
    assert attrs.evolve(rule, subject_to=None).general(deposits) == own
    assert rule.general(deposits) == STATED[parent] == STATED[tid]
    for code, day in (waiting, later):
        assert mc.entry_into_force_for(record, code) == day
    # Without its stated date the treaty is computed the same, from the rule.
    bare = attrs.evolve(record, treaty=attrs.evolve(treaty, stated_entry_into_force=None))
    assert mc.entry_into_force(bare) == STATED[tid]
    assert mc.entry_into_force_for(bare, waiting[0]) == waiting[1]


def test_in_force_counts_of_a_core_treaty_from_its_un_table() -> None:
    # The CRC's 20th instrument was deposited on 3 Aug 1990, with two more
    # that day (Benin, Bangladesh, Sudan, per the table): 22 States are bound
    # from 2 Sep 1990, the thirtieth day after it (art. 49(1)).  France,
    # 7 Aug 1990, is bound thirty days after its own deposit, 6 Sep (49(2)).
    crc = mc.data.treaty("IV-11")
    record = _table("IV-11", crc)
    states = mc.data.states()
    assert mc.counts(record, states, date(1990, 9, 1)).in_force == 0
    assert mc.counts(record, states, date(1990, 9, 2)).in_force == 22
    assert mc.entry_into_force_for(record, "FRA") == date(1990, 9, 6)
    assert mc.status(record, states, "FRA", date(1990, 9, 5)) is mc.Status.PARTY
    assert mc.status(record, states, "FRA", date(1990, 9, 6)) is mc.Status.PARTY_IN_FORCE


# -- a table of a known treaty, read without saying which treaty ------------------------

def _read(name: str, **kwargs: object) -> mc.TreatyRecord:
    path = TABLES / name
    return untc.read_table(path.read_text(encoding="utf-8"), path.name,  # type: ignore[call-overload, no-any-return]
                           **kwargs)


def test_a_known_table_is_read_with_its_final_clauses_from_python() -> None:
    # 0.1 read 4-13.csv with a deposit-only treaty: entry_into_force raised
    # UnknownRuleError.  The UN states 1 July 2003 (art. 87(1)).
    record = _read("4-13.csv")
    assert record.treaty is mc.data.icrmw_treaty()
    assert mc.entry_into_force(record) == date(2003, 7, 1)
    assert mc.counts(record, mc.data.states(), date(2003, 7, 1)).in_force == 22


def test_a_table_that_leaves_instruments_out_is_read_with_a_notice() -> None:
    # The ICCPR's 2015 table gives Czechoslovakia's successors their 1993
    # dates and the German Democratic Republic's 1973 ratification only in a
    # footnote: by the table, the 35th instrument came in June 1976, not in
    # December 1975.  The record is read; the stated day is the answer; the
    # disagreement is a notice.
    record = _read("4-4.csv")
    assert record.treaty.short_name == "ICCPR"
    assert problems(record) == []
    assert mc.entry_into_force(record) == date(1976, 3, 23)
    found = notices(record)
    assert [n.code for n in found] == ["stated-entry-into-force"]
    assert "1976-09-11" in found[0].message
    # The UN's own page for IV-4 headed its table "Signatories: 74. Parties:
    # 168." when the tables were scraped (2013-2015).
    c = mc.counts(record, mc.data.states(), date(2015, 3, 14))
    assert (c.parties, c.signatories_total) == (168, 74)
    assert c.in_force == 168


def test_a_known_table_is_read_without_its_clauses_when_asked() -> None:
    record = _read("4-4.csv", treaty=untc.deposit_only_treaty("IV-4"))
    assert record.treaty.rules.entry_into_force is None
    with pytest.raises(mc.UnknownRuleError):
        mc.entry_into_force(record)


def test_an_unknown_table_keeps_a_deposit_only_treaty() -> None:
    record = _read("6-11.csv")
    assert record.treaty.id == "VI-11"
    assert record.treaty.rules.entry_into_force is None
    assert untc.bundled_treaty("6-11.csv") is None
    assert untc.bundled_treaty("some/dir/4-11.csv") is mc.data.treaty("IV-11")


@pytest.mark.parametrize(("tid", "code", "notified"), [
    # The UN's tables: the Czech Republic's succession to the CRC, 22 Feb 1993 d;
    # Serbia's (as Yugoslavia) to the ICCPR, 12 Mar 2001 d.
    ("IV-11", "CZE", date(1993, 2, 22)),
    ("IV-4", "SRB", date(2001, 3, 12)),
])
def test_a_successor_is_bound_from_its_notification_without_a_delay(
        tid: str, code: str, notified: date) -> None:
    # Vienna Convention on Succession of States in respect of Treaties, arts.
    # 23 and 34: a successor does not wait the delay a ratification waits.
    record = _table(tid, mc.data.treaty(tid))
    (act,) = [a for a in record.acts if a.participant == code
              and a.kind in record.treaty.rules.consent]
    assert act.kind is mc.ActKind.SUCCESSION
    assert act.date.earliest == notified
    assert mc.entry_into_force_for(record, code) == notified
    states = mc.data.states()
    assert mc.status(record, states, code, notified) is mc.Status.PARTY_IN_FORCE
    assert mc.status(record, states, code, notified - timedelta(days=1)) in (
        mc.Status.NO_ACTION, mc.Status.SIGNATORY)


def test_a_table_with_too_few_instruments_for_its_stated_date_is_noticed() -> None:
    # A table named as the CRC's, with deposits of 1994-95 only: the CRC
    # entered into force in 1990 on its 20th instrument, so this record leaves
    # them out; it is read, and the notice says so.
    text = ("Participant,Signature,Ratification\n"
            "France,1 Jan 1993,5 Jan 1994\nChile,1 Jan 1993,7 Jan 1995\n")
    reading = untc.parse_table(text, "4-11.csv")
    assert reading.all_problems == ()
    assert [n.code for n in reading.notices] == ["stated-entry-into-force"]
    assert "when 20 instruments had been deposited; the record has 0 by then" in \
        reading.notices[0].message

"""Status and counts on small, hand-made records: every status, every edge."""

from __future__ import annotations

from datetime import date

import pytest

from migrant_convention import (
    Act,
    ActKind,
    Alignment,
    Basis,
    Counts,
    Delay,
    DenunciationRule,
    EntryIntoForceRule,
    Membership,
    PartialDate,
    Rules,
    Status,
    Treaty,
    TreatyRecord,
    UndecidableError,
    Universe,
    UnknownParticipantError,
    count_series,
    counts,
    declarations,
    entry_into_force,
    entry_into_force_for,
    status,
    statuses,
    timeline,
)

MONTHS3 = Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH)
TREATY = Treaty(
    id="T-2", title="A test treaty", short_name="TT", adopted=date(2000, 1, 1),
    opened_for_signature=date(2000, 1, 1), depositary="Nobody",
    rules=Rules(
        EntryIntoForceRule(2, MONTHS3, MONTHS3),
        denunciation=DenunciationRule(Delay(months=12, alignment=Alignment.FIRST_OF_NEXT_MONTH),
                                      not_before=Delay(months=24)),
    ),
)


def act(code: str, kind: ActKind, day: str, article: str | None = None) -> Act:
    return Act(code, kind, PartialDate.parse(day), article)


def member(code: str, start: str, end: str | None = None, continues: str | None = None
           ) -> Membership:
    return Membership(code, code, date.fromisoformat(start),
                      date.fromisoformat(end) if end else None, Basis.UN_MEMBER, continues)


UNIVERSE = Universe([
    member("FRA", "1945-10-24"), member("DEU", "1973-09-18"), member("ITA", "1955-12-14"),
    member("ESP", "1955-12-14"), member("PRT", "1955-12-14"),
    member("SUN", "1945-10-24", "1991-12-23"), member("RUS", "1991-12-24", continues="SUN"),
])

RECORD = TreatyRecord(TREATY, [
    act("FRA", ActKind.SIGNATURE, "2000-02-01"),
    act("FRA", ActKind.RATIFICATION, "2001-01-15"),
    act("DEU", ActKind.ACCESSION, "2001-03-14"),   # the 2nd instrument: in force 2001-07-01
    act("ITA", ActKind.SIGNATURE, "2000-05-05"),
    act("ESP", ActKind.ACCESSION, "2002-02-02"),   # later State: 2002-06-01
    act("ESP", ActKind.DENUNCIATION, "2005-01-10"),  # effect 2006-02-01
    act("RUS", ActKind.SIGNATURE, "2000-03-03"),
    act("FRA", ActKind.DECLARATION, "2003-01-01", "77"),
])


@pytest.mark.parametrize(
    ("code", "day", "expected"),
    [
        ("FRA", "2000-01-31", Status.NO_ACTION),
        ("FRA", "2000-02-01", Status.SIGNATORY),
        ("FRA", "2001-01-15", Status.PARTY),
        ("FRA", "2001-06-30", Status.PARTY),
        ("FRA", "2001-07-01", Status.PARTY_IN_FORCE),
        ("ITA", "2030-01-01", Status.SIGNATORY),
        ("PRT", "2030-01-01", Status.NO_ACTION),
        ("ESP", "2002-05-31", Status.PARTY),
        ("ESP", "2002-06-01", Status.PARTY_IN_FORCE),
        ("ESP", "2006-01-31", Status.PARTY_IN_FORCE),  # denounced, not yet effective
        ("ESP", "2006-02-01", Status.FORMER_PARTY),
    ],
)
def test_every_status(code: str, day: str, expected: Status) -> None:
    assert status(RECORD, UNIVERSE, code, date.fromisoformat(day)) is expected


def test_entry_into_force_is_computed() -> None:
    assert entry_into_force(RECORD) == date(2001, 7, 1)
    assert entry_into_force_for(RECORD, "FRA") == date(2001, 7, 1)
    assert entry_into_force_for(RECORD, "ESP") == date(2002, 6, 1)
    assert entry_into_force_for(RECORD, "ITA") is None
    with pytest.raises(UnknownParticipantError, match="'XXX'"):
        entry_into_force_for(RECORD, "XXX")


def test_counts_partition_and_denunciation() -> None:
    c = counts(RECORD, UNIVERSE, date(2006, 2, 1))
    # FRA, DEU parties; ITA signatory; RUS signatory (USSR's signature); ESP former; PRT none.
    assert c == Counts(on=date(2006, 2, 1), parties=2, in_force=2, signatories=2,
                       signatories_total=3, former_parties=1, no_action=1, states=6)


def test_acts_of_a_predecessor_belong_to_the_state_in_the_universe_then() -> None:
    # The Russian Federation's signature (2000) is listed under RUS; before it
    # the lineage (USSR, then RUS) had done nothing.
    assert status(RECORD, UNIVERSE, "SUN", date(1991, 1, 1)) is Status.NO_ACTION
    assert status(RECORD, UNIVERSE, "RUS", date(2000, 3, 3)) is Status.SIGNATORY
    # Counted once, under whichever of the lineage is in the universe.
    assert counts(RECORD, UNIVERSE, date(1991, 1, 1)).states == 6
    assert counts(RECORD, UNIVERSE, date(1992, 1, 1)).states == 6
    assert [a.participant for a in timeline(RECORD, UNIVERSE, "SUN")] == ["RUS"]


def test_universe_lineage_and_holder() -> None:
    assert UNIVERSE.lineage("RUS") == ("SUN", "RUS")
    assert UNIVERSE.holder("RUS", date(1980, 1, 1)) == "SUN"
    assert UNIVERSE.holder("SUN", date(2000, 1, 1)) == "RUS"
    assert UNIVERSE.size(date(1950, 1, 1)) == 2
    assert UNIVERSE.members(date(1991, 12, 24)) >= {"RUS"}
    assert "SUN" not in UNIVERSE.members(date(1991, 12, 24))


def test_series_equals_counts_date_by_date() -> None:
    days = [date(1999, 1, 1), date(2001, 7, 1), date(2000, 2, 1), date(2006, 2, 1),
            date(2001, 6, 30)]
    assert count_series(RECORD, UNIVERSE, days) == [counts(RECORD, UNIVERSE, d) for d in days]


def test_statuses_cover_the_universe() -> None:
    all_status = statuses(RECORD, UNIVERSE, date(2001, 7, 1))
    assert set(all_status) == UNIVERSE.members(date(2001, 7, 1))
    assert all_status["DEU"] is Status.PARTY_IN_FORCE


def test_re_accession_after_denunciation() -> None:
    record = TreatyRecord(TREATY, [*RECORD.acts, act("ESP", ActKind.ACCESSION, "2010-01-05")])
    assert status(record, None, "ESP", date(2010, 1, 5)) is Status.PARTY
    assert status(record, None, "ESP", date(2010, 5, 1)) is Status.PARTY_IN_FORCE
    assert entry_into_force_for(record, "ESP") == date(2010, 5, 1)


def test_same_day_signature_and_ratification() -> None:
    record = TreatyRecord(TREATY, [
        act("FRA", ActKind.SIGNATURE, "2000-09-07"), act("FRA", ActKind.RATIFICATION, "2000-09-07"),
    ])
    assert status(record, None, "FRA", date(2000, 9, 7)) is Status.PARTY
    c = counts(record, UNIVERSE, date(2000, 9, 7))
    assert (c.parties, c.signatories, c.signatories_total) == (1, 0, 1)


class TestUncertainDates:
    record = TreatyRecord(TREATY, [
        act("FRA", ActKind.ACCESSION, "2001-01-15"),
        act("DEU", ActKind.ACCESSION, "2001-03-14"),
        act("ITA", ActKind.ACCESSION, "2004-11"),
        act("PRT", ActKind.DECLARATION, "[..2003-07-09]", "77"),
    ])

    def test_inside_the_month_is_undecidable(self) -> None:
        with pytest.raises(UndecidableError) as info:
            counts(self.record, UNIVERSE, date(2004, 11, 15))
        assert "ITA accession" in str(info.value)
        assert "2004-11" in str(info.value)
        assert info.value.on == date(2004, 11, 15)

    def test_status_undecidable_only_for_the_state_concerned(self) -> None:
        day = date(2004, 11, 15)
        with pytest.raises(UndecidableError):
            status(self.record, None, "ITA", day)
        assert status(self.record, None, "FRA", day) is Status.PARTY_IN_FORCE

    def test_explicit_resolution(self) -> None:
        day = date(2004, 11, 15)
        assert counts(self.record, UNIVERSE, day, resolve="earliest").parties == 3
        assert counts(self.record, UNIVERSE, day, resolve="latest").parties == 2

    def test_month_ends_are_decided(self) -> None:
        assert counts(self.record, UNIVERSE, date(2004, 11, 30)).parties == 3
        assert counts(self.record, UNIVERSE, date(2004, 10, 31)).parties == 2

    def test_entry_into_force_for_is_decided_when_all_days_agree(self) -> None:
        # Any day of November 2004 + 3 months falls in February 2005.
        assert entry_into_force_for(self.record, "ITA") == date(2005, 3, 1)

    def test_series_reports_undecidable_dates(self) -> None:
        with pytest.raises(UndecidableError):
            count_series(self.record, UNIVERSE, [date(2004, 1, 1), date(2004, 11, 2)])
        rows = count_series(self.record, UNIVERSE, [date(2004, 11, 2)], resolve="latest")
        assert rows[0].parties == 2

    def test_on_or_before_declarations(self) -> None:
        assert declarations(self.record, date(2003, 7, 9), article="77")[0].participant == "PRT"
        with pytest.raises(UndecidableError):
            declarations(self.record, date(2002, 1, 1))
        assert declarations(self.record, date(2002, 1, 1), resolve="latest") == ()
        assert declarations(self.record, date(1999, 1, 1)) == ()  # before adoption

    def test_uncertain_threshold(self) -> None:
        record = TreatyRecord(TREATY, [
            act("FRA", ActKind.ACCESSION, "2001-01-15"), act("DEU", ActKind.ACCESSION, "2001"),
        ])
        with pytest.raises(UndecidableError, match="entry into force"):
            entry_into_force(record)
        assert entry_into_force(record, resolve="earliest") == date(2001, 5, 1)
        assert entry_into_force(record, resolve="latest") == date(2002, 4, 1)
        # Parties are known on 2001-12-31; whether it is in force for them is not.
        assert counts(record, UNIVERSE, date(2001, 12, 31), resolve="latest").parties == 2
        with pytest.raises(UndecidableError):
            counts(record, UNIVERSE, date(2001, 12, 31))


def test_dates_must_be_dates() -> None:
    from datetime import datetime

    with pytest.raises(TypeError, match=r"datetime\.date"):
        counts(RECORD, UNIVERSE, datetime(2001, 1, 1))
    with pytest.raises(TypeError):
        status(RECORD, None, "FRA", "2001-01-01")  # type: ignore[call-overload]


def test_unknown_participant() -> None:
    with pytest.raises(UnknownParticipantError, match="'ZZZ'"):
        status(RECORD, None, "ZZZ", date(2001, 1, 1))
    with pytest.raises(LookupError):
        timeline(RECORD, None, "ZZZ")


def test_timeline_sorts_on_or_before_dates_by_their_latest_day() -> None:
    record = TreatyRecord(TREATY, [
        act("FRA", ActKind.DECLARATION, "[..2013-07-09]", "77"),
        act("FRA", ActKind.SIGNATURE, "2000-09-07"),
        act("FRA", ActKind.RATIFICATION, "2003-03-14"),
    ])
    assert [a.action for a in timeline(record, None, "FRA")] == [
        "signature", "ratification", "declaration_art77",
    ]


def test_a_name_given_for_a_code_is_told_to_give_a_code() -> None:
    import migrant_convention as mc

    record = mc.data.icrmw()
    with pytest.raises(mc.UnknownParticipantError, match=r"'Albania' \(not a participant code"):
        mc.status(record, None, "Albania", date(2014, 12, 18))
    with pytest.raises(mc.UnknownParticipantError, match=r"'XXX' \(no act of it in this record"):
        mc.status(record, None, "XXX", date(2014, 12, 18))

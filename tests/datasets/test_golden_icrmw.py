"""Golden figures for the bundled Migrant Workers Convention record.

Every expected value below comes from a source independent of this library's
output — the campaign's own post, UN documents, UN Treaty Collection headers —
as cited in shared/data/README.md and shared/data/*_notes.md.
"""

from __future__ import annotations

from datetime import date

import pytest

from migrant_convention import (
    ActKind,
    Status,
    count_series,
    counts,
    data,
    declarations,
    entry_into_force,
    entry_into_force_for,
    participants_with_status,
    status,
)

RECORD = data.icrmw()
STATES = data.states()


def test_step_it_up_launch_figures() -> None:
    # "Ratification by numbers", Step It Up launch post, 18 December 2014.
    c = counts(RECORD, STATES, date(2014, 12, 18))
    assert (c.parties, c.signatories, c.no_action, c.states) == (47, 19, 131, 197)
    assert c.former_parties == 0


def test_the_nineteen_signatories_of_2014() -> None:
    # UNTC table scraped 2015-01-27 (zmjones/untreaties 15ad316), states_notes.md §1.
    names = ["Armenia", "Benin", "Cambodia", "Cameroon", "Chad", "Comoros", "Congo", "Gabon",
             "Guinea-Bissau", "Haiti", "Liberia", "Madagascar", "Montenegro", "Palau",
             "Sao Tome and Principe", "Serbia", "Sierra Leone", "Togo", "Venezuela"]
    codes = ["ARM", "BEN", "KHM", "CMR", "TCD", "COM", "COG", "GAB", "GNB", "HTI", "LBR", "MDG",
             "MNE", "PLW", "STP", "SRB", "SLE", "TGO", "VEN"]
    assert len(names) == len(codes) == 19
    got = participants_with_status(RECORD, STATES, date(2014, 12, 18), Status.SIGNATORY)
    assert sorted(got) == sorted(codes)


@pytest.mark.parametrize(
    ("day", "size"),
    [("1990-12-18", 169), ("2003-07-01", 194), ("2011-07-14", 196), ("2014-04-01", 197),
     ("2014-12-18", 197), ("2024-11-30", 197)],
)
def test_universe_sizes(day: str, size: int) -> None:
    # states_notes.md §1, reconciled with published UN membership tallies.
    assert STATES.size(date.fromisoformat(day)) == size
    assert len(STATES.members(date.fromisoformat(day))) == size


def test_entry_into_force_is_computed_from_the_twentieth_instrument() -> None:
    # UNTC: "1 July 2003, in accordance with article 87(1)"; the 20th instrument
    # was deposited on 14 March 2003 (UN press release L/T/4371).
    assert entry_into_force(RECORD) == date(2003, 7, 1)
    consents = sorted(a.date.latest for a in RECORD.acts if a.kind in RECORD.treaty.rules.consent)
    assert consents[19] == date(2003, 3, 14)


def test_twenty_two_parties_at_entry_into_force() -> None:
    # "22 countries" in the entry-into-force statement; Mali (5 June 2003) the 22nd.
    c = counts(RECORD, STATES, date(2003, 7, 1))
    assert c.parties == c.in_force == 22
    assert entry_into_force_for(RECORD, "MLI") == date(2003, 7, 1)
    assert counts(RECORD, STATES, date(2003, 6, 30)).in_force == 0


@pytest.mark.parametrize(
    ("day", "parties"),
    [
        ("2007-04-27", 36),  # A/62/48 annex I, "as at 27 April 2007"
        ("2009-10-01", 42),  # UNESCO page c. 2009 (after Nigeria, before Cameroon's signature)
        ("2013-05-30", 46),  # OHCHR, 6th Meeting of States parties: "46 States parties"
        ("2017-04-30", 51),  # 51 from 2017-03-31 to 2018-07-05 (icrmw_notes.md §2)
        ("2018-07-05", 51),
        ("2024-01-01", 59),  # UNTC header "Signatories 40, Parties 59"
        ("2024-12-31", 60),  # Zimbabwe the 60th (CMW, Nov 2024); Wikipedia infobox 40/60
    ],
)
def test_published_party_counts(day: str, parties: int) -> None:
    assert counts(RECORD, STATES, date.fromisoformat(day)).parties == parties


def test_untc_header_signatories_forty() -> None:
    for day in (date(2024, 1, 1), date(2025, 12, 31)):
        assert counts(RECORD, STATES, day).signatories_total == 40


def test_datalab_eleven_signatories_only_in_2022() -> None:
    # world-politics-datalab snapshot between 22 Feb and 23 Sep 2022: 11 signatories.
    assert counts(RECORD, STATES, date(2022, 6, 1)).signatories == 11


def test_serbia_and_montenegro_signature() -> None:
    # Signed 11 Nov 2004 by Serbia and Montenegro, listed under Serbia.
    assert status(RECORD, STATES, "SCG", date(2005, 1, 1)) is Status.SIGNATORY
    assert status(RECORD, STATES, "SRB", date(2014, 12, 18)) is Status.SIGNATORY
    # Montenegro's own succession to that signature, 23 Oct 2006 ("d").
    assert status(RECORD, STATES, "MNE", date(2006, 10, 22)) is Status.NO_ACTION
    assert status(RECORD, STATES, "MNE", date(2006, 10, 23)) is Status.SIGNATORY


def test_zimbabwe_month_only_accession() -> None:
    assert counts(RECORD, STATES, date(2024, 10, 31)).parties == 59
    assert counts(RECORD, STATES, date(2024, 11, 30)).parties == 60
    # In force for it on 1 March 2025 whichever day of November it deposited.
    assert entry_into_force_for(RECORD, "ZWE") == date(2025, 3, 1)


def test_article_77_declarations() -> None:
    # Five States recognise the Committee's competence under art. 77 (ten needed).
    arts77 = declarations(RECORD, date(2025, 12, 31), article="77")
    assert sorted(a.participant for a in arts77) == ["ECU", "GTM", "MEX", "SLV", "URY"]
    assert all(a.kind is ActKind.DECLARATION for a in arts77)


def test_no_denunciations() -> None:
    assert not [a for a in RECORD.acts if a.kind is ActKind.DENUNCIATION]


def test_record_shape() -> None:
    kinds = [a.kind for a in RECORD.acts]
    assert kinds.count(ActKind.SIGNATURE) == 39
    assert kinds.count(ActKind.SUCCESSION_TO_SIGNATURE) == 1
    assert kinds.count(ActKind.RATIFICATION) == 29
    assert kinds.count(ActKind.ACCESSION) == 31
    assert kinds.count(ActKind.DECLARATION) == 8
    assert len(RECORD.codes) == 71
    assert all(a.sources for a in RECORD.acts), "every row keeps its sources"


def test_daily_series_is_monotone_without_denunciations() -> None:
    days = [date.fromordinal(o) for o in range(date(1990, 12, 18).toordinal(),
                                                date(2025, 12, 31).toordinal(), 7)]
    series = count_series(RECORD, STATES, days, resolve="latest")
    parties = [c.parties for c in series]
    assert parties == sorted(parties)
    assert parties[0] == 0
    assert parties[-1] == 60


def test_a_state_that_ceased_keeps_its_last_status() -> None:
    # The FRY (YUG) ended on 2000-10-31, before the 2004 signature made by
    # Serbia and Montenegro; Serbia and Montenegro ended on 2006-06-02 as a
    # signatory (states_universe.csv, icrmw_actions.csv).
    day = date(2014, 12, 18)
    assert status(RECORD, STATES, "YUG", day) is Status.NO_ACTION
    assert status(RECORD, STATES, "SCG", day) is Status.SIGNATORY
    assert status(RECORD, STATES, "SRB", day) is Status.SIGNATORY

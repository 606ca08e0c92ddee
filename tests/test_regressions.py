"""Bugs the properties found, pinned with hand-computed expectations."""

from __future__ import annotations

from datetime import date

import pytest

import migrant_convention as mc
from migrant_convention import Act, ActKind, Delay, PartialDate, Status


def test_strict_status_refuses_when_in_force_for_a_state_moves_earlier() -> None:
    # Entry into force after 1 instrument + 30 days; for later States, 12 months.
    # DEU acceded some day in 2001, FRA some day in February 2001.
    #  - earliest: DEU 2001-01-01 -> general 2001-01-31; FRA 2001-02-01 is later,
    #    so in force for FRA 12 months on: 2002-02-01.  On 2001-06-01: PARTY.
    #  - latest: FRA 2001-02-28 is the first instrument -> general 2001-03-30,
    #    FRA bound from then.  On 2001-06-01: PARTY_IN_FORCE.
    # The answer depends on the dates: strict must refuse, not answer PARTY.
    treaty = mc.Treaty(
        "T-1", "Test Convention", "TC", date(2000, 1, 1), date(2000, 1, 1), "SG",
        mc.Rules(mc.EntryIntoForceRule(1, Delay(days=30), Delay(months=12))),
    )
    record = mc.TreatyRecord(treaty, [
        Act("DEU", ActKind.ACCESSION, PartialDate.parse("2001")),
        Act("FRA", ActKind.ACCESSION, PartialDate.parse("2001-02")),
    ])
    on = date(2001, 6, 1)
    assert mc.status(record, None, "FRA", on, resolve="earliest") is Status.PARTY
    assert mc.status(record, None, "FRA", on, resolve="latest") is Status.PARTY_IN_FORCE
    with pytest.raises(mc.UndecidableError, match="FRA accession"):
        mc.status(record, None, "FRA", on)


def test_consent_on_the_day_a_denunciation_takes_effect_is_not_lost() -> None:
    # Denunciation notified 2002-01-01 takes effect one month later, 2002-02-01;
    # the State accedes again that very day.  It is a party again from then on
    # (in force at once: no delays), not a former party for ever.
    treaty = mc.Treaty(
        "T-2", "Test Convention", "TC", date(2000, 1, 1), date(2000, 1, 1), "SG",
        mc.Rules(mc.EntryIntoForceRule(1, Delay(), Delay()),
                 denunciation=mc.DenunciationRule(Delay(months=1))),
    )
    record = mc.TreatyRecord(treaty, [
        Act("FRA", ActKind.ACCESSION, PartialDate.parse("2001-01-01")),
        Act("FRA", ActKind.DENUNCIATION, PartialDate.parse("2002-01-01")),
        Act("FRA", ActKind.ACCESSION, PartialDate.parse("2002-02-01")),
    ])
    mc.validate_record(record)
    assert mc.status(record, None, "FRA", date(2002, 1, 31)) is Status.PARTY_IN_FORCE
    assert mc.status(record, None, "FRA", date(2002, 2, 1)) is Status.PARTY_IN_FORCE
    assert mc.status(record, None, "FRA", date(2003, 1, 1)) is Status.PARTY_IN_FORCE

"""Bad records get every problem reported, each named and located."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from migrant_convention import (
    Act,
    ActKind,
    MigrantConventionError,
    PartialDate,
    Problem,
    TreatyRecord,
    ValidationError,
    data,
    validate_record,
)
from migrant_convention.core.validate import problems

TREATY = data.icrmw_treaty()
STATES = data.states()


def act(code: str, kind: ActKind, day: str) -> Act:
    return Act(code, kind, PartialDate.parse(day))


def test_bundled_record_is_valid() -> None:
    assert problems(data.icrmw(), STATES) == []


def test_every_problem_at_once() -> None:
    good = data.icrmw().acts
    record = TreatyRecord(TREATY, [
        *good,
        act("ALB", ActKind.SIGNATURE, "1989-01-01"),          # before adoption
        act("XYZ", ActKind.ACCESSION, "2010-01-01"),          # unknown code
        act("BRA", ActKind.RATIFICATION, "2010-02-23"),       # no prior signature
        act("DZA", ActKind.ACCESSION, "2006-01-01"),          # second consent (1st: 2005)
        act("MNE", ActKind.SIGNATURE, "2001-01-01"),          # before Montenegro existed
        act("BHS", ActKind.ACCEPTANCE, "2010-01-01"),         # kind the treaty doesn't take
        act("CHL", ActKind.DENUNCIATION, "2001-01-01"),       # not a party (ratified 2005)
        act("MAR", ActKind.DENUNCIATION, "2006-01-01"),       # < 5 years after 2003-07-01
    ])
    locations = [f"f.csv, row {i + 2}" for i in range(len(record.acts))]
    with pytest.raises(ValidationError) as info:
        validate_record(record, STATES, locations=locations)
    err = info.value
    codes = [p.code for p in err.problems]
    assert codes == [
        "before-opening", "unknown-participant", "no-signature", "second-consent",
        "outside-universe", "kind-not-allowed", "not-a-party", "early-denunciation",
    ]
    text = str(err)
    first = len(good) + 2
    assert f"f.csv, row {first}, field 'date'" in text
    assert "'XYZ'" in text
    assert f"f.csv, row {first + 7}" in text
    assert "2008-07-01" in text
    # An ExceptionGroup of Problems, and a library error.
    assert isinstance(err, ExceptionGroup)
    assert isinstance(err, MigrantConventionError)
    assert all(isinstance(p, Problem) and isinstance(p, ValueError) for p in err.exceptions)


def test_except_star_catches_problems() -> None:
    record = TreatyRecord(TREATY, [act("ARG", ActKind.RATIFICATION, "2007-02-23")])
    caught: list[Problem] = []
    try:
        validate_record(record)
    except* Problem as group:
        caught.extend(p for p in group.exceptions if isinstance(p, Problem))
    assert [p.code for p in caught] == ["no-signature"]


def test_uncertain_order_gets_the_benefit_of_the_doubt() -> None:
    # Signature some day in 2004, ratification in Sept 2004: possibly in order.
    record = TreatyRecord(TREATY, [
        act("TUR", ActKind.SIGNATURE, "2004"), act("TUR", ActKind.RATIFICATION, "2004-09-27"),
    ])
    assert problems(record, STATES) == []


def test_locations_must_match_acts() -> None:
    record = TreatyRecord(TREATY, [act("ARG", ActKind.SIGNATURE, "2004-08-10")])
    with pytest.raises(ValueError, match="one entry per act"):
        problems(record, locations=[])


def test_valid_denunciation_after_five_years() -> None:
    record = TreatyRecord(TREATY, [*data.icrmw().acts,
                                   act("MAR", ActKind.DENUNCIATION, "2008-07-01")])
    assert problems(record, STATES) == []


def test_denunciation_before_entry_into_force() -> None:
    record = TreatyRecord(TREATY, [act("MAR", ActKind.SIGNATURE, "1991-08-15"),
                                   act("MAR", ActKind.RATIFICATION, "1993-06-21"),
                                   act("MAR", ActKind.DENUNCIATION, "1999-01-01")])
    assert [p.code for p in problems(record, STATES)] == ["early-denunciation"]


def test_signature_after_closing() -> None:
    import attrs

    closed = attrs.evolve(TREATY, rules=attrs.evolve(TREATY.rules,
                                                     signature_closes=date(1995, 12, 31)))
    record = TreatyRecord(closed, [act("ARG", ActKind.SIGNATURE, "2004-08-10")])
    assert [p.code for p in problems(record, STATES)] == ["after-closing"]


def test_an_act_of_a_state_after_it_ceased_is_reported() -> None:
    # The USSR ended in December 1991 (UN membership continued by the Russian
    # Federation): an accession coded SUN in 2021 is a miscoded act, not Russia's.
    record = data.icrmw()
    stray = Act("SUN", ActKind.ACCESSION, PartialDate.parse("2021-03-01"))
    bad = attrs.evolve(record, acts=(*record.acts, stray))
    found = [p for p in problems(bad, data.states()) if p.code == "ceased-state"]
    assert len(found) == 1
    assert found[0].value == "SUN"
    assert "RUS" in str(found[0])
    assert "1991" in str(found[0])


def test_a_successor_listed_for_its_predecessors_act_is_accepted() -> None:
    # UN practice lists Serbia and Montenegro's 2004 signature under Serbia.
    assert not [p for p in problems(data.icrmw(), data.states()) if p.code == "ceased-state"]

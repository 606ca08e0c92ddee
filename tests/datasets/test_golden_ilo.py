"""Golden figures of the bundled ILO records, from sources independent of the
library: the ILO's statements, the ILO's General Survey of 1999, Wikipedia's
tables, and counts made by hand from the reference data (not from the
library's output).  Each test cites its source."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

import migrant_convention as mc
from migrant_convention import data
from migrant_convention.core.validate import problems

STATES = data.states()


def test_the_registry_knows_the_four_records() -> None:
    assert sorted(data.records()) == ["C097", "C143", "C189", "IV-13"]
    assert data.record("IV-13") is data.icrmw()
    for name in ("C189", "c189", "ILO C189", " C189 "):
        assert data.record(name).treaty.id == "C189"
    assert data.record("C97").treaty.id == "C097"
    with pytest.raises(mc.UnknownTreatyError, match=r"unknown treaty 'C190' \(bundled: IV-13"):
        data.record("C190")


@pytest.mark.parametrize(("name", "rows", "stated"), [
    ("C097", 54, date(1952, 1, 22)),   # NORMLEX: 54 ratifications; in force 22 Jan 1952
    ("C143", 29, date(1978, 12, 9)),   # in force 9 Dec 1978 (NORMLEX, lnf.org.lb copy)
    ("C189", 36, date(2013, 9, 5)),    # in force 5 Sep 2013 (ILO news, 5 Sep 2012)
])
def test_each_record_is_whole_and_its_stated_entry_into_force_fits_the_rule(
    name: str, rows: int, stated: date
) -> None:
    record = data.record(name)
    assert len(record.acts) == rows
    assert mc.entry_into_force(record) == stated
    # The stated day is one the twelve-month rule allows from the
    # registrations (C143's two 1977 registrations allow all of 1978).
    assert problems(record) == []


def test_c189_entry_into_force_for_its_first_members() -> None:
    # Uruguay (14 Jun 2012) and the Philippines (5 Sep 2012) are bound from
    # 5 Sep 2013 (Swiss Federal Council table: Uruguay in force 5 Sep 2013);
    # Mauritius, registered 13 Sep 2012, from 13 Sep 2013; Germany, 20 Sep
    # 2013, from 20 Sep 2014 (NGG says 1 Sep 2014: a disagreement the notes
    # record; the rule and the ILO's registration date give the 20th).
    c189 = data.record("C189")
    assert mc.entry_into_force_for(c189, "URY") == date(2013, 9, 5)
    assert mc.entry_into_force_for(c189, "PHL") == date(2013, 9, 5)
    assert mc.entry_into_force_for(c189, "MUS") == date(2013, 9, 13)
    assert mc.entry_into_force_for(c189, "DEU") == date(2014, 9, 20)
    # Spain registered in 2023 (day unknown): in force for it on 29 Feb 2024
    # (BOE 3 Apr 2023; Europa Press 29 Feb 2024), which the rule allows only
    # from a registration on 28 Feb 2023; the library does not guess it.
    with pytest.raises(mc.UndecidableError):
        mc.entry_into_force_for(c189, "ESP")


def test_c189_by_the_end_of_the_campaign() -> None:
    # 22 registrations on or before 18 Dec 2015 (counted by hand in
    # shared/data/ilo/ilo_actions.csv: the last, Portugal's, 17 Jul 2015).
    c = mc.counts(data.record("C189"), STATES, date(2015, 12, 18))
    assert (c.parties, c.signatories) == (22, 0)
    assert c.no_action == c.states - 22


def test_c143_as_of_2013() -> None:
    # "As of 2013, the convention has been ratified by 23 states" (Wikipedia,
    # 2015 mirror; Yugoslavia, a former party, not among them).
    assert mc.counts(data.record("C143"), STATES, date(2013, 12, 31)).parties == 23


def test_c143_part_two_without_sweden() -> None:
    # Sweden excluded Part II (SÖ 1982:76); nobody else is known to have.
    c143 = data.record("C143")
    on = date(2023, 1, 1)  # Comoros registered in 2021: in force by the end of 2022
    in_force = mc.participants_with_status(c143, STATES, on, mc.Status.PARTY_IN_FORCE)
    assert set(mc.bound_by(c143, STATES, "Part I", on)) == set(in_force)
    assert set(mc.bound_by(c143, STATES, "Part II", on)) == set(in_force) - {"SWE"}


def test_c097_annexes() -> None:
    # NORMLEX: ten States excluded Annexes I to III, Algeria and France Annex
    # II, Bosnia and Herzegovina Annex III; New Zealand Annex I (CEACR 2007).
    c097 = data.record("C097")
    on = date(2025, 1, 1)
    assert mc.counts(c097, STATES, on).in_force == 54
    assert len(mc.bound_by(c097, STATES, "Annex I", on)) == 54 - 10 - 1
    assert len(mc.bound_by(c097, STATES, "Annex II", on)) == 54 - 10 - 2
    assert len(mc.bound_by(c097, STATES, "Annex III", on)) == 54 - 10 - 1
    assert "FRA" not in mc.bound_by(c097, STATES, "Annex II", on)


def test_c097_undated_registrations_make_earlier_counts_undecidable() -> None:
    # Four registrations have no date: Mauritius, Nigeria, the United
    # Kingdom, Zambia: on or before NORMLEX's count of 54 (the day of the last,
    # Congo's, 26 Oct 2023), in force twelve months later.  From then on the
    # answer is known; before, it is not.
    c097 = data.record("C097")
    c = mc.counts(c097, STATES, date(2024, 10, 26))
    assert (c.parties, c.in_force) == (54, 54)
    with pytest.raises(mc.UndecidableError, match="MUS ratification dated"):
        mc.counts(c097, STATES, date(2021, 12, 31))
    # Read with every undated registration at its earliest: 53 "as of 2021"
    # (Wikipedia) and 40 in 1999 (the ILO's General Survey of 1999 counts 41,
    # Yugoslavia's with them).
    assert mc.counts(c097, STATES, date(2021, 12, 31), resolve="earliest").parties == 53
    assert mc.counts(c097, STATES, date(1999, 12, 31), resolve="earliest").parties == 40


def test_the_bundled_files_are_what_the_build_script_makes(shared_data: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "tools" / "build_ilo_data.py"
    spec = importlib.util.spec_from_file_location("build_ilo_data", script)
    assert spec is not None
    assert spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    from migrant_convention import _bundled

    built = build.build(shared_data / "ilo" / "ilo_actions.csv")
    assert set(built) == {"ilo_c097_actions.csv", "ilo_c143_actions.csv", "ilo_c189_actions.csv"}
    for name, text in built.items():
        assert _bundled.text(name.removesuffix("_actions.csv")) == text


def test_every_exclusion_is_in_the_reference_notes(shared_data: Path) -> None:
    import csv

    with (shared_data / "ilo" / "ilo_actions.csv").open(encoding="utf-8", newline="") as f:
        notes = {(r["convention"], r["iso3"]): r["note"] for r in csv.DictReader(f)}
    for name in ("C097", "C143"):
        for act in data.record(name).acts:
            note = notes[(name, act.participant)]
            if act.excludes:
                assert "xclu" in note, (name, act.participant)
            else:
                assert "excluded" not in note, (name, act.participant)
                assert "excluding" not in note, (name, act.participant)

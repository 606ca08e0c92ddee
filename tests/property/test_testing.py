"""The invariant checks fail, readably, when an answer breaks its definition."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

import migrant_convention as mc
from migrant_convention.testing import checks as testing

ON = date(2014, 12, 18)


def test_the_bundled_record_passes_every_check() -> None:
    testing.check_invariants(mc.data.icrmw(), mc.data.states(), [date(1995, 1, 1), ON])


def test_partition_catches_a_miscount(monkeypatch: pytest.MonkeyPatch) -> None:
    real = mc.counts

    def off_by_one(*args: Any, **kwargs: Any) -> mc.Counts:
        c = real(*args, **kwargs)
        return attrs.evolve(c, parties=c.parties - 1, no_action=c.no_action + 1)

    monkeypatch.setattr(testing, "counts", off_by_one)
    with pytest.raises(AssertionError, match=r"counts\(\) gives .*'parties': 46.* give .*"
                                             r"'parties': 47"):
        testing.check_partition(mc.data.icrmw(), mc.data.states(), ON)


def test_count_series_check_names_the_day(monkeypatch: pytest.MonkeyPatch) -> None:
    real = mc.count_series

    def stale(*args: Any, **kwargs: Any) -> list[mc.Counts]:
        return [attrs.evolve(c, in_force=0) for c in real(*args, **kwargs)]

    monkeypatch.setattr(testing, "count_series", stale)
    with pytest.raises(AssertionError, match="on 2014-12-18: count_series gives"):
        testing.check_count_series(mc.data.icrmw(), mc.data.states(), [ON])


def test_entry_into_force_check_catches_an_early_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(testing, "entry_into_force_for", lambda *a, **k: date(2003, 6, 30))
    with pytest.raises(AssertionError, match="before the treaty's entry into force on 2003-07-01"):
        testing.check_entry_into_force(mc.data.icrmw())


def test_party_before_deposit_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    def everyone_party(*args: Any, **kwargs: Any) -> dict[str, mc.Status]:
        # In code order, AFG first, which never deposited (a frozenset's own
        # order changes with the hash seed, and so would the State reported).
        return dict.fromkeys(sorted(mc.data.states().members(ON)), mc.Status.PARTY)

    monkeypatch.setattr(testing, "statuses", everyone_party)
    with pytest.raises(AssertionError, match="counted as party on 2014-12-18, but its "
                                             "instruments of consent were deposited on no day"):
        testing.check_no_party_before_deposit(mc.data.icrmw(), mc.data.states(), ON)


def test_a_party_lost_without_denunciation_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    real = mc.statuses

    def forgetful(record: mc.TreatyRecord, universe: mc.Universe, on: date,
                  **kwargs: Any) -> dict[str, mc.Status]:
        out = real(record, universe, on, **kwargs)
        if on == ON:
            out["ALB"] = mc.Status.NO_ACTION
        return out

    monkeypatch.setattr(testing, "statuses", forgetful)
    with pytest.raises(AssertionError, match="ALB is a party on 2010-01-01 but no_action on "
                                             "2014-12-18, and has not denounced"):
        testing.check_parties_monotonic(mc.data.icrmw(), mc.data.states(),
                                        [date(2010, 1, 1), ON])


def test_recount_gives_the_campaign_figures_from_scratch() -> None:
    # 47 ratified, 19 signatories, 131 taking no action: the Step It Up figures.
    c = testing.recount(mc.data.icrmw(), mc.data.states(), ON, resolve="earliest")
    assert (c.on, c.parties, c.signatories, c.no_action, c.states) == (ON, 47, 19, 131, 197)
    by_state = testing.recount_statuses(mc.data.icrmw(), mc.data.states(), ON, resolve="latest")
    assert by_state["MEX"] is mc.Status.PARTY_IN_FORCE  # ratified 1999-03-08
    assert by_state["USA"] is mc.Status.NO_ACTION
    # Signed by Serbia and Montenegro on 2004-11-11, listed under Serbia.
    for on, expected in ((date(2004, 11, 10), mc.Status.NO_ACTION),
                         (date(2004, 11, 11), mc.Status.SIGNATORY)):
        assert testing.recount_status(mc.data.icrmw(), mc.data.states(), "SCG", on,
                                      resolve="earliest") is expected


def test_recount_before_entry_into_force_has_no_party_in_force() -> None:
    c = testing.recount(mc.data.icrmw(), mc.data.states(), date(2003, 6, 30), resolve="latest")
    assert (c.parties, c.in_force) == (22, 0)
    c = testing.recount(mc.data.icrmw(), mc.data.states(), date(2003, 7, 1), resolve="latest")
    assert (c.parties, c.in_force) == (22, 22)


@pytest.mark.parametrize("resolve", ["strict", mc.Resolve.STRICT])
def test_recount_refuses_strict(resolve: Any) -> None:
    with pytest.raises(ValueError, match="resolve='earliest' or 'latest'"):
        testing.recount(mc.data.icrmw(), mc.data.states(), ON, resolve=resolve)


def test_recount_check_catches_a_miscount(monkeypatch: pytest.MonkeyPatch) -> None:
    real = mc.counts

    def miscount(*args: Any, **kwargs: Any) -> mc.Counts:
        c = real(*args, **kwargs)
        return attrs.evolve(c, in_force=c.in_force - 1)

    monkeypatch.setattr(testing, "counts", miscount)
    with pytest.raises(AssertionError, match=r"on 2014-12-18: counts\(\) gives .*in_force=46.*"
                                             r"recount from the acts \(earliest\) .*in_force=47"):
        testing.check_recount(mc.data.icrmw(), mc.data.states(), [ON])


def test_recount_check_catches_a_wrong_status(monkeypatch: pytest.MonkeyPatch) -> None:
    real = mc.statuses

    def demoted(*args: Any, **kwargs: Any) -> dict[str, mc.Status]:
        out = real(*args, **kwargs)
        return {**out, "MEX": mc.Status.SIGNATORY}

    monkeypatch.setattr(testing, "statuses", demoted)
    with pytest.raises(AssertionError, match=r"'MEX': \('signatory', 'party_in_force'\)"):
        testing.check_recount(mc.data.icrmw(), mc.data.states(), [ON], resolve="latest")


def test_recount_wants_a_date_not_a_datetime() -> None:
    from datetime import datetime

    with pytest.raises(TypeError, match=r"on must be a datetime\.date, not datetime"):
        testing.recount(mc.data.icrmw(), mc.data.states(), datetime(2014, 12, 18),
                        resolve="latest")


@pytest.mark.parametrize("who", ["Albania", "XXX"])
def test_recount_status_refuses_what_is_not_a_known_code(who: str) -> None:
    with pytest.raises(mc.UnknownParticipantError, match=who):
        testing.recount_status(mc.data.icrmw(), mc.data.states(), who, ON,
                               resolve="latest")
    assert testing.recount_status(mc.data.icrmw(), None, "ALB", ON,
                                  resolve="latest") is mc.Status.PARTY_IN_FORCE


def test_recount_is_the_function_whatever_was_imported_first() -> None:
    # A fresh interpreter: use a check first (which imports the oracle module),
    # then testing.recount must still be the function, not a module.
    import subprocess
    import sys
    code = ("from datetime import date\nimport migrant_convention as mc\n"
            "from migrant_convention import testing\n"
            "testing.check_partition(mc.data.icrmw(), mc.data.states(), date(2014, 12, 18))\n"
            "print(testing.recount(mc.data.icrmw(), mc.data.states(), date(2014, 12, 18), "
            "resolve='latest').parties)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stdout.strip() == "47", done.stderr

"""Invariant checks for a test suite that relies on this library's counts.

Each ``check_*`` function recomputes a defining property of the answers of
:mod:`migrant_convention` for a record, a universe and some dates, and raises
an :class:`AssertionError` that says what failed, where, and by how much;
:func:`check_invariants` runs them all.  They need no Hypothesis, but go well
with :mod:`migrant_convention.testing.strategies`:

>>> from datetime import date
>>> from migrant_convention import data
>>> check_invariants(data.icrmw(), data.states(), [date(2003, 7, 1), date(2014, 12, 18)])

Every check takes ``resolve`` like the functions it checks.  With the default
``"strict"`` an answer that depends on an imprecise date raises
:class:`~migrant_convention.errors.UndecidableError`, as the library does;
:func:`check_invariants` checks under ``"earliest"`` and ``"latest"``.

:func:`recount`, :func:`recount_statuses` and :func:`recount_status` answer
the same questions from scratch, replaying the acts for every date asked,
without the library's indexes: slow (every act on every date) but simple
enough to read against the rules, and an oracle for the fast answers
(:func:`check_recount`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from ..core.acts import ActKind
from ..core.dates import PartialDate, Resolve, ResolveLike, as_resolve
from ..core.record import TreatyRecord
from ..core.status import count_series, counts, entry_into_force, entry_into_force_for, statuses
from ..core.status_types import Status
from ..core.universe import Universe
from .oracle import recount, recount_status, recount_statuses

__all__ = [
    "check_count_series",
    "check_entry_into_force",
    "check_invariants",
    "check_no_party_before_deposit",
    "check_parties_monotonic",
    "check_partition",
    "check_recount",
    "recount",
    "recount_status",
    "recount_statuses",
]


def _day(record: TreatyRecord, act_date: PartialDate, resolve: ResolveLike) -> date:
    """The day an act counts from under *resolve* (strict reads the earliest:
    the functions checked raise before that matters)."""
    how = as_resolve(resolve)
    return act_date.resolved(Resolve.LATEST if how is Resolve.LATEST else Resolve.EARLIEST,
                             record.treaty.adopted)


def check_partition(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: ResolveLike = "strict"
) -> None:
    """Parties, signatories, former parties and States taking no action
    partition the universe on *on*: the status of each State
    (:func:`~migrant_convention.core.status.statuses`), counted, gives exactly
    :func:`~migrant_convention.core.status.counts`, and every State of the universe
    on that day has one status.
    """
    by_state = statuses(record, universe, on, resolve=resolve)
    c = counts(record, universe, on, resolve=resolve)
    members = universe.members(on)
    assert set(by_state) == members, (
        f"on {on}: statuses() covers {sorted(set(by_state) ^ members)} wrongly "
        f"(the universe has {len(members)} States then)"
    )
    tally = Counter(by_state.values())
    expected = {
        "parties": tally[Status.PARTY] + tally[Status.PARTY_IN_FORCE],
        "in_force": tally[Status.PARTY_IN_FORCE],
        "signatories": tally[Status.SIGNATORY],
        "former_parties": tally[Status.FORMER_PARTY],
        "no_action": tally[Status.NO_ACTION],
        "states": len(members),
    }
    got = {k: getattr(c, k) for k in expected}
    assert got == expected, (
        f"on {on}: counts() gives {got} but the statuses of the States give {expected}"
    )
    total = c.parties + c.signatories + c.former_parties + c.no_action
    assert total == universe.size(on), (
        f"on {on}: {c.parties} parties + {c.signatories} signatories + {c.former_parties} "
        f"former parties + {c.no_action} taking no action = {total}, but the universe has "
        f"{universe.size(on)} States"
    )


def check_no_party_before_deposit(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: ResolveLike = "strict"
) -> None:
    """No State is counted as a party on *on* unless it (or a State of its
    lineage) deposited an instrument of consent on or before *on*."""
    consent = record.treaty.rules.consent
    for code, status in statuses(record, universe, on, resolve=resolve).items():
        if not status.is_party:
            continue
        group = universe.lineage(code)
        deposits = [
            _day(record, a.date, resolve) for a in record.acts
            if a.participant in group and a.kind in consent
        ]
        assert any(d <= on for d in deposits), (
            f"{code} is counted as {status.value} on {on}, but its instruments of consent "
            f"were deposited on {sorted(deposits) or 'no day'}"
        )


def check_entry_into_force(record: TreatyRecord, *, resolve: ResolveLike = "strict") -> None:
    """For each participant that consented, the treaty enters into force for
    it no earlier than its general entry into force, no earlier than the
    deposit, and — when it consented on or after the general entry into
    force — exactly when the later delay from its deposit ends (a succession:
    on its notification, :meth:`~migrant_convention.core.rules.Rules.entry_into_force_for`)."""
    rules = record.treaty.rules
    general = entry_into_force(record, resolve=resolve)
    for code in record.codes:
        consents = [(_day(record, a.date, resolve), a.kind) for a in record.acts_of(code)
                    if a.kind in rules.consent]
        deposits = [day for day, _ in consents]
        mine = entry_into_force_for(record, code, resolve=resolve)
        if not deposits or general is None:
            assert mine is None, (
                f"entry into force for {code} is {mine}, but "
                + ("it never consented" if not deposits else "the treaty is not in force")
            )
            continue
        deposit = deposits[-1]
        assert mine is not None, f"{code} consented on {deposit} but has no entry into force"
        assert mine >= general, (
            f"in force for {code} on {mine}, before the treaty's entry into force on {general}"
        )
        assert mine >= deposit, f"in force for {code} on {mine}, before its deposit on {deposit}"
        if deposit >= general and rules.entry_into_force is not None:
            own = rules.entry_into_force_for(general, deposit, consents[-1][1])
            assert mine == own, (
                f"in force for {code} on {mine}, but its deposit on {deposit} plus the "
                f"treaty's delay gives {own}"
            )


def check_count_series(
    record: TreatyRecord,
    universe: Universe,
    dates: Iterable[date],
    *,
    resolve: ResolveLike = "strict",
) -> None:
    """:func:`~migrant_convention.core.status.count_series` equals
    :func:`~migrant_convention.core.status.counts` asked date by date."""
    days = list(dates)
    series = count_series(record, universe, days, resolve=resolve)
    assert len(series) == len(days), f"count_series gave {len(series)} rows for {len(days)} dates"
    for day, row in zip(days, series, strict=True):
        one = counts(record, universe, day, resolve=resolve)
        assert row == one, f"on {day}: count_series gives {row}, counts gives {one}"


def check_recount(
    record: TreatyRecord,
    universe: Universe,
    dates: Iterable[date],
    *,
    resolve: ResolveLike = "strict",
) -> None:
    """:func:`~migrant_convention.core.status.counts` and
    :func:`~migrant_convention.core.status.statuses` equal what :func:`recount` and
    :func:`recount_statuses` work out from scratch, on each of *dates*.

    Under ``"strict"`` an answer the library gives must equal the recount
    under both resolutions (it may only answer when they agree).
    """
    how = as_resolve(resolve)
    ways = (Resolve.EARLIEST, Resolve.LATEST) if how is Resolve.STRICT else (how,)
    for day in dates:
        got = counts(record, universe, day, resolve=how)
        by_state = statuses(record, universe, day, resolve=how)
        for way in ways:
            expected = recount(record, universe, day, resolve=way)
            assert got == expected, (
                f"on {day}: counts() gives {got}, a recount from the acts "
                f"({way.value}) gives {expected}"
            )
            again = recount_statuses(record, universe, day, resolve=way)
            # Every State either side has, with what each side says of it.
            wrong = {c: (getattr(by_state.get(c), "value", None),
                         getattr(again.get(c), "value", None))
                     for c in by_state.keys() | again.keys() if by_state.get(c) is not again.get(c)}
            assert not wrong, (
                f"on {day}: statuses() and a recount from the acts ({way.value}) differ "
                f"(State: (statuses(), recount)): {dict(sorted(wrong.items()))}"
            )


def check_parties_monotonic(
    record: TreatyRecord,
    universe: Universe,
    dates: Iterable[date],
    *,
    resolve: ResolveLike = "strict",
) -> None:
    """Between two of *dates*, a State that is a party at the first stays a
    party at the second, unless its lineage notified a denunciation meanwhile
    or it left the universe; so, when no State did either, the number of
    parties never falls."""
    days = sorted(set(dates))
    before = None
    for day in days:
        now = statuses(record, universe, day, resolve=resolve)
        if before is not None:
            then, earlier = before
            left = [c for c, s in then.items() if s.is_party and c not in now]
            notices = [a for a in record.acts if a.kind is ActKind.DENUNCIATION
                       and _day(record, a.date, resolve) <= day]
            n_then = sum(s.is_party for s in then.values())
            n_now = sum(s.is_party for s in now.values())
            assert left or notices or n_now >= n_then, (
                f"{n_then} parties on {earlier} but {n_now} on {day}, though no party left "
                "the universe and nobody denounced the treaty"
            )
            for code, status in then.items():
                if not status.is_party or code not in now or now[code].is_party:
                    continue
                group = universe.lineage(code)
                denounced = [
                    a for a in record.acts
                    if a.participant in group and a.kind is ActKind.DENUNCIATION
                    and _day(record, a.date, resolve) <= day
                ]
                assert denounced, (
                    f"{code} is a party on {earlier} but {now[code].value} on {day}, and has "
                    "not denounced the treaty"
                )
        before = (now, day)


def check_invariants(
    record: TreatyRecord,
    universe: Universe,
    dates: Sequence[date],
    *,
    resolutions: Sequence[ResolveLike] = ("earliest", "latest"),
) -> None:
    """Run every check above on *dates*, under each of *resolutions*.

    :func:`check_recount` replays every act for every date: for many dates
    on a large record, run the other checks on all of them and this one on a
    sample.
    """
    for how in resolutions:
        check_entry_into_force(record, resolve=how)
        check_count_series(record, universe, dates, resolve=how)
        check_recount(record, universe, dates, resolve=how)
        check_parties_monotonic(record, universe, dates, resolve=how)
        for day in dates:
            check_partition(record, universe, day, resolve=how)
            check_no_party_before_deposit(record, universe, day, resolve=how)

"""The naive baseline: every question answered from scratch from the acts.

For each date it takes the acts done on or before that day, works out the
treaty's entry into force from them, replays each lineage's acts in order and
counts the States of the universe on that day.  Nothing is indexed or reused
between dates: this is what a straightforward implementation of the rules does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from migrant_convention import Act, ActKind, Resolve, Rules, Status, TreatyRecord, Universe
from migrant_convention.treaty import Delay

# Without a denunciation clause, twelve months' notice (VCLT art. 56(2)).
VCLT_NOTICE = Delay(months=12)
Row = tuple[int, int, int, int, int, int, int]


def act_kind_consents(rules: Rules, act: Act) -> bool:
    return act.kind in rules.consent


def lineage_status(
    record: TreatyRecord, acts: list[tuple[date, Act]], general: date | None, on: date
) -> tuple[Status, bool]:
    """The status on *on* of a lineage whose acts up to *on* are *acts* (in
    order), and whether it has ever signed."""
    rules = record.treaty.rules
    bound = former = signed = False
    in_force: date | None = None
    effect: date | None = None
    for day, act in acts:
        # A denunciation takes effect before the acts of a later day, and
        # before a consent on the very day it takes effect (leave, then rejoin).
        if effect is not None and (effect < day or (effect == day
                                   and act_kind_consents(rules, act))):
            bound, former, effect, in_force = False, True, None, None
        kind = act.kind
        if kind.is_signature:
            signed = True
        elif kind in rules.consent and not bound:
            bound, former = True, False
            if general is None:
                in_force = None
            elif day < general:
                in_force = general
            else:
                in_force = rules.entry_into_force.later_delay.apply(day)
        elif kind is ActKind.DENUNCIATION and bound:
            notice = rules.denunciation.takes_effect if rules.denunciation else VCLT_NOTICE
            takes = notice.apply(day)
            effect = takes if effect is None else min(effect, takes)
    if effect is not None and effect <= on:
        bound, former = False, True
    if bound:
        status = Status.PARTY_IN_FORCE if in_force is not None and in_force <= on \
            else Status.PARTY
    elif former:
        status = Status.FORMER_PARTY
    elif signed:
        status = Status.SIGNATORY
    else:
        status = Status.NO_ACTION
    return status, signed


def statuses_on(
    record: TreatyRecord, universe: Universe, on: date, how: Resolve
) -> dict[str, tuple[Status, bool]]:
    """The status of every State of the universe on *on*, from scratch."""
    treaty = record.treaty
    floor = treaty.adopted
    done = sorted(
        ((a.date.resolved(how, floor), a) for a in record.acts
         if a.date.resolved(how, floor) <= on),
        key=lambda t: (t[0], t[1].sort_key()),
    )
    rule = treaty.rules.entry_into_force
    deposits = [d for d, a in done if a.kind in treaty.rules.consent]
    general = rule.delay.apply(deposits[rule.instruments - 1]) \
        if len(deposits) >= rule.instruments else None
    by_lineage: dict[tuple[str, ...], list[tuple[date, Act]]] = {}
    for day, act in done:
        by_lineage.setdefault(universe.lineage(act.participant), []).append((day, act))
    return {
        p.code: lineage_status(record, by_lineage.get(universe.lineage(p.code), []), general, on)
        for p in universe.periods if p.covers(on)
    }


def counts_on(record: TreatyRecord, universe: Universe, on: date, how: Resolve) -> Row:
    """(parties, in force, signatories, signatories in all, former parties, no
    action, States) on *on*, from scratch."""
    tally = dict.fromkeys(Status, 0)
    ever = 0
    states = statuses_on(record, universe, on, how)
    for status, signed in states.values():
        tally[status] += 1
        ever += signed
    return (tally[Status.PARTY] + tally[Status.PARTY_IN_FORCE], tally[Status.PARTY_IN_FORCE],
            tally[Status.SIGNATORY], ever, tally[Status.FORMER_PARTY], tally[Status.NO_ACTION],
            len(states))


def count_series(
    record: TreatyRecord, universe: Universe, days: Iterable[date], how: Resolve
) -> list[Row]:
    """:func:`counts_on` for each day."""
    return [counts_on(record, universe, d, how) for d in days]

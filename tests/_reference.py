"""A naive reference implementation of the status and count rules.

Written from the rules as the documentation states them (treaty.py, status.py,
the Convention's articles 87 and 89), directly and slowly, without the
library's indexes (``_index.py``) or its month arithmetic: the properties
compare the fast functions with these.  It assumes a consistent record (what
the strategies generate): at most one consent at a time, denunciations only by
parties.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any, Literal

from migrant_convention import (
    Act,
    ActKind,
    Alignment,
    Delay,
    LaterFrom,
    Status,
    TreatyRecord,
    Universe,
)

How = Literal["earliest", "latest"]

_SAME_DAY_ORDER = {  # a signature and a ratification on one day: signed first
    ActKind.SIGNATURE: 0, ActKind.SUCCESSION_TO_SIGNATURE: 0,  # then the record's order
}


def day_of(record: TreatyRecord, act: Act, how: How) -> date:
    """The day an act counts from: its first or last possible day; an open
    "on or before" date starts no earlier than the treaty's adoption."""
    adopted = record.treaty.adopted
    first = act.date.earliest_known if act.date.earliest_known is not None else adopted
    first = min(max(first, adopted), act.date.latest)
    return first if how == "earliest" else act.date.latest


def apply(delay: Delay, start: date) -> date:
    """*start* plus the delay, counted month by month, then aligned."""
    year, month = start.year, start.month
    for _ in range(delay.months):
        month += 1
        if month == 13:
            year, month = year + 1, 1
    last = calendar.monthrange(year, month)[1]
    day = min(start.day, last)
    if (delay.alignment is Alignment.MONTH_END and delay.months
            and start.day == calendar.monthrange(start.year, start.month)[1]):
        day = last  # month end to month end
    end = date(year, month, day) + timedelta(days=delay.days)
    if delay.alignment is Alignment.FIRST_OF_NEXT_MONTH:
        return date(end.year + 1, 1, 1) if end.month == 12 else date(end.year, end.month + 1, 1)
    return end


def nth_deposit(record: TreatyRecord, how: How) -> date | None:
    """The day of the N-th instrument of consent; a participant's instruments
    count once (its first)."""
    rules = record.treaty.rules
    first: dict[str, date] = {}
    for a in record.acts:
        if a.kind in rules.consent:
            day = day_of(record, a, how)
            first[a.participant] = min(day, first.get(a.participant, day))
    deposits = sorted(first.values())
    rule = rules.entry_into_force
    if rule is None or len(deposits) < rule.instruments:
        return None
    return deposits[rule.instruments - 1]


def general_eif(record: TreatyRecord, how: How) -> date | None:
    """The stated entry into force, if the treaty has one; else the day the
    N-th instrument is deposited, plus the delay."""
    stated = record.treaty.stated_entry_into_force
    if stated is not None:
        return stated.day
    nth = nth_deposit(record, how)
    rule = record.treaty.rules.entry_into_force
    if nth is None or rule is None:
        return None
    own = apply(rule.delay, nth)
    # "Subject to the entry into force of the Covenant": not before it.
    if rule.subject_to is not None and rule.subject_to.entry_into_force.day > own:
        return rule.subject_to.entry_into_force.day
    return own


def eif_for_deposit(record: TreatyRecord, deposit: date, how: How,
                    kind: ActKind | None = None) -> date | None:
    """Bound from the general entry into force if it consented before it
    ("after its entry into force", the default) or on or before the N-th
    instrument's day ("after the deposit of the N-th instrument",
    LaterFrom.INSTRUMENTS); otherwise its own deposit plus the later delay.
    A successor (a notification of succession) waits no delay: bound from
    its notification, or the general entry into force if that is later."""
    general = general_eif(record, how)
    if general is None:
        return None
    rule = record.treaty.rules.entry_into_force
    if rule is None:
        return general
    if kind is ActKind.SUCCESSION:
        return deposit if deposit > general else general
    if rule.later_from is LaterFrom.INSTRUMENTS:
        nth = nth_deposit(record, how)
        if nth is None or deposit <= nth:
            return general
        return max(general, apply(rule.later_delay, deposit))
    if deposit < general:
        return general
    return apply(rule.later_delay, deposit)


def eif_for(record: TreatyRecord, code: str, how: How) -> date | None:
    consents = [(day_of(record, a, how), a.kind) for a in record.acts
                if a.participant == code and a.kind in record.treaty.rules.consent]
    if not consents:
        return None
    day, kind = max(consents, key=lambda c: c[0])
    return eif_for_deposit(record, day, how, kind)


def denunciation_effect(record: TreatyRecord, notified: date) -> date:
    clause = record.treaty.rules.denunciation
    assert clause is not None, "the strategies only denounce treaties with a clause"
    return apply(clause.takes_effect, notified)


def lineage(universe: Universe | None, code: str) -> frozenset[str]:
    """Every code linked to *code* by "continues", in either direction."""
    if universe is None:
        return frozenset({code})
    links = [(p.code, p.continues) for p in universe.periods if p.continues]
    group = {code}
    grew = True
    while grew:
        grew = False
        for a, b in links:
            if (a in group) != (b in group):
                group |= {a, b}
                grew = True
    return frozenset(group)


def last_day(universe: Universe | None, code: str, on: date) -> date:
    """The day whose status a State has on *on*: *on* itself, or, for a State
    that has ceased to exist by then (and does not come back), its last day."""
    if universe is None:
        return on
    mine = [p for p in universe.periods if p.code == code]
    if not mine or any(p.start <= on and (p.end is None or on <= p.end) for p in mine):
        return on
    if any(p.start > on for p in mine):
        return on
    return max(p.end for p in mine if p.end is not None)


def status(record: TreatyRecord, group: frozenset[str], on: date, how: How) -> Status:
    """The status of the participants *group* (one lineage) on *on*."""
    rules = record.treaty.rules
    acts = sorted(
        (day_of(record, a, how), _SAME_DAY_ORDER.get(a.kind, 5), i, a)
        for i, a in enumerate(record.acts) if a.participant in group
    )
    # Episodes of being bound: [consent day, denunciation day or None, kind].
    episodes: list[list[Any]] = []
    for day, _, _, act in acts:
        if act.kind in rules.consent and (not episodes or episodes[-1][1] is not None):
            episodes.append([day, None, act.kind])
        elif act.kind is ActKind.DENUNCIATION and episodes and episodes[-1][1] is None:
            episodes[-1][1] = day
    started = [e for e in episodes if e[0] is not None and e[0] <= on]
    if started:
        consent, notified, kind = started[-1]
        assert consent is not None
        if notified is not None and denunciation_effect(record, notified) <= on:
            return Status.FORMER_PARTY
        in_force = eif_for_deposit(record, consent, how, kind)
        if in_force is not None and in_force <= on:
            return Status.PARTY_IN_FORCE
        return Status.PARTY
    if any(d <= on and a.kind.is_signature for d, _, _, a in acts):
        return Status.SIGNATORY
    return Status.NO_ACTION


def members(universe: Universe, on: date) -> list[str]:
    return sorted({p.code for p in universe.periods
                   if p.start <= on and (p.end is None or on <= p.end)})


def counts(record: TreatyRecord, universe: Universe, on: date, how: How) -> dict[str, int]:
    """Ratification by numbers, State by State."""
    out = dict.fromkeys(("parties", "in_force", "signatories", "signatories_total",
                         "former_parties", "no_action", "states"), 0)
    for code in members(universe, on):
        group = lineage(universe, code)
        s = status(record, group, on, how)
        out["states"] += 1
        out["parties"] += s in (Status.PARTY, Status.PARTY_IN_FORCE)
        out["in_force"] += s is Status.PARTY_IN_FORCE
        out["signatories"] += s is Status.SIGNATORY
        out["former_parties"] += s is Status.FORMER_PARTY
        out["no_action"] += s is Status.NO_ACTION
        out["signatories_total"] += any(
            a.participant in group and a.kind.is_signature and day_of(record, a, how) <= on
            for a in record.acts
        )
    return out

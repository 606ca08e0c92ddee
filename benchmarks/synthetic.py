"""Seeded synthetic records and universes of any size, for the scale benchmark.

A record of *n* acts has about ``n / 1.4`` States: most are in the universe
from before the treaty, some join later, some leave (a tenth of those leaving
are continued by a successor that takes over their acts, as Serbia continues
Serbia and Montenegro).  About 55% sign, most of those ratify; about a fifth
accede without signing; one act in a hundred is dated only to the month; one
in two hundred is by a participant outside the universe (an organisation).
Records have no denunciations, like the Migrant Workers Convention's.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from migrant_convention import (
    Act,
    ActKind,
    Basis,
    Membership,
    PartialDate,
    TreatyRecord,
    Universe,
    data,
)

OPENED = date(1990, 12, 18).toordinal()
LAST = date(2025, 12, 31).toordinal()


def _when(rng: random.Random, lo: int, month_only: bool) -> PartialDate:
    day = date.fromordinal(rng.randint(lo, LAST))
    if month_only:
        return PartialDate.month(day.year, day.month)
    return PartialDate.day(day)


def synthetic(n_acts: int, seed: int = 0) -> tuple[TreatyRecord, Universe]:
    """A record of exactly *n_acts* acts under the Migrant Workers Convention's
    rules, and a universe of States for it; the same for the same seed."""
    rng = random.Random(seed)
    acts: list[Act] = []
    periods: list[Membership] = []
    i = 0
    while len(acts) < n_acts:
        i += 1
        code = f"S{i:07d}"
        start = date(1945, 10, 24) if rng.random() < 0.8 else date.fromordinal(
            rng.randint(OPENED - 3000, LAST))
        end: date | None = None
        holder = code
        if rng.random() < 0.05:
            end = date.fromordinal(rng.randint(start.toordinal(), LAST))
            if rng.random() < 0.1 and end < date(2025, 12, 30):
                # A successor continues it; the acts are listed under the successor.
                i += 1
                holder = f"S{i:07d}"
                periods.append(Membership(holder, holder, end + timedelta(days=1), None,
                                          Basis.UN_MEMBER, continues=code))
        periods.append(Membership(code, code, start, end, Basis.UN_MEMBER))
        if rng.random() < 0.005:
            holder = f"ORG{i:07d}"
        first = max(OPENED, start.toordinal())
        r = rng.random()
        if r < 0.55:
            signed = _when(rng, first, rng.random() < 0.01)
            acts.append(Act(holder, ActKind.SIGNATURE, signed))
            if rng.random() < 0.7:
                kind = ActKind.RATIFICATION
                acts.append(Act(holder, kind, _when(rng, signed.latest.toordinal(),
                                                    rng.random() < 0.01)))
        elif r < 0.75:
            acts.append(Act(holder, ActKind.ACCESSION, _when(rng, first, rng.random() < 0.01)))
    acts = acts[:n_acts]
    rng.shuffle(acts)
    record = TreatyRecord(data.icrmw_treaty(), acts, as_of=date(2025, 12, 31))
    return record, Universe(periods, as_of=date(2025, 12, 31))


def query_days(q: int, first: date = date(1990, 12, 18)) -> list[date]:
    """*q* consecutive days from *first*."""
    return [first + timedelta(days=k) for k in range(q)]

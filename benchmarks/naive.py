"""The naive baseline: every question answered from scratch from the acts.

For each date it takes the acts done on or before that day, works out the
treaty's entry into force from them, replays each lineage's acts in order and
counts the States of the universe on that day.  Nothing is indexed or reused
between dates: this is what a straightforward implementation of the rules
does.  It is the library's own from-scratch recount,
:func:`migrant_convention.testing.recount`, which shares no code with the
indexes it is compared with (the test suite checks the two agree).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from migrant_convention import Resolve, Status, TreatyRecord, Universe
from migrant_convention.testing import recount, recount_statuses

Row = tuple[int, int, int, int, int, int, int]


def statuses_on(
    record: TreatyRecord, universe: Universe, on: date, how: Resolve
) -> dict[str, Status]:
    """The status of every State of the universe on *on*, from scratch."""
    return recount_statuses(record, universe, on, resolve=how)


def count_series(
    record: TreatyRecord, universe: Universe, days: Iterable[date], how: Resolve
) -> list[Row]:
    """(parties, in force, signatories, signatories in all, former parties, no
    action, States) on each day, each from scratch."""
    out: list[Row] = []
    for day in days:
        c = recount(record, universe, day, resolve=how)
        out.append((c.parties, c.in_force, c.signatories, c.signatories_total,
                    c.former_parties, c.no_action, c.states))
    return out

"""Indexes that make status and counts cheap to ask for, on any number of dates.

A record is turned, once per ``(record, universe, resolution)``, into:

* for each *lineage* of participants (a State and those it continues), the
  days on which its status changes (a step function);
* for the universe as a whole, the days on which any count changes and the
  counts from each such day (prefix sums of +1/-1 events);
* the ranges of days inside which an imprecise date makes an answer
  undecidable.

After that a status or a count for one date is a binary search: O(log n).
Records and universes are immutable (and hash in O(1) after the first time),
so caching these indexes is safe.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

import attrs

from .acts import Act, ActKind
from .dates import PartialDate, Resolve
from .record import TreatyRecord
from .status_types import Status
from .treaty import Delay, Treaty
from .universe import Universe

# Columns of the count arrays.
NO_ACTION, SIGNATORY, PARTY, IN_FORCE, FORMER, SIGNED_EVER = range(6)
_BUCKET = {
    Status.NO_ACTION: NO_ACTION,
    Status.SIGNATORY: SIGNATORY,
    Status.PARTY: PARTY,
    Status.PARTY_IN_FORCE: IN_FORCE,
    Status.FORMER_PARTY: FORMER,
}

# Vienna Convention on the Law of Treaties, art. 56(2): without a clause, at
# least twelve months' notice.  Used only to compute an effect for a
# denunciation of a treaty whose rules have no denunciation clause (validation
# reports such a denunciation).
_VCLT_NOTICE = Delay(months=12)


def act_day(act: Act, how: Resolve, floor: date) -> date:
    """The day an act counts from under a resolution (STRICT reads EARLIEST:
    callers only do so where both resolutions agree)."""
    lo, hi = act.date.bounded(floor)
    return hi if how is Resolve.LATEST else lo


def general_entry_into_force(treaty: Treaty, acts: Sequence[Act], how: Resolve) -> date | None:
    rule = treaty.rules.entry_into_force
    days = sorted(
        act_day(a, how, treaty.adopted) for a in acts if a.kind in treaty.rules.consent
    )
    if len(days) < rule.instruments:
        return None
    return rule.delay.apply(days[rule.instruments - 1])


def state_entry_into_force(treaty: Treaty, general: date | None, deposit: date) -> date | None:
    """When the treaty enters into force for a participant that deposited on *deposit*."""
    if general is None:
        return None
    if deposit < general:
        return general
    return treaty.rules.entry_into_force.later_delay.apply(deposit)


def denunciation_effect(treaty: Treaty, notified: date) -> date:
    rule = treaty.rules.denunciation
    return (rule.takes_effect if rule else _VCLT_NOTICE).apply(notified)


@attrs.frozen
class LineageSteps:
    """Status of one lineage as a step function."""

    days: tuple[date, ...]
    statuses: tuple[Status, ...]
    first_signed: date | None

    def at(self, on: date) -> Status:
        i = bisect_right(self.days, on) - 1
        return self.statuses[i] if i >= 0 else Status.NO_ACTION


def lineage_steps(
    treaty: Treaty, general: date | None, acts: Sequence[Act], how: Resolve
) -> LineageSteps:
    """Walk a lineage's acts (and the events they schedule) in time order."""
    floor = treaty.adopted
    dated = sorted(
        ((act_day(a, how, floor), a) for a in acts), key=lambda t: (t[0], t[1].sort_key())
    )
    days: list[date] = []
    statuses: list[Status] = []
    current = Status.NO_ACTION
    first_signed: date | None = None
    # Scheduled changes: (day, seq, status, generation).  A change scheduled
    # before a later act overtakes it (in force, then denounced) is dropped by
    # comparing its generation with the current one.
    heap: list[tuple[date, int, Status, int]] = []
    generation = 0
    seq = 0

    def set_status(day: date, status: Status) -> None:
        nonlocal current
        if status is current:
            return
        current = status
        if days and days[-1] == day:
            statuses[-1] = status
        else:
            days.append(day)
            statuses.append(status)

    def flush(until: date | None) -> None:
        while heap and (until is None or heap[0][0] <= until):
            day, _, status, gen = heapq.heappop(heap)
            if gen == generation:
                set_status(day, status)

    for day, act in dated:
        # Scheduled changes strictly before this act happen first; on the same
        # day, the act is recorded first and the scheduled change after it.
        flush(day - timedelta(days=1) if day > date.min else None)
        kind = act.kind
        if kind in treaty.rules.consent:
            # A new consent on the day a denunciation takes effect follows it:
            # the State leaves, then joins again (else the consent is lost).
            flush(day)
        if kind.is_signature:
            first_signed = day if first_signed is None else min(first_signed, day)
            if current is Status.NO_ACTION:
                set_status(day, Status.SIGNATORY)
        elif kind in treaty.rules.consent and current not in (Status.PARTY, Status.PARTY_IN_FORCE):
            generation += 1
            set_status(day, Status.PARTY)
            eif = state_entry_into_force(treaty, general, day)
            if eif is not None:
                seq += 1
                heapq.heappush(heap, (eif, seq, Status.PARTY_IN_FORCE, generation))
        elif kind is ActKind.DENUNCIATION and current in (Status.PARTY, Status.PARTY_IN_FORCE):
            effect = denunciation_effect(treaty, day)
            generation += 1
            seq += 1
            # Until the effect, the status (party, or in force) is unchanged;
            # an entry into force scheduled before the effect still happens.
            pending = [h for h in heap if h[0] < effect]
            heap = [(d, s, st, generation) for d, s, st, _ in pending]
            heapq.heapify(heap)
            heapq.heappush(heap, (effect, seq, Status.FORMER_PARTY, generation))
        flush(day)
    flush(None)
    return LineageSteps(tuple(days), tuple(statuses), first_signed)


def _group_key(universe: Universe | None, code: str) -> tuple[str, ...]:
    return universe.lineage(code) if universe is not None else (code,)


@attrs.frozen
class Straddle:
    """An interval ``[lo, hi)`` of query days for which an answer is undecidable."""

    lo: date
    hi: date
    what: str
    date: PartialDate
    group: tuple[str, ...] | None  # None: affects every party
    in_force_only: bool = False


@attrs.frozen(eq=False)
class RecordIndex:
    """Everything the pure functions need, for one resolution."""

    general_eif: date | None
    groups: dict[tuple[str, ...], LineageSteps]
    count_days: tuple[date, ...]
    count_rows: tuple[tuple[int, int, int, int, int, int], ...]


def _build_groups(
    record: TreatyRecord, universe: Universe | None, how: Resolve
) -> tuple[date | None, dict[tuple[str, ...], LineageSteps]]:
    treaty = record.treaty
    general = general_entry_into_force(treaty, record.acts, how)
    by_group: dict[tuple[str, ...], list[Act]] = {}
    for act in record.acts:
        by_group.setdefault(_group_key(universe, act.participant), []).append(act)
    groups = {g: lineage_steps(treaty, general, acts, how) for g, acts in by_group.items()}
    return general, groups


_EMPTY = LineageSteps((), (), None)


@lru_cache(maxsize=64)
def record_index(record: TreatyRecord, universe: Universe | None, how: Resolve) -> RecordIndex:
    """The index of *record* under *how* (``STRICT`` builds the ``EARLIEST`` one)."""
    if how is Resolve.STRICT:
        return record_index(record, universe, Resolve.EARLIEST)
    general, groups = _build_groups(record, universe, how)
    count_days: tuple[date, ...] = ()
    count_rows: tuple[tuple[int, int, int, int, int, int], ...] = ()
    if universe is not None:
        deltas: dict[date, list[int]] = {}

        def add(day: date, column: int, value: int) -> None:
            row = deltas.get(day)
            if row is None:
                row = deltas[day] = [0, 0, 0, 0, 0, 0]
            row[column] += value

        for period in universe.periods:
            steps = groups.get(universe.lineage(period.code), _EMPTY)
            start = period.start
            stop = (
                None if period.end is None or period.end == date.max
                else period.end + timedelta(days=1)
            )
            # status pieces: [day_i, day_{i+1}) with status_i, preceded by NO_ACTION
            bounds = [date.min, *steps.days]
            sts = [Status.NO_ACTION, *steps.statuses]
            for i, status in enumerate(sts):
                lo = max(bounds[i], start)
                hi_raw = bounds[i + 1] if i + 1 < len(bounds) else None
                hi = hi_raw if stop is None else (stop if hi_raw is None else min(hi_raw, stop))
                if hi is not None and hi <= lo:
                    continue
                add(lo, _BUCKET[status], 1)
                if hi is not None:
                    add(hi, _BUCKET[status], -1)
            if steps.first_signed is not None:
                lo = max(steps.first_signed, start)
                if stop is None or lo < stop:
                    add(lo, SIGNED_EVER, 1)
                    if stop is not None:
                        add(stop, SIGNED_EVER, -1)
        days = sorted(deltas)
        rows: list[tuple[int, int, int, int, int, int]] = []
        acc = [0, 0, 0, 0, 0, 0]
        for d in days:
            row = deltas[d]
            acc = [a + b for a, b in zip(acc, row, strict=True)]
            rows.append((acc[0], acc[1], acc[2], acc[3], acc[4], acc[5]))
        count_days, count_rows = tuple(days), tuple(rows)
    return RecordIndex(general, groups, count_days, count_rows)


def counts_row(index: RecordIndex, on: date) -> tuple[int, int, int, int, int, int]:
    i = bisect_right(index.count_days, on) - 1
    return index.count_rows[i] if i >= 0 else (0, 0, 0, 0, 0, 0)


@attrs.frozen(eq=False)
class StraddleIndex:
    """Intervals of days on which some answer is undecidable."""

    items: tuple[Straddle, ...]
    los: tuple[date, ...]
    his: tuple[date, ...]

    def any_at(self, on: date) -> bool:
        return bisect_right(self.los, on) - bisect_right(self.his, on) > 0

    def at(self, on: date) -> list[Straddle]:
        return [s for s in self.items if s.lo <= on < s.hi]


@lru_cache(maxsize=64)
def straddle_index(record: TreatyRecord, universe: Universe | None) -> StraddleIndex:
    treaty = record.treaty
    floor = treaty.adopted
    early = general_entry_into_force(treaty, record.acts, Resolve.EARLIEST)
    late = general_entry_into_force(treaty, record.acts, Resolve.LATEST)
    items: list[Straddle] = []
    if early != late:
        rule = treaty.rules.entry_into_force
        nth = sorted(
            (a for a in record.acts if a.kind in treaty.rules.consent),
            key=lambda a: a.date.bounded(floor)[1],
        )
        pivot = nth[rule.instruments - 1]
        items.append(
            Straddle(
                early or date.min,
                late or date.max,
                f"the treaty's entry into force (instrument no. {rule.instruments})",
                pivot.date,
                None,
                in_force_only=True,
            )
        )
    for act in record.acts:
        if not act.kind.affects_status:
            continue
        lo, hi = act.date.bounded(floor)
        group = _group_key(universe, act.participant)
        if lo < hi:
            items.append(Straddle(lo, hi, act.describe(), act.date, group))
        if act.kind in treaty.rules.consent:
            e_lo = state_entry_into_force(treaty, early, lo)
            e_hi = state_entry_into_force(treaty, late, hi)
            # Not monotone: a later deposit can be in force sooner (bound from a
            # general entry into force that comes before its own later delay).
            if e_lo is not None and e_hi is not None and e_lo != e_hi:
                items.append(
                    Straddle(min(e_lo, e_hi), max(e_lo, e_hi),
                             f"{act.describe()} (its entry into force)", act.date,
                             group, in_force_only=True)
                )
        elif act.kind is ActKind.DENUNCIATION:
            f_lo, f_hi = denunciation_effect(treaty, lo), denunciation_effect(treaty, hi)
            if f_lo < f_hi:
                items.append(
                    Straddle(f_lo, f_hi, f"{act.describe()} (its effect)", act.date, group)
                )
    return StraddleIndex(
        tuple(items), tuple(sorted(s.lo for s in items)), tuple(sorted(s.hi for s in items))
    )

"""The index that makes status and counts cheap to ask for, on any number of dates.

A record is turned, once per ``(record, universe, reading)``, into:

* for each *lineage* of participants (a State and those it continues), the
  days on which its status changes (a step function);
* for the universe as a whole, the days on which any count changes and the
  counts from each such day (prefix sums of +1/-1 events).

After that a status or a count for one date is a binary search: O(log n).
The index reads every imprecise date one way, its earliest or its latest day
(:class:`~.dates.Resolve`); it knows nothing of the strict policy, which asks
it twice (:mod:`._policy`).  Every date of the law — entry into force, for
each party, the effect of a denunciation — comes from the treaty's rule
objects (:mod:`.rules`).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cached_property
from types import MemberDescriptorType
from typing import cast

import attrs

from ._cache import IdentityCache
from .acts import Act, ActKind
from .dates import Resolve
from .record import TreatyRecord
from .rules import Role, Rules
from .status_types import Counts, Status
from .treaty import Treaty
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

Row = tuple[int, int, int, int, int, int]


def _reading(how: Resolve) -> Resolve:
    """*how*, which must be one reading of imprecise dates (not the policy)."""
    if how is Resolve.STRICT:
        raise ValueError("the index reads dates 'earliest' or 'latest'; the strict policy "
                         "asks it for both (core._policy)")
    return how


def act_day(act: Act, how: Resolve, floor: date) -> date:
    """The day an act counts from under the reading *how*."""
    return act.date.resolved(how, floor)


def general_entry_into_force(treaty: Treaty, acts: Sequence[Act], how: Resolve) -> date | None:
    """The treaty's entry into force with every date read as *how* says."""
    floor = treaty.adopted
    return treaty.general_entry_into_force(acts, lambda a: act_day(a, how, floor))


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

    rules = treaty.rules
    for day, act in dated:
        # Scheduled changes strictly before this act happen first; on the same
        # day, the act is recorded first and the scheduled change after it.
        flush(day - timedelta(days=1) if day > date.min else None)
        role = rules.role(act.kind)
        if role is Role.CONSENT:
            # A new consent on the day a denunciation takes effect follows it:
            # the State leaves, then joins again (else the consent is lost).
            flush(day)
        if role is Role.SIGNATURE:
            first_signed = day if first_signed is None else min(first_signed, day)
            if current is Status.NO_ACTION:
                set_status(day, Status.SIGNATORY)
        elif role is Role.CONSENT and current not in (Status.PARTY, Status.PARTY_IN_FORCE):
            generation += 1
            set_status(day, Status.PARTY)
            eif = rules.entry_into_force_for(general, day, act.kind)
            if eif is not None:
                seq += 1
                heapq.heappush(heap, (eif, seq, Status.PARTY_IN_FORCE, generation))
        elif role is Role.DENUNCIATION and current in (Status.PARTY, Status.PARTY_IN_FORCE):
            effect = rules.denunciation_or_default.effect(day)
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


_Steps = tuple[tuple[date, int], ...]  # (day, count column) changes of one lineage
_ONE_DAY = timedelta(days=1)
# The role an act kind plays in a lineage's status, by the kind's name (strings
# hash in C; enum members hash in Python, which shows at a million acts).
_NONE, _SIGN, _CONSENT, _DENOUNCE = range(4)
_SUCCESSION = ActKind.SUCCESSION


def _roles(rules: Rules) -> dict[str, int]:
    """:meth:`Rules.role` of every kind, by the kind's name."""
    codes = {Role.SIGNATURE: _SIGN, Role.CONSENT: _CONSENT, Role.DENUNCIATION: _DENOUNCE,
             Role.NONE: _NONE}
    return {kind._name_: codes[rules.role(kind)] for kind in ActKind}


_SBE = tuple[date | None, date | None, date | None]  # first signed, first bound, in force


class RecordIndex:
    """Everything the pure functions need, for one resolution.

    Most lineages never denounce: their status is fixed by three days (first
    signature, first consent, entry into force for them).  For a lineage of
    one code the first two are in the per-code dicts :attr:`signed` and
    :attr:`bound` (no object per State: cheap to build, and nothing for the
    garbage collector to walk), and the third follows from the second
    (:meth:`in_force_from`); for a lineage of several codes, a tuple in
    :attr:`shared`.  Lineages with a denunciation or a succession (whose
    entry into force depends on the kind of its instrument, not only on its
    day: :meth:`Rules.entry_into_force_for`) are in :attr:`walked` and keep
    the full step function of :func:`lineage_steps` in :attr:`stepped`.
    :attr:`groups` gives every lineage as :class:`LineageSteps`, built on
    first use.
    """

    __slots__ = ("__dict__", "_later", "_rules", "bound", "count_days", "count_rows",
                 "general_eif", "lineage_of", "others", "shared", "signed", "stepped",
                 "walked")

    def __init__(
        self,
        general_eif: date | None,
        rules: Rules,
        codes: tuple[dict[str, date], dict[str, date], set[str], set[str]],
        lineage_of: dict[str, tuple[str, ...]],
        shared: dict[tuple[str, ...], _SBE],
        stepped: dict[tuple[str, ...], LineageSteps],
    ) -> None:
        self.general_eif = general_eif
        self._rules = rules
        # deposit day -> entry into force for the party (the rule's answer, once per day)
        self._later: dict[date, date | None] = {}
        self.signed, self.bound, self.walked, self.others = codes
        self.lineage_of = lineage_of
        self.shared = shared
        self.stepped = stepped
        self.count_days: tuple[date, ...] = ()
        self.count_rows: tuple[Row, ...] = ()

    def in_force_from(self, deposit: date | None) -> date | None:
        """When the treaty is in force for a participant bound from *deposit*
        (:meth:`Rules.entry_into_force_for`, asked once per day)."""
        if deposit is None:
            return None
        later = self._later
        if deposit in later:
            return later[deposit]
        e = later[deposit] = self._rules.entry_into_force_for(self.general_eif, deposit)
        return e

    def single(self, code: str) -> _SBE | None:
        """First signature, first consent and entry into force of *code*, if it
        is a lineage of one without denunciations or successions and has acts."""
        if code in self.lineage_of or code in self.walked:
            return None
        bound = self.bound.get(code)
        return self.signed.get(code), bound, self.in_force_from(bound)

    @cached_property
    def groups(self) -> dict[tuple[str, ...], LineageSteps]:
        """Every lineage with an act, as a step function."""
        out: dict[tuple[str, ...], LineageSteps] = {}
        for code in self.signed.keys() | self.bound.keys() | self.others:
            sbe = self.single(code)
            if sbe is not None:
                out[(code,)] = _simple_steps(*sbe)
        out.update((key, _simple_steps(*sbe)) for key, sbe in self.shared.items())
        out.update(self.stepped)
        return out

    def signed_by(self, group: tuple[str, ...], on: date) -> bool:
        """Whether the lineage *group* has signed on or before *on*."""
        sbe = self.single(group[0]) if len(group) == 1 else self.shared.get(group)
        if sbe is None:
            steps = self.stepped.get(group)
            first = steps.first_signed if steps is not None else None
        else:
            first = sbe[0]
        return first is not None and first <= on

    def status_at(self, group: tuple[str, ...], on: date) -> Status:
        """The status of the lineage *group* on *on*: O(1), or O(log k) for a
        lineage with k status changes."""
        sbe = self.single(group[0]) if len(group) == 1 else self.shared.get(group)
        if sbe is None:
            steps = self.stepped.get(group)
            return steps.at(on) if steps is not None else Status.NO_ACTION
        signed, bound, in_force = sbe
        if bound is not None and bound <= on:
            return Status.PARTY_IN_FORCE if in_force is not None and in_force <= on \
                else Status.PARTY
        if signed is not None and signed <= on:
            return Status.SIGNATORY
        return Status.NO_ACTION


def _simple_steps(signed: date | None, bound: date | None, in_force: date | None) -> LineageSteps:
    """What :func:`lineage_steps` gives for a lineage without denunciations."""
    days: list[date] = []
    statuses: list[Status] = []
    if signed is not None and (bound is None or signed < bound):
        days.append(signed)
        statuses.append(Status.SIGNATORY)
    if bound is not None:
        days.append(bound)
        if in_force == bound:
            statuses.append(Status.PARTY_IN_FORCE)
        else:
            statuses.append(Status.PARTY)
            if in_force is not None:
                days.append(in_force)
                statuses.append(Status.PARTY_IN_FORCE)
    return LineageSteps(tuple(days), tuple(statuses), signed)


def _build_record_index(
    record: TreatyRecord, universe: Universe | None, how: Resolve
) -> RecordIndex:
    """One pass over the acts, one over the universe's periods, one over the
    distinct days on which a count changes: O((n + p) log n)."""
    treaty = record.treaty
    rules = treaty.rules
    floor = treaty.adopted
    latest = _reading(how) is Resolve.LATEST
    roles = _roles(rules)
    # Per participant code: first signature, first consent; whose acts are
    # walked one by one (who denounces, who succeeds).
    signed: dict[str, date] = {}
    bound: dict[str, date] = {}
    walked: set[str] = set()
    others: set[str] = set()
    setdefault_signed, setdefault_bound = signed.setdefault, bound.setdefault
    for act in record.acts:
        role = roles[act.kind._name_]
        code = act.participant
        if role == _NONE:
            others.add(code)
            continue
        pdate = act.date
        if latest:
            day = pdate.latest
        else:  # PartialDate.bounded(floor)[0], inlined
            lo = pdate.earliest_known
            day = floor if lo is None or lo < floor else lo
            if day > pdate.latest:
                day = pdate.latest
        # One dict operation for a code's first act of a kind (most codes have
        # one): at a million codes every look-up is a miss of the CPU's caches.
        if role == _SIGN:
            old = setdefault_signed(code, day)
            if day < old:
                signed[code] = day
        elif role == _CONSENT:
            old = setdefault_bound(code, day)
            if day < old:
                bound[code] = day
            if act.kind is _SUCCESSION:  # in force without a delay: walked
                walked.add(code)
        else:
            walked.add(code)
    # Each participant's first instrument counts once (Rules.first_deposits):
    # *bound* holds exactly those days.
    rule = rules.entry_into_force
    stated = treaty.stated_entry_into_force
    general = (stated.day if stated is not None
               else None if rule is None else rule.general(bound.values()))

    lineage_of = universe._lineage if universe is not None else {}
    shared: dict[tuple[str, ...], _SBE] = {}
    complex_codes: dict[str, tuple[str, ...]] = {}
    shared_codes: dict[tuple[str, ...], list[str]] = {}  # lineages of several codes
    for code in walked:
        if code not in lineage_of:
            complex_codes[code] = (code,)

    def acted(code: str) -> bool:
        return code in signed or code in bound or code in walked or code in others

    # Few codes are in a lineage of several: walk those, not every code.
    for key in {key for code, key in lineage_of.items() if acted(code)}:
        shared_codes[key] = [c for c in key if acted(c)]
    for key, codes in shared_codes.items():
        if any(c in walked for c in codes):
            for c in codes:
                complex_codes[c] = key
            continue
        first = min((signed[c] for c in codes if c in signed), default=None)
        deposit = min((bound[c] for c in codes if c in bound), default=None)
        shared[key] = (first, deposit, None if deposit is None
                       else rules.entry_into_force_for(general, deposit))
    stepped: dict[tuple[str, ...], LineageSteps] = {}
    if complex_codes:
        acts_of: dict[tuple[str, ...], list[Act]] = {}
        for act in record.acts:
            key_ = complex_codes.get(act.participant)
            if key_ is not None:
                acts_of.setdefault(key_, []).append(act)
        stepped = {k: lineage_steps(treaty, general, a, how) for k, a in acts_of.items()}

    index = RecordIndex(general, rules, (signed, bound, walked, others), lineage_of,
                        shared, stepped)
    if universe is not None:
        index.count_days, index.count_rows = _count_steps(universe, index)
    return index


def _simple_changes(signed: date | None, bound: date | None, in_force: date | None) -> _Steps:
    """The (day, column) changes of a lineage without denunciations."""
    if bound is None:
        return () if signed is None else ((signed, SIGNATORY),)
    if in_force == bound:
        party: _Steps = ((bound, IN_FORCE),)
    elif in_force is None:
        party = ((bound, PARTY),)
    else:
        party = ((bound, PARTY), (in_force, IN_FORCE))
    if signed is not None and signed < bound:
        return ((signed, SIGNATORY), *party)
    return party


def _count_steps(
    universe: Universe, index: RecordIndex
) -> tuple[tuple[date, ...], tuple[Row, ...]]:
    """Prefix sums of the +1/-1 events of every membership period."""
    # The status changes of lineages with a denunciation, as (day, column).
    changes: dict[tuple[str, ...], tuple[_Steps, date | None]] = {
        key: (tuple((d, _BUCKET[st]) for d, st in zip(ls.days, ls.statuses, strict=True)),
              ls.first_signed)
        for key, ls in index.stepped.items()
    }
    plus: list[list[date]] = [[] for _ in range(6)]
    minus: list[list[date]] = [[] for _ in range(6)]
    no_change: tuple[_Steps, date | None] = ((), None)
    lineage_of, shared, walked = index.lineage_of, index.shared, index.walked
    signed, bound_of, in_force_from = index.signed, index.bound.get, index.in_force_from
    general, later_get = index.general_eif, index._later.get
    for period in universe.periods:
        start, end = period.start, period.end
        stop = None if end is None or end == date.max else end + _ONE_DAY
        code = period.code
        key = lineage_of.get(code)
        steps_: _Steps
        if key is None and code not in walked:
            first_signed, bound = signed.get(code), bound_of(code)
            if bound is None:
                steps_ = () if first_signed is None else ((first_signed, SIGNATORY),)
            elif general is None:
                steps_ = _simple_changes(first_signed, bound, None)
            else:  # in_force_from(bound): its memo first (a method call per State shows)
                e = later_get(bound) or in_force_from(bound)
                steps_ = _simple_changes(first_signed, bound, e)
        else:
            key = key or (code,)
            sbe = shared.get(key)
            if sbe is not None:
                steps_, first_signed = _simple_changes(*sbe), sbe[0]
            else:
                steps_, first_signed = changes.get(key, no_change)
        # Pieces [lo, next change) of the status in force, clipped to the period.
        column, lo = NO_ACTION, start
        for day, new in steps_:
            if day <= start:
                column = new
                continue
            if stop is not None and day >= stop:
                break
            plus[column].append(lo)
            minus[column].append(day)
            column, lo = new, day
        plus[column].append(lo)
        if stop is not None:
            minus[column].append(stop)
        if first_signed is not None:
            lo = first_signed if first_signed > start else start
            if stop is None or lo < stop:
                plus[SIGNED_EVER].append(lo)
                if stop is not None:
                    minus[SIGNED_EVER].append(stop)
    ups = [Counter(days) for days in plus]
    downs = [Counter(days) for days in minus]
    all_days: set[date] = set()
    for counter in (*ups, *downs):
        all_days.update(counter)
    days = sorted(all_days)
    columns: list[list[int]] = []
    for up, down in zip(ups, downs, strict=True):
        acc = 0
        values: list[int] = []
        up_get, down_get = up.get, down.get
        for d in days:
            acc += up_get(d, 0) - down_get(d, 0)
            values.append(acc)
        columns.append(values)
    c0, c1, c2, c3, c4, c5 = columns
    rows = tuple(zip(c0, c1, c2, c3, c4, c5, strict=True))
    return tuple(days), cast("tuple[Row, ...]", rows)


def record_index(record: TreatyRecord, universe: Universe | None, how: Resolve) -> RecordIndex:
    """The index of *record* with dates read as *how* (earliest or latest),
    built once per record and universe and then reused."""
    return _RECORD_INDEXES.get(record, universe, _reading(how), _build_record_index)


_Fields = tuple[int, int, int, int, int, int, int]


def _fields(row: Row) -> _Fields:
    """The fields of :class:`Counts` after ``on``, from a row of the count
    arrays: what :meth:`Counts.from_tally` gives for the row's tally.

    Written out rather than built through ``from_tally`` because a corpus's
    series have tens of thousands of distinct rows (a fifth of
    ``count_columns``' time went on those objects); that the two agree on
    every row is a property test (``tests/core/test_index_fields.py``).
    """
    party, in_force = row[PARTY], row[IN_FORCE]
    return (party + in_force, in_force, row[SIGNATORY], row[SIGNED_EVER], row[FORMER],
            row[NO_ACTION], party + in_force + row[SIGNATORY] + row[FORMER] + row[NO_ACTION])



def counts_of(on: date, row: Row) -> Counts:
    """:class:`Counts` on *on* from a row of the count arrays."""
    return Counts(on, *_fields(row))


def counts_at(index: RecordIndex, on: date) -> Counts:
    """:class:`Counts` on *on*: one binary search."""
    i = bisect_right(index.count_days, on) - 1
    return counts_of(on, index.count_rows[i] if i >= 0 else (0, 0, 0, 0, 0, 0))


def counts_series(index: RecordIndex, days: Sequence[date]) -> list[Counts]:
    """:class:`Counts` on each of *days*, in order: one binary search per day
    (none for consecutive days in the same step) and one object per day."""
    # The fields of each distinct row are computed once, not once per day.
    fields = [_fields((0, 0, 0, 0, 0, 0))]
    fields.extend(_fields(r) for r in index.count_rows)
    count_days = index.count_days
    out: list[Counts] = []
    append = out.append
    lo = hi = date.max  # the current step is [lo, hi): no search while inside it
    row = fields[0]
    if _COUNTS_SLOTS is None:
        for d in days:
            if not lo <= d < hi:
                i = bisect_right(count_days, d)
                row = fields[i]
                lo = count_days[i - 1] if i else date.min
                hi = count_days[i] if i < len(count_days) else date.max
            append(Counts(d, *row))
        return out
    # Filling the slots directly halves the cost of a day.  Safe: every row
    # partitions the universe by construction (what Counts.__init__ checks),
    # and _COUNTS_SLOTS is only set when the slots are exactly these fields.
    new = object.__new__
    s_on, s_pa, s_if, s_si, s_st, s_fo, s_no, s_sa = _COUNTS_SLOTS
    for d in days:
        if not lo <= d < hi:
            i = bisect_right(count_days, d)
            row = fields[i]
            lo = count_days[i - 1] if i else date.min
            hi = count_days[i] if i < len(count_days) else date.max
        pa, in_force, si, st, fo, no, sa = row
        c = new(Counts)
        s_on(c, d)
        s_pa(c, pa)
        s_if(c, in_force)
        s_si(c, si)
        s_st(c, st)
        s_fo(c, fo)
        s_no(c, no)
        s_sa(c, sa)
        append(c)
    return out


def counts_columns(index: RecordIndex, start: date, end: date) -> tuple[list[int], ...]:
    """The seven count fields of every day from *start* to *end* (inclusive),
    as seven lists: each step of the count arrays is repeated for the days it
    lasts (a list repetition, in C), so no object is built per day."""
    rows = [_fields((0, 0, 0, 0, 0, 0))]
    rows.extend(_fields(r) for r in index.count_rows)
    count_days = index.count_days
    columns: tuple[list[int], ...] = tuple([] for _ in range(7))
    if end < start:
        return columns
    i = bisect_right(count_days, start)  # rows[i] holds on *start*
    day = start
    while day <= end:
        step_end = count_days[i] if i < len(count_days) else None  # the next change
        last = end if step_end is None or step_end > end else step_end - _ONE_DAY
        n = (last - day).days + 1
        for column, value in zip(columns, rows[i], strict=True):
            column.extend([value] * n)
        if step_end is None or step_end > end:
            break
        day, i = step_end, i + 1
    return columns


def _counts_slots() -> tuple[Callable[[Counts, object], None], ...] | None:
    """Setters of Counts' slots, in field order, if Counts is the slotted
    class of eight fields that counts_series fills; else None."""
    names = ("on", "parties", "in_force", "signatories", "signatories_total",
             "former_parties", "no_action", "states")
    if tuple(f.name for f in attrs.fields(Counts)) != names:
        return None
    slots = [Counts.__dict__.get(name) for name in names]
    if not all(isinstance(s, MemberDescriptorType) for s in slots):
        return None
    return tuple(cast(MemberDescriptorType, s).__set__ for s in slots)


_COUNTS_SLOTS = _counts_slots()


_RECORD_INDEXES: IdentityCache[RecordIndex] = IdentityCache(64)

"""Indexes that make status and counts cheap to ask for, on any number of dates.

A record is turned, once per ``(record, universe, resolution)``, into:

* for each *lineage* of participants (a State and those it continues), the
  days on which its status changes (a step function);
* for the universe as a whole, the days on which any count changes and the
  counts from each such day (prefix sums of +1/-1 events);
* the ranges of days inside which an imprecise date makes an answer
  undecidable.

After that a status or a count for one date is a binary search: O(log n).
Records and universes are immutable, so caching these indexes is safe; they
are cached by identity (see :class:`_IdentityCache`).
"""

from __future__ import annotations

import heapq
import threading
import weakref
from bisect import bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cached_property
from types import MemberDescriptorType
from typing import Generic, TypeVar, cast

import attrs

from .acts import Act, ActKind
from .dates import PartialDate, Resolve
from .record import TreatyRecord
from .status_types import Counts, Status
from .treaty import Delay, Treaty
from .universe import Universe

_T = TypeVar("_T")

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
    """The treaty's entry into force: its rule applied to the day of the Nth
    instrument.  Each participant's instrument counts once (its first): a
    second consent by one State, an error the validation reports, must not
    bring a treaty into force."""
    rule = treaty.rules.entry_into_force
    if rule is None:  # not known: the treaty is never taken to be in force
        return None
    first: dict[str, date] = {}
    for a in acts:
        if a.kind in treaty.rules.consent:
            day = act_day(a, how, treaty.adopted)
            if a.participant not in first or day < first[a.participant]:
                first[a.participant] = day
    days = sorted(first.values())
    if len(days) < rule.instruments:
        return None
    return rule.delay.apply(days[rule.instruments - 1])


def state_entry_into_force(treaty: Treaty, general: date | None, deposit: date) -> date | None:
    """When the treaty enters into force for a participant that deposited on *deposit*."""
    if general is None:
        return None
    rule = treaty.rules.entry_into_force
    if rule is None:
        return None
    if deposit < general:
        return general
    return rule.later_delay.apply(deposit)


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


_Steps = tuple[tuple[date, int], ...]  # (day, count column) changes of one lineage
_ONE_DAY = timedelta(days=1)
# The role an act kind plays in a lineage's status, by the kind's name (strings
# hash in C; enum members hash in Python, which shows at a million acts).
_NONE, _SIGN, _CONSENT, _DENOUNCE = range(4)


def _roles(treaty: Treaty) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind in ActKind:
        if kind.is_signature:
            out[kind._name_] = _SIGN
        elif kind in treaty.rules.consent:
            out[kind._name_] = _CONSENT
        elif kind is ActKind.DENUNCIATION:
            out[kind._name_] = _DENOUNCE
        else:
            out[kind._name_] = _NONE
    return out


_SBE = tuple[date | None, date | None, date | None]  # first signed, first bound, in force


class RecordIndex:
    """Everything the pure functions need, for one resolution.

    Most lineages never denounce: their status is fixed by three days (first
    signature, first consent, entry into force for them).  For a lineage of
    one code the first two are in the per-code dicts :attr:`signed` and
    :attr:`bound` (no object per State: cheap to build, and nothing for the
    garbage collector to walk), and the third follows from the second
    (:meth:`in_force_from`); for a lineage of several codes, a tuple in
    :attr:`shared`.  Lineages with a denunciation keep the full step function
    of :func:`lineage_steps` in :attr:`stepped`.  :attr:`groups` gives every
    lineage as :class:`LineageSteps`, built on first use.
    """

    __slots__ = ("__dict__", "_later", "_later_delay", "bound", "count_days", "count_rows",
                 "denounced", "general_eif", "lineage_of", "others", "shared", "signed",
                 "stepped")

    def __init__(
        self,
        general_eif: date | None,
        later_delay: Delay,
        codes: tuple[dict[str, date], dict[str, date], set[str], set[str]],
        lineage_of: dict[str, tuple[str, ...]],
        shared: dict[tuple[str, ...], _SBE],
        stepped: dict[tuple[str, ...], LineageSteps],
    ) -> None:
        self.general_eif = general_eif
        self._later_delay = later_delay
        self._later: dict[date, date] = {}  # deposit day -> entry into force, once per day
        self.signed, self.bound, self.denounced, self.others = codes
        self.lineage_of = lineage_of
        self.shared = shared
        self.stepped = stepped
        self.count_days: tuple[date, ...] = ()
        self.count_rows: tuple[tuple[int, int, int, int, int, int], ...] = ()

    def in_force_from(self, deposit: date | None) -> date | None:
        """When the treaty is in force for a participant bound from *deposit*
        (what :func:`state_entry_into_force` says, computed once per day)."""
        general = self.general_eif
        if deposit is None or general is None:
            return None
        if deposit < general:
            return general
        e = self._later.get(deposit)
        if e is None:
            e = self._later[deposit] = self._later_delay.apply(deposit)
        return e

    def single(self, code: str) -> _SBE | None:
        """First signature, first consent and entry into force of *code*, if it
        is a lineage of one without denunciations and has acts."""
        if code in self.lineage_of or code in self.denounced:
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
    floor = treaty.adopted
    latest = how is Resolve.LATEST
    roles = _roles(treaty)
    # Per participant code: first signature, first consent; who denounces.
    signed: dict[str, date] = {}
    bound: dict[str, date] = {}
    denounced: set[str] = set()
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
        else:
            denounced.add(code)
    rule = treaty.rules.entry_into_force
    general: date | None = None
    # Each participant's first instrument counts once (general_entry_into_force).
    deposits = sorted(bound.values())
    if rule is not None and len(deposits) >= rule.instruments:
        general = rule.delay.apply(deposits[rule.instruments - 1])

    lineage_of = universe._lineage if universe is not None else {}
    shared: dict[tuple[str, ...], _SBE] = {}
    complex_codes: dict[str, tuple[str, ...]] = {}
    shared_codes: dict[tuple[str, ...], list[str]] = {}  # lineages of several codes
    later = rule.later_delay if rule is not None else Delay()
    for code in denounced:
        if code not in lineage_of:
            complex_codes[code] = (code,)

    def acted(code: str) -> bool:
        return code in signed or code in bound or code in denounced or code in others

    # Few codes are in a lineage of several: walk those, not every code.
    for key in {key for code, key in lineage_of.items() if acted(code)}:
        shared_codes[key] = [c for c in key if acted(c)]
    for key, codes in shared_codes.items():
        if any(c in denounced for c in codes):
            for c in codes:
                complex_codes[c] = key
            continue
        first = min((signed[c] for c in codes if c in signed), default=None)
        deposit = min((bound[c] for c in codes if c in bound), default=None)
        shared[key] = (first, deposit, None if deposit is None
                       else state_entry_into_force(treaty, general, deposit))
    stepped: dict[tuple[str, ...], LineageSteps] = {}
    if complex_codes:
        acts_of: dict[tuple[str, ...], list[Act]] = {}
        for act in record.acts:
            key_ = complex_codes.get(act.participant)
            if key_ is not None:
                acts_of.setdefault(key_, []).append(act)
        stepped = {k: lineage_steps(treaty, general, a, how) for k, a in acts_of.items()}

    index = RecordIndex(general, later, (signed, bound, denounced, others), lineage_of,
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
) -> tuple[tuple[date, ...], tuple[tuple[int, int, int, int, int, int], ...]]:
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
    lineage_of, shared, denounced = index.lineage_of, index.shared, index.denounced
    signed, bound_of, in_force_from = index.signed, index.bound.get, index.in_force_from
    general, later_get = index.general_eif, index._later.get
    for period in universe.periods:
        start, end = period.start, period.end
        stop = None if end is None or end == date.max else end + _ONE_DAY
        code = period.code
        key = lineage_of.get(code)
        steps_: _Steps
        if key is None and code not in denounced:
            first_signed, bound = signed.get(code), bound_of(code)
            if bound is None:
                steps_ = () if first_signed is None else ((first_signed, SIGNATORY),)
            elif general is None:
                steps_ = _simple_changes(first_signed, bound, None)
            else:  # in_force_from(bound), inlined: a method call per State shows
                e = general if bound < general else later_get(bound) or in_force_from(bound)
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
    return tuple(days), cast("tuple[tuple[int, int, int, int, int, int], ...]", rows)


def record_index(record: TreatyRecord, universe: Universe | None, how: Resolve) -> RecordIndex:
    """The index of *record* under *how* (``STRICT`` builds the ``EARLIEST`` one),
    built once per record and universe and then reused."""
    if how is Resolve.STRICT:
        how = Resolve.EARLIEST
    return _RECORD_INDEXES.get(record, universe, how, _build_record_index)


def counts_row(index: RecordIndex, on: date) -> tuple[int, int, int, int, int, int]:
    i = bisect_right(index.count_days, on) - 1
    return index.count_rows[i] if i >= 0 else (0, 0, 0, 0, 0, 0)


def counts_series(index: RecordIndex, days: Sequence[date]) -> list[Counts]:
    """:class:`Counts` on each of *days*, in order: one binary search per day
    (none for consecutive days in the same step) and one object per day."""
    # The fields of each distinct row are computed once, not once per day.
    fields = [(0, 0, 0, 0, 0, 0, 0)]
    fields.extend(
        (r[PARTY] + r[IN_FORCE], r[IN_FORCE], r[SIGNATORY], r[SIGNED_EVER], r[FORMER],
         r[NO_ACTION], r[0] + r[1] + r[2] + r[3] + r[4])
        for r in index.count_rows
    )
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


def known_codes(record: TreatyRecord) -> frozenset[str]:
    """Every participant code with an act in *record* (cached)."""
    return _KNOWN_CODES.get(record, None, Resolve.STRICT, _build_known_codes)


def _build_known_codes(
    record: TreatyRecord, _universe: Universe | None, _how: Resolve
) -> frozenset[str]:
    return frozenset(a.participant for a in record.acts)


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


def straddle_index(record: TreatyRecord, universe: Universe | None) -> StraddleIndex:
    """The intervals of undecidable days, built once per record and universe."""
    return _STRADDLE_INDEXES.get(record, universe, Resolve.STRICT, _build_straddle_index)


def _build_straddle_index(
    record: TreatyRecord, universe: Universe | None, _how: Resolve
) -> StraddleIndex:
    treaty = record.treaty
    floor = treaty.adopted
    early = general_entry_into_force(treaty, record.acts, Resolve.EARLIEST)
    late = general_entry_into_force(treaty, record.acts, Resolve.LATEST)
    items: list[Straddle] = []
    rule = treaty.rules.entry_into_force
    if early != late and rule is not None:
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


class _IdentityCache(Generic[_T]):
    """Values computed from a record and a universe, kept while both live.

    Keyed by identity, not equality: hashing a record of a million acts the
    first time costs more than indexing it.  Entries hold weak references, so
    a cached index never keeps a record alive; the least recently used of more
    than *maxsize* entries are dropped.
    """

    def __init__(self, maxsize: int) -> None:
        self._maxsize = maxsize
        self._entries: OrderedDict[tuple[int, int, Resolve], _Entry[_T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        record: TreatyRecord,
        universe: Universe | None,
        how: Resolve,
        build: Callable[[TreatyRecord, Universe | None, Resolve], _T],
    ) -> _T:
        key = (id(record), id(universe), how)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.record() is record:
                ref = entry.universe
                if (ref() if ref is not None else None) is universe:
                    self._entries.move_to_end(key)
                    return entry.value
        value = build(record, universe, how)

        def forget(_: object) -> None:
            with self._lock:
                if self._entries.get(key) is entry_:
                    del self._entries[key]

        entry_ = _Entry(
            weakref.ref(record, forget),
            None if universe is None else weakref.ref(universe, forget),
            value,
        )
        with self._lock:
            self._entries[key] = entry_
            while len(self._entries) > self._maxsize:
                self._entries.popitem(last=False)
        return value

    def cache_clear(self) -> None:
        """Forget every cached value."""
        with self._lock:
            self._entries.clear()


@attrs.frozen(eq=False)
class _Entry(Generic[_T]):
    record: weakref.ref[TreatyRecord]
    universe: weakref.ref[Universe] | None
    value: _T


_RECORD_INDEXES: _IdentityCache[RecordIndex] = _IdentityCache(64)
_STRADDLE_INDEXES: _IdentityCache[StraddleIndex] = _IdentityCache(64)
_KNOWN_CODES: _IdentityCache[frozenset[str]] = _IdentityCache(64)


def cache_clear() -> None:
    """Forget every cached index (for benchmarks that time a cold start)."""
    _RECORD_INDEXES.cache_clear()
    _STRADDLE_INDEXES.cache_clear()
    _KNOWN_CODES.cache_clear()

"""Where imprecise dates make answers undecidable.

An act known only to the month (or the year, or as "on or before" a day) may
fall on any day of its range; every answer whose value could change inside
that range — the act's own effect, the entry into force it sets off, the
effect of a denunciation — is undecidable on the days between the earliest
and the latest reading.  :func:`straddle_index` lists those intervals once
per record and universe; the strict policy (:mod:`._policy`) asks it.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

import attrs

from ._cache import IdentityCache
from .dates import PartialDate, Resolve
from .record import TreatyRecord
from .rules import Role
from .universe import Universe


@attrs.frozen
class Straddle:
    """An interval ``[lo, hi)`` of query days for which an answer is undecidable."""

    lo: date
    hi: date
    what: str
    date: PartialDate
    group: tuple[str, ...] | None  # None: affects every party
    in_force_only: bool = False


def lineage_key(universe: Universe | None, code: str) -> tuple[str, ...]:
    """The lineage of *code* in *universe* (just *code* without one): whose
    acts count as its own."""
    return universe.lineage(code) if universe is not None else (code,)


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
    rules = treaty.rules
    floor = treaty.adopted
    early = treaty.general_entry_into_force(record.acts, lambda a: a.date.bounded(floor)[0])
    late = treaty.general_entry_into_force(record.acts, lambda a: a.date.bounded(floor)[1])
    items: list[Straddle] = []
    rule = rules.entry_into_force
    if early != late and rule is not None:
        nth = sorted(
            (a for a in record.acts if rules.role(a.kind) is Role.CONSENT),
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
        group = lineage_key(universe, act.participant)
        if lo < hi:
            items.append(Straddle(lo, hi, act.describe(), act.date, group))
        role = rules.role(act.kind)
        if role is Role.CONSENT:
            e_lo = rules.entry_into_force_for(early, lo, act.kind)
            e_hi = rules.entry_into_force_for(late, hi, act.kind)
            # Not monotone: a later deposit can be in force sooner (bound from a
            # general entry into force that comes before its own later delay).
            if e_lo is not None and e_hi is not None and e_lo != e_hi:
                items.append(
                    Straddle(min(e_lo, e_hi), max(e_lo, e_hi),
                             f"{act.describe()} (its entry into force)", act.date,
                             group, in_force_only=True)
                )
        elif role is Role.DENUNCIATION:
            clause = rules.denunciation_or_default
            f_lo, f_hi = clause.effect(lo), clause.effect(hi)
            if f_lo < f_hi:
                items.append(
                    Straddle(f_lo, f_hi, f"{act.describe()} (its effect)", act.date, group)
                )
    return StraddleIndex(
        tuple(items), tuple(sorted(s.lo for s in items)), tuple(sorted(s.hi for s in items))
    )




_STRADDLE_INDEXES: IdentityCache[StraddleIndex] = IdentityCache(64)
_KNOWN_CODES: IdentityCache[frozenset[str]] = IdentityCache(64)

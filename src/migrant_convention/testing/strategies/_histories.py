"""Consistent histories, behind ``treaty_records`` and ``records_with_universes``:
the acts of a treaty's participants that make sense together.  Every date the
treaty's final clauses decide (its entry into force, for each party, the first
day a denunciation may be notified and the day it takes effect) is asked of
its :class:`~migrant_convention.core.rules.Rules`; nothing here repeats them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ...core.acts import Act, ActKind
from ...core.dates import PartialDate, Precision, Resolve
from ...core.participants import Participant, ParticipantKind
from ...core.record import TreatyRecord
from ...core.rules import Role
from ...core.treaty import Treaty
from ...core.universe import Universe
from ._dates import _ALL_PRECISIONS, DEFAULT_MAX_DATE, _blur
from ._vocabulary import _CONSENT_KINDS, _NON_STATE_CODES, _SOURCES, _current_codes, _name


class _Coverage:
    """The days on which a lineage is in the universe, within bounds."""

    def __init__(self, spans: list[tuple[date, date]]) -> None:
        self.spans = sorted(spans)

    def covers(self, day: date) -> bool:
        """Whether the lineage is in the universe on *day*."""
        return any(a <= day <= b for a, b in self.spans)

    def day_from(self, draw: st.DrawFn, earliest: date) -> date | None:
        """A covered day on or after *earliest* (shrinks towards the first one)."""
        pieces = [(max(a, earliest), b) for a, b in self.spans if b >= earliest]
        pieces = [(a, b) for a, b in pieces if a <= b]
        if not pieces:
            return None
        total = sum((b - a).days + 1 for a, b in pieces)
        offset = draw(st.integers(0, total - 1))
        for a, b in pieces:
            size = (b - a).days + 1
            if offset < size:
                return a + timedelta(days=offset)
            offset -= size
        raise AssertionError("unreachable")  # pragma: no cover


def _bind(
    f: Callable[[tuple[str, ...], date], str], group: tuple[str, ...]
) -> Callable[[date], str]:
    return lambda day: f(group, day)


def _constant(code: str) -> Callable[[date], str]:
    return lambda _day: code


@st.composite
def _record(
    draw: st.DrawFn,
    pair_s: SearchStrategy[tuple[Treaty, Universe]],
    max_value: date | None,
    max_participants: int,
    imprecise: bool,
    denunciations: bool,
    non_states: bool,
) -> tuple[TreatyRecord, Universe]:
    treaty, universe = draw(pair_s)
    rules = treaty.rules
    floor = treaty.adopted
    last = max_value if max_value is not None else min(
        DEFAULT_MAX_DATE, floor.replace(year=min(floor.year + 50, 9999), day=1)
    )
    lineages = sorted({universe.lineage(c) for c in universe.codes})
    how_many = draw(st.integers(0, min(max_participants, len(lineages))))
    chosen = draw(st.permutations(lineages))[:how_many] if how_many else []
    consent_kinds = sorted(rules.consent, key=_CONSENT_KINDS.index)
    free_kinds = [k for k in consent_kinds if k not in rules.requires_signature]
    sign_from, sign_until = treaty.opened_for_signature, rules.signature_closes or last

    # (act, true day, lineage, exact?) for each act; dates blurred afterwards.
    planned: list[tuple[Act, date, tuple[str, ...] | None, bool]] = []

    def listed(group: tuple[str, ...], day: date) -> str:
        holder = next((c for c in group if universe.contains(c, day)), group[-1])
        return draw(st.sampled_from(sorted({holder, group[-1]})))

    def act(code: str, kind: ActKind, day: date, article: str | None = None) -> Act:
        return Act(code, kind, PartialDate.day(day), article,
                   draw(st.lists(st.sampled_from(_SOURCES), min_size=1, max_size=2, unique=True)))

    def history(group: tuple[str, ...] | None, cover: _Coverage, exact: bool,
                code_of: Callable[[date], str]) -> None:
        plan = draw(st.sampled_from(["sign+consent", "consent", "sign", "nothing"]))
        signed: date | None = None
        if "sign" in plan:
            kind = ActKind.SIGNATURE
            if group is not None and len(group) > 1 and draw(st.booleans()):
                kind = ActKind.SUCCESSION_TO_SIGNATURE
            start = sign_from if kind is ActKind.SIGNATURE else floor
            day = cover.day_from(draw, start)
            if day is not None and (kind is not ActKind.SIGNATURE or day <= sign_until):
                signed = day
                planned.append((act(code_of(day), kind, day), day, group, exact))
        if "consent" not in plan:
            return
        kinds = consent_kinds if signed is not None else free_kinds
        if not kinds:
            return
        kind = draw(st.sampled_from(kinds))
        day = cover.day_from(draw, signed or floor)
        if day is None:
            return
        planned.append((act(code_of(day), kind, day), day, group, exact))
        if draw(st.booleans()):
            later = cover.day_from(draw, day)
            if later is not None:
                extra = draw(st.sampled_from([ActKind.DECLARATION,
                                              ActKind.PROVISIONAL_APPLICATION]))
                article = "77" if extra is ActKind.DECLARATION else None
                planned.append((act(code_of(later), extra, later, article), later, group, exact))

    covers: dict[tuple[str, ...], _Coverage] = {}
    for group in chosen:
        spans = [
            (max(p.start, floor), min(p.end or last, last))
            for p in sorted(universe.lineage_periods(group[0]), key=lambda p: p.start)
        ]
        covers[group] = _Coverage([(a, b) for a, b in spans if a <= b])
        exact = not imprecise or draw(st.booleans())
        history(group, covers[group], exact, _bind(listed, group))
    organisations: list[Participant] = []
    if non_states:
        for code in draw(st.lists(st.sampled_from(_NON_STATE_CODES), unique=True, max_size=2)):
            if code in universe.codes:
                continue
            organisations.append(Participant(code, _name(code), ParticipantKind.ORGANIZATION))
            history(None, _Coverage([(floor, last)]), True, _constant(code))

    # Blur the dates of the lineages that may be imprecise, keeping every
    # check validation makes true: the day meant stays inside the range.
    dated: list[tuple[Act, date]] = []
    for a, day, _, exact in planned:
        if not exact:
            precision = draw(st.sampled_from(_ALL_PRECISIONS))
            flag = precision is not Precision.ON_OR_BEFORE and draw(st.booleans())
            pd = _blur(day, precision, flag)
            lo, hi = pd.bounded(floor)
            if pd.latest <= last and (
                universe.in_lineage_on(a.participant, lo) or universe.in_lineage_on(
                    a.participant, hi)
            ):
                a = Act(a.participant, a.kind, pd, a.article, a.sources)
        dated.append((a, day))

    # Denunciations (and re-accessions) come once the treaty is in force for
    # the party, after the minimum period: exact dates only, so that their
    # order is never in doubt.  The rules date the general entry into force
    # with every date at its latest, as the validation reads it.
    general = rules.general_entry_into_force(
        [a for a, _ in dated], lambda a: a.date.resolved(Resolve.LATEST, floor))
    if denunciations and rules.denunciation is not None and general is not None:
        clause = rules.denunciation
        for a, day, owner, exact in list(planned):
            if (not exact or owner is None or rules.role(a.kind) is not Role.CONSENT
                    or draw(st.integers(0, 3)) == 0):
                continue
            group = owner
            in_force = rules.entry_into_force_for(general, day, a.kind)
            if in_force is None:  # pragma: no cover - general is known, so is the rule
                continue
            notified = covers[group].day_from(draw, clause.first_notification(in_force))
            if notified is not None and clause.windows is not None:
                # Only in a window: the first day from the one drawn.
                notified = clause.next_notification(notified, in_force=in_force,
                                                    general=general)
                if not covers[group].covers(notified):
                    notified = None
            if notified is None:
                continue
            dated.append((act(listed(group, notified), ActKind.DENUNCIATION, notified), notified))
            effect = clause.effect(notified)
            again = covers[group].day_from(draw, effect) if draw(st.booleans()) else None
            if again is not None and covers[group].covers(effect) and draw(st.booleans()):
                again = effect  # rejoining on the very day the denunciation takes effect
            signed = any(rules.role(b.kind) is Role.SIGNATURE and b.participant in group
                         for b, _ in dated)
            kinds = consent_kinds if signed else free_kinds
            if again is not None and kinds:
                dated.append((act(listed(group, again), draw(st.sampled_from(kinds)), again),
                              again))

    record_acts = _shuffled_keeping_each_lineage_in_order(
        draw(st.permutations(range(len(dated)))), dated, universe)
    codes = dict.fromkeys(a.participant for a in record_acts)
    people = [
        Participant(c, universe.name(c), ParticipantKind.STATE if c in _current_codes()
                    else ParticipantKind.FORMER_STATE)
        for c in codes if c in universe.codes
    ]
    people += [p for p in organisations if p.code in codes]
    as_of = max((a.date.latest for a, _ in dated), default=floor)
    record = TreatyRecord(treaty, record_acts, people, as_of,
                          ("generated by migrant_convention.testing.strategies",))
    return record, universe


def _shuffled_keeping_each_lineage_in_order(
    perm: Sequence[int], dated: Sequence[tuple[Act, date]], universe: Universe
) -> list[Act]:
    """The acts in the order *perm*, except that each lineage's own acts keep
    their chronological order in the slots that lineage got.  Functions must
    not depend on how a record interleaves different States, but same-day acts
    of one State keep the source's order (a denunciation taking effect at once
    and a new accession that day mean different things in different orders)."""
    slots: dict[tuple[str, ...], list[int]] = {}
    for pos, i in enumerate(perm):
        slots.setdefault(universe.lineage(dated[i][0].participant), []).append(pos)
    out: list[Act] = [dated[i][0] for i in perm]
    for positions in slots.values():
        chronological = sorted((perm[p] for p in positions), key=lambda i: (dated[i][1], i))
        for pos, i in zip(positions, chronological, strict=True):
            out[pos] = dated[i][0]
    return out

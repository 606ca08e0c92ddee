"""Status and counts recomputed from scratch, for checking (see :mod:`.testing`).

For each date: the acts done by then, in order; the treaty's entry into force
worked out from them; each lineage's acts replayed; the States of the universe
on that day counted.  Nothing is indexed, cached or shared with ``_index.py``,
the fast paths it checks: O(n log n) for n acts on every date asked.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..core.acts import Act
from ..core.dates import Resolve, as_resolve
from ..core.participants import ParticipantKind, check_code
from ..core.record import TreatyRecord
from ..core.rules import Role, Rules
from ..core.status_types import Counts, Status
from ..core.universe import Universe
from ..errors import UnknownParticipantError

#: What a recount reads an imprecise date as: its first or its last possible
#: day (``Resolve.STRICT`` is refused at run time).
Reading = Resolve | Literal["earliest", "latest"]


def _how(resolve: Reading) -> Resolve:
    how = as_resolve(resolve)
    if how is Resolve.STRICT:
        raise ValueError(
            "a recount needs resolve='earliest' or 'latest': it reads every date as one "
            "day and does not decide which answers are undecidable"
        )
    return how


def _done_by(
    record: TreatyRecord, on: date, how: Resolve
) -> tuple[list[tuple[date, Act]], date | None]:
    """The acts done on or before *on*, in time order — by day, then as
    :meth:`Act.sort_key` orders the acts of a day (signatures first), then in
    the record's order — and the treaty's entry into force."""
    if not isinstance(on, date) or hasattr(on, "hour"):
        hint = " (pass its .date())" if hasattr(on, "hour") else ""
        raise TypeError(f"on must be a datetime.date, not {type(on).__name__}{hint}")
    floor = record.treaty.adopted
    done = sorted(
        ((day, a) for a in record.acts if (day := a.date.resolved(how, floor)) <= on),
        key=lambda t: (t[0], t[1].sort_key()),
    )
    days = {id(a): day for day, a in done}
    general = record.treaty.general_entry_into_force((a for _, a in done),
                                                     lambda a: days[id(a)])
    return done, general


def _lineage_status(
    rules: Rules, acts: list[tuple[date, Act]], general: date | None, on: date
) -> tuple[Status, bool]:
    """The status on *on* of a lineage whose acts up to *on* are *acts* (in
    order), and whether it has ever signed."""
    bound = former = signed = False
    in_force: date | None = None
    effect: date | None = None
    for day, act in acts:
        # A denunciation takes effect before the acts of a later day, and
        # before a consent on the very day it takes effect (leave, then rejoin).
        role = rules.role(act.kind)
        consents = role is Role.CONSENT
        if effect is not None and (effect < day or (effect == day and consents)):
            bound, former, effect, in_force = False, True, None, None
        if role is Role.SIGNATURE:
            signed = True
        elif consents and not bound:
            bound, former = True, False
            in_force = rules.entry_into_force_for(general, day, act.kind)
        elif role is Role.DENUNCIATION and bound:
            takes = rules.denunciation_or_default.effect(day)
            effect = takes if effect is None else min(effect, takes)
    if effect is not None and effect <= on:
        bound, former = False, True
    if bound:
        return (Status.PARTY_IN_FORCE if in_force is not None and in_force <= on
                else Status.PARTY), signed
    if former:
        return Status.FORMER_PARTY, signed
    return (Status.SIGNATORY if signed else Status.NO_ACTION), signed


def _status(
    record: TreatyRecord, universe: Universe | None, code: str, on: date, how: Resolve
) -> Status:
    if universe is not None and code in universe and not universe.contains(code, on):
        periods = universe.periods_of(code)
        if not any(p.start > on for p in periods):  # ceased: its status on its last day
            on = max(p.end for p in periods if p.end is not None)
    acts, general = _done_by(record, on, how)
    group = universe.lineage(code) if universe is not None else (code,)
    mine = [(d, a) for d, a in acts if a.participant in group]
    return _lineage_status(record.treaty.rules, mine, general, on)[0]


def _on_day(record: TreatyRecord, universe: Universe, on: date, how: Resolve
            ) -> dict[str, tuple[Status, bool]]:
    """The status of every State of *universe* on *on*, and whether it ever
    signed: the acts done by then, grouped by lineage once."""
    acts, general = _done_by(record, on, how)
    by_lineage: dict[tuple[str, ...], list[tuple[date, Act]]] = {}
    for day, act in acts:
        by_lineage.setdefault(universe.lineage(act.participant), []).append((day, act))
    rules = record.treaty.rules
    return {p.code: _lineage_status(rules, by_lineage.get(universe.lineage(p.code), []),
                                    general, on)
            for p in universe.periods if p.covers(on)}


def recount_status(
    record: TreatyRecord,
    universe: Universe | None,
    participant: str,
    on: date,
    *,
    resolve: Reading,
) -> Status:
    """The status of *participant* (a code) on *on*, recomputed from the acts
    alone: what :func:`~migrant_convention.core.status.status` answers, without
    its indexes, in the same order of arguments.

    :raises UnknownParticipantError: if no act of the record is by
        *participant*, the universe (if given) does not have it either, and
        (without a universe) it is not an ISO 3166 code of a State.
    """
    state_code = check_code(participant, ParticipantKind.STATE) is None or \
        check_code(participant, ParticipantKind.FORMER_STATE) is None
    if participant not in {a.participant for a in record.acts} and (
        participant not in universe if universe is not None else not state_code
    ):
        raise UnknownParticipantError(participant, "no act of it in this record, and not a "
                                      "State of the universe (give a code, e.g. 'ALB')")
    return _status(record, universe, participant, on, _how(resolve))


def recount_statuses(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: Reading
) -> dict[str, Status]:
    """The status of every State of *universe* on *on*, recomputed from the acts
    alone: what :func:`~migrant_convention.core.status.statuses` answers."""
    return {code: status for code, (status, _) in
            _on_day(record, universe, on, _how(resolve)).items()}


def recount(
    record: TreatyRecord, universe: Universe, on: date, *, resolve: Reading
) -> Counts:
    """Ratification by numbers on *on*, recomputed from the acts alone: what
    :func:`~migrant_convention.core.status.counts` answers.

    >>> from migrant_convention import data
    >>> c = recount(data.icrmw(), data.states(), date(2014, 12, 18), resolve="latest")
    >>> c.parties, c.signatories, c.no_action, c.states
    (47, 19, 131, 197)
    """
    day = _on_day(record, universe, on, _how(resolve)).values()
    return Counts.of_statuses(on, (status for status, _ in day),
                              signed_ever=sum(signed for _, signed in day))

"""Commands about one State: ``status`` and ``timeline``."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from ..core.acts import Act
from ..core.dates import Resolve
from ..core.record import TreatyRecord
from ..core.status import entry_into_force, status, timeline
from ..core.universe import Universe
from ..errors import UndecidableError
from ..places.names import code_of, short_name, state_name
from ._shared import (
    OK,
    Subparsers,
    add_answer_options,
    add_source_options,
    dump_json,
    notes,
    resolve_of,
    sources,
)


def register(sub: Subparsers) -> None:
    p = sub.add_parser("status", help="one State's status on a date",
                       description="One State's status under the Migrant Workers Convention "
                       "on a date: no action, signatory, party (in force for it or not), "
                       "former party.")
    p.add_argument("state", metavar="STATE", help="ISO alpha-3 code or name, e.g. ALB or Albania")
    add_answer_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=status_command)

    p = sub.add_parser("timeline", help="one State's acts, in order",
                       description="Every act of one State (and of the States it "
                       "continues) under the Migrant Workers Convention, in date order, "
                       "with notes.")
    p.add_argument("state", metavar="STATE", help="ISO alpha-3 code or name")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    add_source_options(p)
    p.set_defaults(handler=timeline_command)


def resolve_state(text: str, universe: Universe, record: TreatyRecord) -> str:
    """What the user typed for STATE, an ISO code or a name (current or former,
    any case) of *universe*, of *record*'s participants or of the UN's table,
    to a code: :func:`~migrant_convention.places.names.code_of`, which
    suggests and never guesses when it finds nothing."""
    return code_of(text, universe, record)


def status_command(args: argparse.Namespace, out: TextIO) -> int:
    on, resolve = args.on, resolve_of(args)
    record, universe = sources(args)
    code = resolve_state(args.state, universe, record)
    st = status(record, universe, code, on, resolve=resolve)
    name = state_name(code, on=on, universe=universe, record=record)
    known = record.treaty.rules.entry_into_force is not None
    in_force = None
    in_force_unknown = False
    # Its consents, through its lineage: the USSR's are listed under the
    # Russian Federation, which continues it.
    consents = [a for a in timeline(record, universe, code)
                if a.kind in record.treaty.rules.consent and a.date.earliest <= on]
    if st.is_party and known and consents:
        # The status can be known (in force by now) when the day it began is
        # not (a registration dated only "on or before"): say so, not fail.
        decided, in_force = _in_force_from(record, consents[-1], resolve)
        in_force_unknown = not decided
    # The parts of the treaty its instrument of consent excludes (the ILO's
    # C097 Annexes, C143 Parts): its latest consent on or before the date.
    excludes = consents[-1].excludes if st.is_party and consents else ()
    if args.json:
        dump_json({"state": code, "name": name, "date": on.isoformat(),
                   "status": st.value,
                   "in_force_for_it": in_force.isoformat() if in_force else None,
                   "excludes": list(excludes),
                   "as_of": record.as_of.isoformat() if record.as_of else None,
                   "resolve": resolve.value}, out)
        return OK
    text = st.value.replace("_", " ")
    extra = f"; in force for it from {in_force.isoformat()}" if in_force else ""
    if in_force_unknown:
        extra = ("; in force for it from a day not known (its instrument's date is "
                 "imprecise: --resolve earliest or latest to choose)")
    if excludes:
        extra += f"; excluding {', '.join(excludes)}"
    if not universe.contains(code, on):
        try:
            holder = universe.holder(code, on)
        except LookupError:
            extra += " (not a State of the universe on that date)"
        else:
            other = f"{short_name(universe.name(holder, on))} ({holder})"
            lineage = universe.lineage(code)
            if lineage.index(holder) < lineage.index(code):
                extra += f" (not yet in the universe: on that date its acts belong to {other}," \
                         " which it continues)"
            else:
                last = max(p.end for p in universe.periods_of(code) if p.end is not None)
                extra += f" (ceased on {last.isoformat()}, its status on that day;" \
                         f" {other} continues it)"
    print(f"{name} ({code}) on {on.isoformat()}: {text}{extra}", file=out)
    for line in notes(record, on, resolve, as_of=False, universe=universe, code=code):
        print(line, file=out)
    return OK


def _in_force_from(record: TreatyRecord, consent: Act, resolve: Resolve
                   ) -> tuple[bool, date | None]:
    """Whether it is decidable under *resolve*, and when, the treaty entered
    into force for the State by *consent*: its consent in force on the day
    asked, not necessarily its latest (a State that succeeded, denounced and
    acceded again).  ``None`` when the treaty is not in force.  The day is
    monotone in the deposit's, so a date's two bounds decide it."""
    rules = record.treaty.rules
    try:
        general = entry_into_force(record, resolve=resolve)
    except UndecidableError:
        return False, None
    lo, hi = consent.date.bounded(record.treaty.adopted)
    days = {lo, hi} if resolve is Resolve.STRICT else {
        lo if resolve is Resolve.EARLIEST else hi}
    found = {rules.entry_into_force_for(general, d, consent.kind) for d in days}
    return (True, found.pop()) if len(found) == 1 else (False, None)


def made_by(act: Act, record: TreatyRecord, universe: Universe) -> tuple[str, str]:
    """The code and name of the State that made *act*: the member of its
    participant's lineage that was a State of the universe on its date (the
    signature listed under Serbia in 2004 was made by Serbia and Montenegro),
    else — no member then, or the date straddles a succession — the
    participant itself."""
    first, last = act.date.bounded(record.treaty.adopted)
    try:
        who = universe.holder(act.participant, first)
        if universe.holder(act.participant, last) != who:
            who = act.participant
    except LookupError:
        who = act.participant
    try:
        name = state_name(who, on=last, universe=universe, record=record)
    except LookupError:
        name = who
    return who, name


def timeline_command(args: argparse.Namespace, out: TextIO) -> int:
    record, universe = sources(args)
    code = resolve_state(args.state, universe, record)
    acts = timeline(record, universe, code)
    makers = [made_by(a, record, universe) for a in acts]
    if args.json:
        dump_json([{"date": str(a.date), "participant": a.participant, "action": a.action,
                    "by": {"code": who, "name": who_name},
                    "note": a.note, "sources": list(a.sources),
                    "excludes": list(a.excludes)}
                   for a, (who, who_name) in zip(acts, makers, strict=True)], out)
        return OK
    name = state_name(code, universe=universe, record=record)
    if not acts:
        print(f"{name} ({code}): no acts recorded", file=out)
        return OK
    print(f"{name} ({code}):", file=out)
    for a, (who, who_name) in zip(acts, makers, strict=True):
        # An act of another State of the lineage says whose it is.
        by = f" (by {who_name}, {who})" if who != code else ""
        listed = f" [listed as {a.listed_as}]" if a.listed_as and a.participant != code else ""
        note = (f" (excluding {', '.join(a.excludes)})" if a.excludes else "") + (
            f" — {a.note}" if a.note else "")
        print(f"  {a.date!s:<15} {a.action.replace('_', ' ')}{by}{listed}{note}", file=out)
    return OK

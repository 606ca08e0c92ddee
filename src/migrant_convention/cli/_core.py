"""Core commands: ``numbers``, ``status`` and ``timeline``."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from .. import data
from ..core.dates import Resolve, as_resolve
from ..core.record import TreatyRecord
from ..core.status import counts, entry_into_force_for, status, timeline
from ..core.treaty import Treaty
from ..core.universe import Universe
from ..errors import UnknownParticipantError
from ..formats._text import fold_name
from ..places.names import short_name, state_name
from . import _groups as _cli_groups
from . import _sources as _cli_sources


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ._main import date_arg

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD",
                       help="the date to answer for (default: today)")
        p.add_argument("--resolve", choices=["earliest", "latest"],
                       help="how to treat dates known only to the month, year, or as "
                       "'on or before' when the answer depends on them (default: refuse)")
        _cli_sources.add_options(p)

    p = sub.add_parser("numbers", help="ratification by numbers on a date",
                       description="Ratification by numbers for the Migrant Workers "
                       "Convention, or for the treaty of a record given with --record.")
    common(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    _cli_groups.add_options(p)
    p.set_defaults(handler=numbers_command)

    p = sub.add_parser("status", help="one State's status on a date",
                       description="One State's status under the Migrant Workers Convention "
                       "on a date: no action, signatory, party (in force for it or not), "
                       "former party.")
    p.add_argument("state", metavar="STATE", help="ISO alpha-3 code or name, e.g. ALB or Albania")
    common(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=status_command)

    p = sub.add_parser("timeline", help="one State's acts, in order",
                       description="Every act of one State (and of the States it "
                       "continues) under the Migrant Workers Convention, in date order, "
                       "with notes.")
    p.add_argument("state", metavar="STATE", help="ISO alpha-3 code or name")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    _cli_sources.add_options(p)
    p.set_defaults(handler=timeline_command)


def resolve_state(text: str, universe: Universe, record: TreatyRecord | None = None) -> str:
    """An ISO code or a name (current or former, case-insensitive) to a code;
    the names of *record*'s participants count too (default: the bundled
    Convention's)."""
    wanted = text.strip()
    record = record if record is not None else data.icrmw()
    if wanted.upper() in universe or wanted.upper() in record.codes:
        return wanted.upper()
    folded = fold_name(wanted)
    matches = {p.code for p in universe.periods
               if folded in (fold_name(p.name), fold_name(short_name(p.name)))}
    matches |= {p.code for p in record.participants
                if folded in (fold_name(n) for n in p.names)}
    # UN names current and former ("Cape Verde", "Turkey", "Swaziland").
    from ..formats.untc import participant_names

    names = {fold_name(name): p.code for name, (p, _) in participant_names().items()}
    if not matches and folded in names and names[folded] in universe.codes:
        matches = {names[folded]}
    if len(matches) == 1:
        return matches.pop()
    if len(matches) > 1:
        raise UnknownParticipantError(text, f"ambiguous: {', '.join(sorted(matches))}")
    # Suggest, never guess: names that contain what was typed.
    close = sorted({short_name(universe.name(c)) for n, c in names.items()
                    if folded and folded in n and c in universe.codes})[:4]
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownParticipantError(text, f"give an ISO 3166 alpha-3 code or a UN name{hint}")


def _when(args: argparse.Namespace) -> tuple[date, Resolve]:
    from ._main import today

    on = args.on or today()
    return on, as_resolve(args.resolve or "strict")


def numbers_command(args: argparse.Namespace, out: TextIO) -> int:
    from ._main import dump_json

    if args.by is not None or args.lang is not None:
        return _cli_groups.numbers_by(args, out)
    on, resolve = _when(args)
    record, universe = _cli_sources.sources(args)
    c = counts(record, universe, on, resolve=resolve)
    as_of = record.as_of
    if args.json:
        figures: dict[str, int | str | None] = {**c.as_dict()}
        if record.treaty.rules.entry_into_force is None:
            figures["in_force"] = None  # not known, not zero
        dump_json({**figures, "as_of": as_of.isoformat() if as_of else None,
                   "treaty": record.treaty.id,
                   "resolve": resolve.value}, out)
        return 0
    print(treaty_heading(record.treaty), file=out)
    print(f"Ratification by numbers on {c.on.isoformat()}:", file=out)
    rows = [("States parties", c.parties)]
    if record.treaty.rules.entry_into_force is not None:
        rows.append(("  of which in force for them", c.in_force))
    rows += [
        ("Signatories (signed, not yet bound)", c.signatories),
        ("Signatories in all (UN Treaty Collection figure)", c.signatories_total),
        ("States taking no action", c.no_action),
    ]
    if c.former_parties:
        rows.append(("Former parties (denounced)", c.former_parties))
    rows.append(("States in the universe", c.states))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value:>4}", file=out)
    for line in _notes(record, on, resolve):
        print(line, file=out)
    return 0


IN_FORCE_UNKNOWN = ("Entry into force is not known from this record (its treaty's rules are "
                    "not given): nobody is counted as in force.")
NO_AS_OF = ("The record gives no 'as of' date: acts after it was compiled are missing, and "
            "the answer may be out of date.")


def treaty_heading(treaty: Treaty) -> str:
    """The treaty's title and short name, or its identifier when it has no title
    (a record read from a UN Treaty Collection table)."""
    if not treaty.title:
        return f"Treaty {treaty.id} (UN Treaty Collection)"
    return f"{treaty.title} ({treaty.short_name})" if treaty.short_name else treaty.title


def _notes(record: TreatyRecord, on: date, resolve: Resolve, *, as_of: bool = True
           ) -> list[str]:
    """What a reader must know to read an answer right."""
    notes = []
    if record.treaty.rules.entry_into_force is None:
        notes.append(IN_FORCE_UNKNOWN)
    # A treaty read from a UN Treaty Collection table has a placeholder
    # adoption date (untc.deposit_only_treaty): say nothing of it.
    known_adoption = bool(record.treaty.title or record.treaty.depositary)
    if known_adoption and on < record.treaty.adopted:
        notes.append(f"The treaty was adopted on {record.treaty.adopted.isoformat()}: "
                     "before that no State could act under it.")
    if resolve is not Resolve.STRICT:
        notes.append(f"Dates known only to the month, year or as 'on or before' are read at "
                     f"their {resolve.value} possible day (--resolve {resolve.value}).")
    if record.as_of is not None and (as_of or on > record.as_of):
        later = " (later acts are not in the data)" if on > record.as_of else ""
        notes.append(f"Data as of {record.as_of.isoformat()}{later}.")
    elif record.as_of is None:
        notes.append(NO_AS_OF)
    return notes


def status_command(args: argparse.Namespace, out: TextIO) -> int:
    from ._main import dump_json

    on, resolve = _when(args)
    record, universe = _cli_sources.sources(args)
    code = resolve_state(args.state, universe, record)
    st = status(record, code, on, universe=universe, resolve=resolve)
    name = state_name(code, on=on, universe=universe, record=record)
    known = record.treaty.rules.entry_into_force is not None
    in_force = entry_into_force_for(record, code, resolve=resolve) \
        if st.is_party and known else None
    if args.json:
        dump_json({"state": code, "name": name, "date": on.isoformat(),
                   "status": st.value,
                   "in_force_for_it": in_force.isoformat() if in_force else None,
                   "as_of": record.as_of.isoformat() if record.as_of else None,
                   "resolve": resolve.value}, out)
        return 0
    text = st.value.replace("_", " ")
    extra = f"; in force for it from {in_force.isoformat()}" if in_force else ""
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
    for line in _notes(record, on, resolve, as_of=False):
        print(line, file=out)
    return 0


def timeline_command(args: argparse.Namespace, out: TextIO) -> int:
    from ._main import dump_json

    record, universe = _cli_sources.sources(args)
    code = resolve_state(args.state, universe, record)
    acts = timeline(record, code, universe=universe)
    if args.json:
        dump_json([{"date": str(a.date), "participant": a.participant, "action": a.action,
                    "note": a.note, "sources": list(a.sources)} for a in acts], out)
        return 0
    name = state_name(code, universe=universe, record=record)
    if not acts:
        print(f"{name} ({code}): no acts recorded", file=out)
        return 0
    print(f"{name} ({code}):", file=out)
    for a in acts:
        listed = f" [listed as {a.listed_as}]" if a.listed_as and a.participant != code else ""
        note = f" — {a.note}" if a.note else ""
        print(f"  {a.date!s:<15} {a.action.replace('_', ' ')}{listed}{note}", file=out)
    return 0

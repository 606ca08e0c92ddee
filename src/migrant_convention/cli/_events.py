"""Event commands: ``events``, ``upcoming`` and ``campaign``."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from .. import data
from ..campaigns.events import Event, EventKind, event_timeline
from ..campaigns.progress import Campaign, Change, Progress, campaign_progress, progress
from ..campaigns.upcoming import upcoming
from ..core.dates import PartialDate
from ..data import campaign_events as event_data
from ..errors import InvalidDateError, Problem, ValidationError
from ..formats.ical import to_ical
from ._shared import OK, Subparsers, date_arg, dump_json, resolve_of


def _partial(text: str) -> PartialDate:
    try:
        value = PartialDate.parse(text)
    except InvalidDateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value.uncertain or value.earliest_known is None:
        # A window's bound is the user's own choice: it is known, not estimated.
        raise argparse.ArgumentTypeError(
            f"invalid window bound {text!r}: give YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def register(sub: Subparsers) -> None:
    kinds = [k.value for k in EventKind]
    p = sub.add_parser("events", help="the labour-migration timeline",
                       description="Curated events and the Convention's own milestones and "
                       "State acts, in date order.  With --from and --to, a recurring "
                       "observance is listed on each of its days in the window; otherwise "
                       "once, with its recurrence.")
    p.add_argument("--from", dest="start", type=_partial, metavar="DATE",
                   help="first date (YYYY-MM-DD, YYYY-MM or YYYY)")
    p.add_argument("--to", dest="end", type=_partial, metavar="DATE",
                   help="last date (YYYY-MM-DD, YYYY-MM or YYYY)")
    p.add_argument("--kind", action="append", choices=kinds, metavar="KIND",
                   help=f"only this kind (repeatable): {', '.join(kinds)}")
    p.add_argument("--curated", action="store_true",
                   help="leave out the events computed from the treaty record")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print a JSON list")
    out.add_argument("--ics", action="store_true", help="print an iCalendar file")
    p.set_defaults(handler=events_command)

    p = sub.add_parser("upcoming", help="a calendar of upcoming events",
                       description="Events, observances and anniversaries from a date on.")
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD",
                   help="the first day (default: today)")
    p.add_argument("--days", type=int, default=30, metavar="N",
                   help="how many days ahead (default: 30)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(handler=upcoming_command)

    p = sub.add_parser("campaign", help="a campaign and what changed during it",
                       description="A bundled campaign, its events, and what changed under "
                       "the Convention during its window (or --from/--to).")
    p.add_argument("name", nargs="?", default="Step It Up", metavar="NAME",
                   help="part of the campaign's name (default: Step It Up)")
    p.add_argument("--from", dest="start", type=date_arg, metavar="YYYY-MM-DD",
                   help="measure from this day instead of the campaign's start")
    p.add_argument("--to", dest="end", type=date_arg, metavar="YYYY-MM-DD",
                   help="measure to this day instead of the campaign's end")
    p.add_argument("--resolve", choices=["earliest", "latest"],
                   help="how to read imprecise dates at the window's edges")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--ics", action="store_true", help="print the campaign's events as iCalendar")
    p.set_defaults(handler=campaign_command)


def _print_events(events: tuple[Event, ...], out: TextIO) -> None:
    width = max((len(e.when) for e in events), default=10)
    for e in events:
        recurs = f" (recurs {e.recurrence.describe()})" if e.recurrence else ""
        print(f"  {e.when:<{width}}  {e.kind.value:<16}  {e.title}{recurs}", file=out)


def events_command(args: argparse.Namespace, out: TextIO) -> int:
    start: date | None = args.start.earliest if args.start else None
    end: date | None = args.end.latest if args.end else None
    if start is not None and end is not None and end < start:
        raise ValidationError("invalid range", [Problem(
            "--to", str(args.end), f"{str(args.end)!r} ends before --from {str(args.start)!r}",
            "bad-range")])
    records = () if args.curated else (data.icrmw(),)
    # In a window, a recurring observance is listed on each of its days there;
    # iCalendar keeps it one VEVENT with an RRULE.  Without both ends, it is
    # listed once, with its recurrence, if it recurs in the window.
    expand = start is not None and end is not None and not args.ics
    found = event_timeline(event_data.events(), start=start, end=end, kinds=args.kind,
                           records=records, universe=data.states(), expand=expand)
    if args.json:
        dump_json([e.as_dict() for e in found], out)
    elif args.ics:
        out.write(to_ical(found, stamp=event_data.DATASET.as_of))
    elif not found:
        print("No events.", file=out)
    else:
        _print_events(found, out)
    return OK


def upcoming_command(args: argparse.Namespace, out: TextIO) -> int:
    on: date = args.on
    found = upcoming(event_data.events(), on, days=args.days, records=[data.icrmw()])
    if args.json:
        dump_json([e.as_dict() for e in found], out)
        return OK
    print(f"From {on.isoformat()}, {args.days} day(s) ahead:", file=out)
    if not found:
        print("  nothing", file=out)
    _print_events(found, out)
    return OK


def _print_changes(label: str, changes: tuple[Change, ...], out: TextIO) -> None:
    print(f"  {label}: {len(changes) or 'none'}", file=out)
    for c in changes:
        print(f"    {c.act.date!s:<12} {c.name} ({c.code}), {c.act.action.replace('_', ' ')}",
              file=out)


def _print_progress(p: Progress, out: TextIO) -> None:
    print(f"What changed under {p.treaty} from {p.start.isoformat()} to {p.end.isoformat()}:",
          file=out)
    print(f"  States parties: {p.before.parties} on the eve of the window, "
          f"{p.after.parties} at its end", file=out)
    print(f"  Signatories (not yet bound): {p.before.signatories} -> {p.after.signatories}",
          file=out)
    print(f"  Taking no action: {p.before.no_action} -> {p.after.no_action} "
          f"(of {p.after.states} States)", file=out)
    _print_changes("New parties", p.new_parties, out)
    _print_changes("New signatories", p.new_signatories, out)
    _print_changes("Declarations", p.declarations, out)
    if p.denunciations:
        _print_changes("Denunciations", p.denunciations, out)
    for o in p.targets:
        print(f"  Target {o.target.measure.value} {o.target.value}: {o.achieved} "
              f"({'met' if o.met else 'not met'})", file=out)


def campaign_command(args: argparse.Namespace, out: TextIO) -> int:
    try:
        c: Campaign = event_data.campaign(args.name)
    except LookupError as exc:
        raise ValidationError("unknown campaign", [Problem(
            "NAME", args.name, str(exc), "unknown-campaign")]) from None
    record, universe = data.icrmw(), data.states()
    resolve = resolve_of(args)
    if args.start or args.end:
        p = progress(record, universe, args.start or c.start, args.end or c.end,
                     targets=c.targets, resolve=resolve)
    else:
        p = campaign_progress(c, record, universe, resolve=resolve)
    if args.ics:
        out.write(to_ical(c.events, stamp=event_data.DATASET.as_of, name=c.name))
        return OK
    if args.json:
        dump_json({"name": c.name, "start": c.start.isoformat(), "end": c.end.isoformat(),
                   "organisers": list(c.organisers), "treaties": list(c.treaties),
                   "description": c.description, "sources": list(c.sources),
                   "events": [e.as_dict() for e in c.events], "progress": p.as_dict(),
                   "as_of": record.as_of.isoformat() if record.as_of else None}, out)
        return OK
    print(f"{c.name} ({c.start.isoformat()} to {c.end.isoformat()})", file=out)
    print(f"Organisers: {'; '.join(c.organisers)}", file=out)
    print(f"Treaties promoted: {', '.join(c.treaties)}", file=out)
    print("Events:", file=out)
    _print_events(c.events, out)
    _print_progress(p, out)
    if not c.targets:
        print("  Target: none stated in the sources", file=out)
    if record.as_of:
        print(f"Data as of {record.as_of.isoformat()}.", file=out)
    return OK

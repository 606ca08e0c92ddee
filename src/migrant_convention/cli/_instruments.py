"""``instruments``: the campaign's instruments side by side, State by State."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .. import data
from ..campaigns.instruments import CAMPAIGN_INSTRUMENTS, side_by_side
from ..core.status_types import Status
from ..formats.tidy import to_csv
from ._shared import OK, Subparsers, date_arg, dump_json, resolve_of, universe_of

_SHORT = {None: "?", Status.NO_ACTION: "-", Status.SIGNATORY: "signed",
          Status.PARTY: "party", Status.PARTY_IN_FORCE: "in force",
          Status.FORMER_PARTY: "former"}


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "instruments", help="each State's status under each instrument, side by side",
        description="Each State's status on a date under the Migrant Workers Convention "
        "(IV-13) and the ILO's migrant-worker conventions (C097, C143, C189), or the "
        "treaties chosen with --treaty; the counts of each, and the States party to all "
        "or to none.")
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD",
                   help="the date to answer for (default: today)")
    p.add_argument("--treaty", action="append", metavar="ID",
                   help="an instrument to show (repeat for several; default: "
                   + ", ".join(CAMPAIGN_INSTRUMENTS) + ")")
    p.add_argument("--resolve", choices=["earliest", "latest"],
                   help="how to treat dates known only to the month, year, or as 'on or "
                   "before' (default: show such a State's status as '?')")
    p.add_argument("--universe", metavar="FILE", type=Path,
                   help="the States to count (default: the bundled universe of States)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", action="store_true",
                     help="print CSV: code, name, then one column per instrument")
    p.set_defaults(handler=instruments_command)


def instruments_command(args: argparse.Namespace, out: TextIO) -> int:
    ids = list(dict.fromkeys(args.treaty or CAMPAIGN_INSTRUMENTS))
    records = {i: data.record(i) for i in ids}
    ids = [r.treaty.id for r in records.values()]
    records = {r.treaty.id: r for r in records.values()}
    universe = universe_of(args)
    table = side_by_side(records, universe, args.on, resolve=resolve_of(args))
    names = {i: records[i].treaty.short_name or i for i in ids}
    if args.json:
        dump_json({
            "on": table.on.isoformat(), "instruments": ids,
            "resolve": resolve_of(args).value,
            "counts": {i: (c.as_dict() if c is not None else None)
                       for i, c in table.counts.items()},
            "undecidable": dict(table.undecidable),
            "party_to_all": list(table.party_to_all),
            "party_to_none": list(table.party_to_none),
            "states": table.tidy(),
        }, out)
        return OK
    if args.csv:
        # Spreadsheet-safe: a name or a value is never run as a formula.
        out.write(to_csv(table.tidy(), escape_formulas=True))
        return OK
    print(f"The instruments side by side on {table.on.isoformat()}:", file=out)
    width = max(len(r.name) for r in table.rows) if table.rows else 4
    width = min(width, 40)
    cols = [max(len(names[i]), 8) for i in ids]
    header = "  ".join(f"{names[i]:<{w}}" for i, w in zip(ids, cols, strict=True))
    print(f"  {'State':<{width}}  {header}".rstrip(), file=out)
    for r in sorted(table.rows, key=lambda r: r.name.casefold()):
        name = r.name if len(r.name) <= width else r.name[:width - 1] + "…"
        cells = "  ".join(f"{_SHORT[s]:<{w}}" for s, w in zip(r.statuses, cols, strict=True))
        print(f"  {name:<{width}}  {cells}".rstrip(), file=out)
    print("", file=out)
    print("Parties (in force for them) of each:", file=out)
    for i in ids:
        c = table.counts[i]
        as_of = records[i].as_of
        figure = (f"{c.parties} ({c.in_force})" if c is not None
                  else "undecidable (a registration dated only approximately)")
        print(f"  {names[i]:<10} {figure}"
              + (f"  [data as of {as_of.isoformat()}]" if as_of else ""), file=out)
    print(f"Party to all {len(ids)}: {len(table.party_to_all)}"
          f" ({', '.join(table.party_to_all) or 'none'})", file=out)
    print(f"Party to none: {len(table.party_to_none)}", file=out)
    print("Legend: in force, party (not yet in force), signed, former (denounced), "
          "- (no action), ? (undecidable: give --resolve earliest or latest to choose).",
          file=out)
    if any(records[i].treaty.id.startswith("C") for i in ids):
        print("ILO conventions are open to ILO Members; '-' counts every State of the "
              "universe that has registered no ratification.", file=out)
    return OK

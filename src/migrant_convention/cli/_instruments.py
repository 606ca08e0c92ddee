"""``instruments``: the campaign's instruments side by side, State by State."""

from __future__ import annotations

import argparse
import textwrap
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from .. import data
from ..campaigns.instruments import CAMPAIGN_INSTRUMENTS, SideBySide, side_by_side
from ..core.dates import Resolve
from ..core.record import TreatyRecord
from ..core.status_types import Status
from ..formats.tidy import to_csv
from ..places.names import short_name
from ._shared import OK, Subparsers, date_arg, dump_json, resolve_of, universe_of

_SHORT = {None: "?", Status.NO_ACTION: "-", Status.SIGNATORY: "signed",
          Status.PARTY: "party", Status.PARTY_IN_FORCE: "in force",
          Status.FORMER_PARTY: "former"}
_WIDTH = 88  # the lines of text wrapped below the table
_SHOWN_ACTS = 4  # the acts named in the note of an undecidable instrument


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
    # An id is found whatever its case ("c189"): each instrument once, in the
    # order first asked, by the id its record gives.
    records = {r.treaty.id: r for r in map(data.record, args.treaty or CAMPAIGN_INSTRUMENTS)}
    ids = list(records)
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
            "depends_on": {i: list(a) for i, a in table.depends_on.items()},
            "party_to_all": list(table.party_to_all),
            "party_to_none": list(table.party_to_none),
            "states": table.tidy(),
        }, out)
        return OK
    if args.csv:
        # Spreadsheet-safe: a name or a value is never run as a formula.
        out.write(to_csv(table.tidy(), escape_formulas=True))
        return OK
    _text(table, records, names, resolve_of(args), out)
    return OK


def _sort_key(name: str) -> str:
    """*name* without accents, case-folded: Côte d'Ivoire after Costa Rica."""
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c)).casefold()


def _codes(label: str, codes: Sequence[str], out: TextIO) -> None:
    """``label: N (CODE, CODE, ...)``, wrapped."""
    listed = f" ({', '.join(codes)})" if codes else ""
    print(textwrap.fill(f"{label}: {len(codes)}{listed}", width=_WIDTH,
                        subsequent_indent="    ", break_on_hyphens=False), file=out)


def _text(table: SideBySide, records: Mapping[str, TreatyRecord], names: Mapping[str, str],
          resolve: Resolve, out: TextIO) -> None:
    """The table for a reader: aligned columns, the counts, the lists, a legend
    and, for each ``?``, why and how to choose."""
    ids = table.instruments
    print(f"The instruments side by side on {table.on.isoformat()}:", file=out)
    # The names without their historical remarks ("(Upper Volta until 4 Aug
    # 1984)"): the table is for one day.
    shown = {r.code: short_name(r.name) for r in table.rows}
    width = max((len(n) for n in shown.values()), default=5)
    width = min(max(width, 5), 40)
    cols = [max(len(names[i]), 8) for i in ids]
    header = "  ".join(f"{names[i]:<{w}}" for i, w in zip(ids, cols, strict=True))
    print(f"  {'State':<{width}}  {header}".rstrip(), file=out)
    for r in sorted(table.rows, key=lambda r: (_sort_key(shown[r.code]), r.code)):
        name = shown[r.code]
        name = name if len(name) <= width else name[:width - 1] + "…"
        cells = "  ".join(f"{_SHORT[s]:<{w}}" for s, w in zip(r.statuses, cols, strict=True))
        print(f"  {name:<{width}}  {cells}".rstrip(), file=out)
    print("", file=out)
    print("Parties (in force for them) of each:", file=out)
    for i in ids:
        c = table.counts[i]
        as_of = records[i].as_of
        figure = f"{c.parties} ({c.in_force})" if c is not None else "undecidable (see below)"
        print(f"  {names[i]:<10} {figure}"
              + (f"  [data as of {as_of.isoformat()}]" if as_of else ""), file=out)
    _codes(f"Party to all {len(ids)}", table.party_to_all, out)
    _codes("Party to none", table.party_to_none, out)
    print("Legend: in force, party (not yet in force), signed, former (denounced), "
          "- (no action), ? (undecidable).", file=out)
    if any(records[i].treaty.id.startswith("C") for i in ids):
        print("ILO conventions are open to ILO Members; '-' counts every State of the "
              "universe that has registered no ratification.", file=out)
    if resolve is not Resolve.STRICT:
        print(f"Dates known only to the month, year or as 'on or before' are read at their "
              f"{resolve.value} possible day (--resolve {resolve.value}).", file=out)
    for i in ids:
        if i not in table.undecidable:
            continue
        unknown = [r.code for r in table.rows if r.statuses[ids.index(i)] is None]
        acts = table.depends_on.get(i, ())
        listed = "; ".join(acts[:_SHOWN_ACTS])
        if len(acts) > _SHOWN_ACTS:
            listed += f"; and {len(acts) - _SHOWN_ACTS} more"
        who = (f"the status of {', '.join(unknown)} ('?') and " if unknown else "")
        note = (f"{names[i]}: {who}its counts on {table.on.isoformat()} depend on dates "
                f"known only approximately: {listed}. Give --resolve earliest or --resolve "
                "latest to choose.")
        print(textwrap.fill(note, width=_WIDTH, initial_indent="* ", subsequent_indent="  ",
                            break_on_hyphens=False), file=out)

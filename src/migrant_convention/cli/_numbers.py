"""The ``numbers`` command: ratification by numbers on a date, in all or, with
``--by GROUPING [--lang LANG]``, group by group.

Group names and column headings are in English; ``--lang`` translates the
State names listed under the table (falling back to English where pycountry
has no translation).
"""

from __future__ import annotations

import argparse
import textwrap
from typing import TextIO

from ..core.record import TreatyRecord
from ..core.status import counts
from ..core.status_types import Counts, Status
from ..core.treaty import Treaty
from ..core.universe import Universe
from ..core.validate import notices
from ..errors import MigrantConventionError
from ..places.groupings import BUILTIN_GROUPINGS, UNASSIGNED, Breakdown, breakdown
from ..places.names import LANGUAGES, collation_key, state_name
from ._shared import (
    IN_FORCE_UNKNOWN,
    NO_AS_OF,
    OK,
    Subparsers,
    add_answer_options,
    dump_json,
    notes,
    resolve_of,
    sources,
)

_BY_HELP = {
    "region": "UN M49 region",
    "subregion": "UN M49 sub-region",
    "intermediate": "UN M49 intermediate region, else sub-region",
    "group": "UN regional group",
    "ldc": "least developed countries, an M49 flag",
    "lldc": "landlocked developing countries, an M49 flag",
    "sids": "small island developing States, an M49 flag",
}


def register(sub: Subparsers) -> None:
    p = sub.add_parser("numbers", help="ratification by numbers on a date",
                       description="Ratification by numbers for the Migrant Workers "
                       "Convention, or for the treaty of a record given with --record.")
    add_answer_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--by", choices=BUILTIN_GROUPINGS, metavar="GROUPING",
                   help="break the numbers down by: "
                   + "; ".join(f"{k} ({v})" for k, v in _BY_HELP.items())
                   + ". Present-day groupings, applied to every date.")
    p.add_argument("--lang", choices=LANGUAGES, metavar="LANG",
                   help="language of the State names listed with --by: "
                   + ", ".join(LANGUAGES) + " (default en: the UN's short names)")
    p.set_defaults(handler=numbers_command)


def treaty_heading(treaty: Treaty) -> str:
    """The treaty's title and short name, or its identifier when it has no title
    (a record read from a UN Treaty Collection table)."""
    if not treaty.title:
        return f"Treaty {treaty.id} (UN Treaty Collection)"
    return f"{treaty.title} ({treaty.short_name})" if treaty.short_name else treaty.title


def numbers_command(args: argparse.Namespace, out: TextIO) -> int:
    if args.by is not None or args.lang is not None:
        return numbers_by(args, out)
    on, resolve = args.on, resolve_of(args)
    record, universe = sources(args)
    c = counts(record, universe, on, resolve=resolve)
    as_of = record.as_of
    if args.json:
        figures: dict[str, int | str | None] = {**c.as_dict()}
        if record.treaty.rules.entry_into_force is None:
            figures["in_force"] = None  # not known, not zero
        payload: dict[str, object] = {
            **figures, "as_of": as_of.isoformat() if as_of else None,
            "treaty": record.treaty.id, "resolve": resolve.value}
        found = notices(record)
        if found:  # only when there are: what 0.1 wrote is unchanged
            payload["notices"] = [{"code": n.code, "message": n.message} for n in found]
        dump_json(payload, out)
        return OK
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
    for line in notes(record, on, resolve, universe=universe):
        print(line, file=out)
    return OK


# -- numbers --by ------------------------------------------------------------------

def _columns(b: Breakdown, in_force_known: bool) -> list[tuple[str, str]]:
    cols = [("parties", "Parties")]
    if in_force_known:  # else every count would be a 0 that means "not known"
        cols.append(("in_force", "In force"))
    cols += [("signatories", "Signatories"), ("signatories_total", "Signed in all")]
    if b.totals.former_parties:
        cols.append(("former_parties", "Former parties"))
    cols += [("no_action", "No action"), ("states", "States")]
    return cols


def _value(c: Counts, field: str) -> int:
    value: int = getattr(c, field)
    return value


# The heading of the table's first column: what the rows of each built-in
# grouping are; "Group" for any other grouping.
_ROW_LABELS = {"region": "Region", "subregion": "Sub-region",
               "intermediate": "Intermediate region", "group": "Regional group",
               "ldc": "LDC", "lldc": "LLDC", "sids": "SIDS"}


def _column_label(b: Breakdown) -> str:
    return _ROW_LABELS.get(b.grouping.name, "Group")


def _table(b: Breakdown, in_force_known: bool) -> list[str]:
    cols = _columns(b, in_force_known)
    rows = [(r.group, r.counts) for r in b.rows if r.group != UNASSIGNED or r.counts.states]
    rows.append(("Total", b.totals))
    label = _column_label(b)
    label_w = max(len(label), *(len(g) for g, _ in rows))
    widths = [max(len(title), 4) for _, title in cols]
    head = "  ".join(f"{t:>{w}}" for (_, t), w in zip(cols, widths, strict=True))
    lines = [f"  {label:<{label_w}}  {head}"]
    lines.append("  " + "-" * (label_w + 2 + len(head)))
    for group, c in rows:
        if group == "Total":
            lines.append("  " + "-" * (label_w + 2 + len(head)))
        cells = "  ".join(f"{_value(c, f):>{w}}" for (f, _), w in zip(cols, widths, strict=True))
        lines.append(f"  {group:<{label_w}}  {cells}")
    return lines


def _names(b: Breakdown, codes: tuple[str, ...], lang: str, universe: Universe,
           record: TreatyRecord) -> list[str]:
    return sorted((state_name(c, lang, on=b.on, universe=universe, record=record)
                   for c in codes), key=collation_key)


_LISTS = (
    ("Parties", (Status.PARTY, Status.PARTY_IN_FORCE, )),
    ("Signatories (signed, not yet bound)", (Status.SIGNATORY,)),
    ("Former parties", (Status.FORMER_PARTY,)),
)


def numbers_by(args: argparse.Namespace, out: TextIO) -> int:
    """Print the breakdown for ``numbers --by`` as a table or JSON."""
    if args.by is None:
        raise MigrantConventionError("--lang names the States listed with --by: give --by too")
    lang: str = args.lang or "en"
    on, resolve = args.on, resolve_of(args)
    record, universe = sources(args)
    b = breakdown(record, universe, on, args.by, resolve=resolve)
    as_of = record.as_of
    if args.json:
        payload = {
            "treaty": record.treaty.id,
            "as_of": as_of.isoformat() if as_of else None,
            "resolve": resolve.value,
            "lang": lang,
            **b.as_dict(),
            "grouping_as_of": b.grouping.as_of.isoformat() if b.grouping.as_of else None,
        }
        groups = payload["groups"]
        assert isinstance(groups, list)
        if record.treaty.rules.entry_into_force is None:  # not known, not zero
            for item in [*groups, payload["totals"]]:
                if isinstance(item, dict):
                    item["in_force"] = None
        for row, item in zip(b.rows, groups, strict=True):
            item["members"] = [
                {"code": c, "name": state_name(c, lang, on=on, universe=universe, record=record),
                 "status": b.statuses[c].value, "signed": c in b.signed}
                for c in row.codes
            ]
        dump_json(payload, out)
        return OK
    print(treaty_heading(record.treaty), file=out)
    print(f"Ratification by numbers on {on.isoformat()}, by {b.grouping.title}:", file=out)
    print(file=out)
    for line in _table(b, record.treaty.rules.entry_into_force is not None):
        print(line, file=out)
    for heading, wanted in _LISTS:
        listed = [(r.group, b.codes(r.group, *wanted)) for r in b.rows]
        listed = [(g, codes) for g, codes in listed if codes]
        if not listed:
            continue
        print(file=out)
        print(f"{heading}:", file=out)
        for group, codes in listed:
            names = _names(b, codes, lang, universe, record)
            text = f"{group} ({len(codes)}): " + ", ".join(names) + "."
            # A name is never cut at its hyphens ("Saint-Vincent-et-les-Grenadines").
            print(textwrap.fill(text, width=100, initial_indent="  ",
                                subsequent_indent="      ", break_on_hyphens=False), file=out)
    print(file=out)
    print(textwrap.fill(f"Note: {b.grouping.caveat}", width=100), file=out)
    if record.treaty.rules.entry_into_force is None:
        print(IN_FORCE_UNKNOWN, file=out)
    if as_of is not None:
        note = " (later acts are not in the data)" if on > as_of else ""
        print(f"Data as of {as_of.isoformat()}{note}.", file=out)
    else:
        print(NO_AS_OF, file=out)
    return OK

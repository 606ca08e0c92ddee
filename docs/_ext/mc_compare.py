"""The page "How the Convention compares", generated at build time.

It reads the UN Treaty Collection's status tables of the nine core
human-rights treaties (as published 2013-2015, ``tests/data/untc-2015/``)
with their bundled final clauses (``migrant_convention.data.treaty``), and
counts their parties day by day with the library, over the bundled universe
of States.  Nothing reads the clock.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import migrant_convention as mc
from migrant_convention.formats import untc
from migrant_convention.places.names import short_name

#: The nine core treaties, in order of adoption.
CORE = ("IV-2", "IV-3", "IV-4", "IV-8", "IV-9", "IV-11", "IV-13", "IV-15", "IV-16")
#: The earliest day the tables were scraped: every table is complete to it.
CUT = date(2013, 6, 6)
LATEST_SCRAPE = date(2015, 3, 14)
MILESTONES = (20, 50, 100, 150)
_YEAR = 365.2425
_ALT = ("Parties of the nine core human-rights treaties against years since each was "
        "adopted; the Migrant Workers Convention, drawn thick and black, is the slowest.")


def _record(tables: Path, tid: str) -> mc.TreatyRecord:
    path = tables / (tid.replace("IV", "4") + ".csv")
    # Read as the tables are: the stated entry into force is the answer where
    # the tables leave predecessors' instruments in footnotes.
    return untc.read_table(path.read_text(encoding="utf-8"), path.name,
                           treaty=mc.data.treaty(tid), validate=False)


def _series(record: mc.TreatyRecord, states: mc.Universe) -> tuple[list[date], list[int]]:
    start = record.treaty.adopted
    days = [start + timedelta(days=i) for i in range((CUT - start).days + 1)]
    counts = mc.count_series(record, states, days)
    return days, [c.parties for c in counts]


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _years(start: date, day: date) -> str:
    return f"{(day - start).days / _YEAR:.1f}"


def compare_page(out: Path, tables: Path, *, draw: bool = True) -> str:
    """The page's Markdown (and, with *draw*, its chart in *out*)."""
    states = mc.data.states()
    rows = []
    curves = []
    for tid in CORE:
        record = _record(tables, tid)
        treaty = record.treaty
        days, parties = _series(record, states)
        cells = []
        for n in MILESTONES:
            day = next((d for d, p in zip(days, parties, strict=True) if p >= n), None)
            cells.append(_years(treaty.adopted, day) if day else "—")
        eif = mc.entry_into_force(record)
        rows.append([f"{treaty.short_name} ({tid})", str(treaty.adopted.year),
                     _years(treaty.adopted, eif) if eif else "—", *cells, str(parties[-1])])
        curves.append((treaty.short_name, [(d - treaty.adopted).days / _YEAR for d in days],
                       parties))
    if draw:
        _chart(out, curves)
    head = ["treaty", "adopted", "years to entry into force",
            *(f"years to {n} parties" for n in MILESTONES), f"parties on {_long(CUT)}"]
    table = "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
                       *("| " + " | ".join(r) + " |" for r in rows)])
    return f"""\
**As of {_long(CUT)}**: the status tables the UN Treaty Collection published
between {_long(CUT)} and {_long(LATEST_SCRAPE)} (the earliest of those days,
so that every treaty is counted to the same day), read with each treaty's own
final clauses. Parties are States of the bundled universe of States bound by
the treaty (in force for them or not), each instrument dated as the table
dates it; a party that became one by succession counts from the date the
table gives it. The tables leave some predecessor States' instruments in
footnotes (Czechoslovakia, the German Democratic Republic, Yugoslavia, …)
and list their successors with later dates, so the early counts of the
oldest treaties are low by those few; their entry into force is the date the
UN states (see "The dates the UN states, and the dates the tables give", below).

{table}

```{{figure}} /_generated/compare_pace.svg
:alt: {_ALT}

Parties against years since adoption, each treaty from its adoption to
{_long(CUT)}; the Migrant Workers Convention in black.
```
"""


def _chart(out: Path, curves: list[tuple[str, list[float], list[int]]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "migrant_convention"
    matplotlib.rcParams["svg.fonttype"] = "none"
    fig, ax = plt.subplots(figsize=(9.5, 5.5))
    # Eight distinct colours for the others (Okabe-Ito, safe for colour
    # blindness, with black kept for the Convention).
    palette = iter(["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
                    "#CC79A7", "#999999"])
    for name, years, parties in curves:
        thick = name == "ICRMW"
        ax.step(years, parties, where="post", label=name, linewidth=3.2 if thick else 1.6,
                color="black" if thick else next(palette), zorder=3 if thick else 2)
    ax.set_xlabel("years since adoption")
    ax.set_ylabel("parties")
    ax.set_xlim(left=0)
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.tight_layout()
    fig.savefig(out / "compare_pace.svg", metadata={"Date": None})
    plt.close(fig)


# -- the campaign's instruments, for the numbers page ------------------------------

_ALT_ILO = ("Step chart of the parties of the Migrant Workers Convention and of the ILO's "
            "C097, C143 and C189 at the end of each year, each to its data's as-of date; "
            "C097's undecidable counts drawn as a shaded band.")
#: The day the campaign ended, and the years of the chart.
CAMPAIGN_END = date(2015, 12, 18)
_SHORT = {None: "?", mc.Status.NO_ACTION: "–", mc.Status.SIGNATORY: "signed",
          mc.Status.PARTY: "party", mc.Status.PARTY_IN_FORCE: "in force",
          mc.Status.FORMER_PARTY: "former"}
_PARTY = {mc.Status.PARTY, mc.Status.PARTY_IN_FORCE}


def _year_spans(years: list[int]) -> str:
    """1950, 1951, 1952, 1960 → ``1950–1952 and 1960``."""
    spans: list[list[int]] = []
    for y in years:
        if spans and y == spans[-1][-1] + 1:
            spans[-1].append(y)
        else:
            spans.append([y])
    parts = [f"{s[0]}–{s[-1]}" if len(s) > 1 else str(s[0]) for s in spans]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def _state_table(table: object, names: dict[str, str]) -> tuple[str, int, str]:
    """The State × instrument table (Markdown) of the States that have acted
    under at least one instrument or have an undecidable cell, how many rows
    it has, and a note on the cells that are undecidable."""
    from migrant_convention.campaigns.instruments import SideBySide

    assert isinstance(table, SideBySide)
    ids = table.instruments
    shown = [r for r in table.rows
             if any(s is None or s is not mc.Status.NO_ACTION for s in r.statuses)]
    shown.sort(key=lambda r: short_name(r.name).casefold())
    head = ["State", "code", *(names[i] for i in ids)]
    lines = ["| " + " | ".join(head) + " |", "|---|---|" + ":-:|" * len(ids)]
    lines += [f"| {short_name(r.name)} | {r.code} | "
              + " | ".join(_SHORT[s] for s in r.statuses) + " |" for r in shown]
    notes = []
    for i in ids:
        unknown = [r.code for r in table.rows if r.statuses[ids.index(i)] is None]
        if unknown:
            dated = sorted({a.split(" dated ")[1] for a in table.depends_on[i]})
            notes.append(f"{names[i]}: {', '.join(unknown)}, whose registrations are dated "
                         f"only {' or '.join(dated)}")
    return "\n".join(lines), len(shown), "; ".join(notes)


def instruments_section(out: Path, *, draw: bool = True) -> str:
    """The numbers page's section on the campaign's four instruments: their
    counts side by side at the campaign's end and on each dataset's "as of"
    date, each State's status under each at the campaign's end, and (with
    *draw*) a chart of their parties over time."""
    from migrant_convention.campaigns.instruments import CAMPAIGN_INSTRUMENTS, side_by_side

    states = mc.data.states()
    records = {i: mc.data.record(i) for i in CAMPAIGN_INSTRUMENTS}
    names = {i: r.treaty.short_name or i for i, r in records.items()}
    table = side_by_side(records, states, CAMPAIGN_END)
    rows = []
    for i, r in records.items():
        c = table.counts[i]
        end = (f"{c.parties} ({c.in_force} in force)" if c is not None
               else "undecidable (undated registrations)")
        assert r.as_of is not None
        at = mc.counts(r, states, r.as_of, resolve="earliest")
        # The parties on that day are decided (the four undated C097
        # registrations are on or before it), except C189's: said below.
        low = mc.counts(r, states, r.as_of, resolve="latest").parties
        assert at.parties == low or i == "C189"
        rows.append([f"{names[i]} ({r.treaty.title})",
                     str(mc.entry_into_force(r)), end,
                     f"{at.parties} on {_long(r.as_of)}"])
    # C189's as-of day falls in the year of Spain's registration (2023, the
    # year only): its figure there is the earliest reading, said below.
    c189 = records["C189"]
    assert c189.as_of is not None
    c189_low = mc.counts(c189, states, c189.as_of, resolve="latest").parties
    head = ["instrument", "in force", f"parties on {_long(CAMPAIGN_END)}", "parties, as of"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
             *("| " + " | ".join(row) + " |" for row in rows)]
    by_state, n_shown, unknown = _state_table(table, names)
    n_all, n_none = len(table.party_to_all), len(table.party_to_none)
    undecided_rows = sum(None in r.statuses for r in table.rows)
    signed_only = sum(mc.Status.SIGNATORY in table.row(c).statuses for c in table.party_to_none)
    chart = _instruments_chart(out, records, states, draw=draw)
    return f"""

## The campaign's instruments side by side

The Step It Up campaign promoted the Migrant Workers Convention together with
the ILO's migrant-worker conventions: C097 (1949), C143 (1975) and C189
(2011). Their records are bundled ([the ILO records](../reference/data/ilo.md)),
each with its own "as of" date, and
{{func}}`~migrant_convention.campaigns.instruments.side_by_side` (or the
command `instruments`, see [the command line](../reference/cli.md)) gives
each State's status under each. ILO conventions are open to the Members of the
ILO, which are not quite the bundled universe of States; the counts here are
over that universe, and for an ILO convention "no action" means a State of it
that has registered no ratification, whether or not it is an ILO Member.

{chr(10).join(lines)}

C189's figure on its "as of" day is the earliest reading: Spain's registration
is known only to the year (2023), so on 3 April 2023 the count is
{c189_low} or {c189_low + 1}.

### State by State, on {_long(CAMPAIGN_END)}

On the campaign's last day, {n_all} State{"s" if n_all != 1 else ""}
({", ".join(table.party_to_all) or "none"}) {"were" if n_all != 1 else "was"} party
to all four, and {n_none} States were party to none of them ({signed_only} of
these had signed the Convention and no more). The table shows
the {n_shown} States that had acted under one at least, or whose status
under one is undecidable (`?`, {undecided_rows} States); the other
{len(table.rows) - n_shown} of the {len(table.rows)} States had taken no action under any.
"In force": party, and the convention is in force for it; "party": bound, not
yet in force for it; "signed": signed, not (yet) bound (the ILO's conventions
are not signed); "–": no action.

A `?` is a status the data cannot decide, and the library does not guess:
{unknown}, so whether these had ratified by {_long(CAMPAIGN_END)} is not
known. A State with a `?` is counted in neither list above unless its other
cells settle it, and C097's counts that day are undecidable.
`side_by_side(..., resolve="earliest")` (or `instruments --resolve earliest`)
reads such dates at their earliest possible day, `"latest"` at their latest.

:::{{container}} nowrap
{by_state}
:::

### Over time

```{{figure}} instruments_over_time.svg
:alt: {_ALT_ILO}
:width: 100%

Parties at the end of each year, and on each record's "as of" day (its last
point). Every point is the library's strict answer, {chart}
```
"""


def _instruments_chart(out: Path, records: dict[str, mc.TreatyRecord],
                       states: mc.Universe, *, draw: bool = True) -> str:
    """Draw the chart (with *draw*) and return the end of its caption: which
    points are not decidable, and how they are drawn."""
    series = {}
    open_years: dict[str, list[int]] = {}
    open_last: dict[str, date] = {}
    for i, r in records.items():
        assert r.as_of is not None
        years = list(range(r.treaty.adopted.year, r.as_of.year + 1))
        days = [date(y, 12, 31) for y in years[:-1]] + [r.as_of]
        low, high = [], []
        for y, day in zip(years, days, strict=True):
            try:
                c = mc.counts(r, states, day)
                low.append(c.parties)
                high.append(c.parties)
            except mc.UndecidableError:
                # Undecidable under the strict policy: the range of possible
                # counts, from every imprecise date at its latest to every one
                # at its earliest (no denunciation in these records, so the
                # count only grows with each date).
                lo = mc.counts(r, states, day, resolve="latest").parties
                hi = mc.counts(r, states, day, resolve="earliest").parties
                low.append(lo)
                high.append(hi)
                if lo != hi and day == r.as_of:
                    open_last[i] = day
                elif lo != hi:
                    open_years.setdefault(i, []).append(y)
        series[i] = (years, low, high)
    if draw:
        _draw_instruments(out, records, series)
    if not open_years and not open_last:
        return "decided."
    told = "; ".join(
        f"{records[i].treaty.short_name} "
        + " and ".join(([f"at the end of {_year_spans(open_years[i])}"] if i in open_years
                        else []) + ([f"on {_long(open_last[i])}"] if i in open_last else []))
        for i in records if i in open_years or i in open_last)
    return (f"except where it is undecidable: {told}. There the shaded band is the range "
            "of possible counts (every imprecise date read at its latest, "
            "`resolve=\"latest\"`, to every one at its earliest, `resolve=\"earliest\"`) "
            "and the line is drawn at the earliest.")


def _draw_instruments(out: Path, records: dict[str, mc.TreatyRecord],
                      series: dict[str, tuple[list[int], list[int], list[int]]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "migrant_convention"
    matplotlib.rcParams["svg.fonttype"] = "none"
    fig, ax = plt.subplots(figsize=(9, 5))
    colours = iter(["black", "#E69F00", "#0072B2", "#CC79A7"])
    for i, r in records.items():
        years, low, high = series[i]
        colour = next(colours)
        ax.step(years, high, where="post", label=r.treaty.short_name,
                linewidth=3 if i == "IV-13" else 1.8, color=colour)
        if low != high:
            ax.fill_between(years, low, high, step="post", color=colour, alpha=0.3,
                            linewidth=0)
    ax.set_xlabel("year")
    ax.set_ylabel("parties at the end of the year")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", frameon=False)
    fig.tight_layout()
    fig.savefig(out / "instruments_over_time.svg", metadata={"Date": None})
    plt.close(fig)

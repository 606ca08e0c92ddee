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
UN states (see {{doc}}`/explanation/ilo`, "The stated entry into force").

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

_ALT_ILO = ("Parties of the Migrant Workers Convention and of the ILO's C097, C143 and "
            "C189 at the end of each year.")
#: The day the campaign ended, and the years of the chart.
CAMPAIGN_END = date(2015, 12, 18)


def instruments_section(out: Path, *, draw: bool = True) -> str:
    """The numbers page's section on the campaign's four instruments: their
    counts side by side at the campaign's end and on each dataset's "as of"
    date, and (with *draw*) a chart of their parties over time."""
    from migrant_convention.campaigns.instruments import CAMPAIGN_INSTRUMENTS, side_by_side

    states = mc.data.states()
    records = {i: mc.data.record(i) for i in CAMPAIGN_INSTRUMENTS}
    names = {i: r.treaty.short_name for i, r in records.items()}
    table = side_by_side(records, states, CAMPAIGN_END)
    rows = []
    for i, r in records.items():
        c = table.counts[i]
        end = (f"{c.parties} ({c.in_force} in force)" if c is not None
               else "undecidable (undated registrations)")
        assert r.as_of is not None
        at = mc.counts(r, states, r.as_of, resolve="earliest")
        rows.append([f"{names[i]} ({r.treaty.title})",
                     str(mc.entry_into_force(r)), end,
                     f"{at.parties} on {_long(r.as_of)}"])
    head = ["instrument", "in force", f"parties on {_long(CAMPAIGN_END)}", "parties, as of"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
             *("| " + " | ".join(row) + " |" for row in rows)]
    if draw:
        _instruments_chart(out, records, states)
    return f"""

## The campaign's instruments side by side

The Step It Up campaign promoted the Migrant Workers Convention together with
the ILO's migrant-worker conventions: C097 (1949), C143 (1975) and C189
(2011). Their records are bundled ([the ILO records](../reference/data/ilo.md)),
each with its own "as of" date, and `migrant_convention.side_by_side` (or the
command `instruments`) gives each State's status under each. ILO
conventions are open to the Members of the ILO; the counts here are over the
bundled universe of States.

{chr(10).join(lines)}

On the campaign's last day, {len(table.party_to_all)} State(s)
({", ".join(table.party_to_all) or "none"}) were party to all four, and
{len(table.party_to_none)} States to none of them, among the States whose
status under each is known that day. C097's counts before 26 October 2024
are undecidable: four of its registrations are dated only "on or before 26
October 2023".

```{{figure}} instruments_over_time.svg
:alt: {_ALT_ILO}

Parties at the end of each year. Registrations known only to the year (many
of C143's and C097's), or not dated at all (four of C097's), are drawn at
their earliest possible day: the curves of C097 and C143 are upper bounds
where those dates leave the count open.
```
"""


def _instruments_chart(out: Path, records: dict[str, mc.TreatyRecord],
                       states: mc.Universe) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "migrant_convention"
    matplotlib.rcParams["svg.fonttype"] = "none"
    fig, ax = plt.subplots(figsize=(9, 5))
    colours = iter(["black", "#E69F00", "#0072B2", "#CC79A7"])
    for i, r in records.items():
        assert r.as_of is not None
        years = list(range(r.treaty.adopted.year, r.as_of.year + 1))
        days = [date(y, 12, 31) for y in years[:-1]] + [r.as_of]
        counts = mc.count_series(r, states, days, resolve="earliest")
        ax.step(years, [c.parties for c in counts], where="post", label=r.treaty.short_name,
                linewidth=3 if i == "IV-13" else 1.8, color=next(colours))
    ax.set_xlabel("year")
    ax.set_ylabel("parties at the end of the year")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", frameon=False)
    fig.tight_layout()
    fig.savefig(out / "instruments_over_time.svg", metadata={"Date": None})
    plt.close(fig)

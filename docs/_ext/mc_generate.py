"""Sphinx extension: pages generated at build time from the library itself.

On ``builder-inited`` (before Sphinx looks for source files) it writes into
``docs/_generated/``:

* ``numbers.md`` and its charts (SVG, drawn with matplotlib's Agg backend):
  ratification by numbers on key dates and on the data's "as of" date, parties
  and signatories over time (alone, and among all States), new parties per
  year, and tables of parties and signatories with their dates;
* ``api_compat.md``: the module paths of 0.1 and the modules they now give,
  for the API page;
* ``cli_<command>.txt``: the ``--help`` text of each command, for the CLI
  reference;
* ``data_<name>.md``: facts about each bundled dataset (size, "as of" date,
  sources) and its change history, taken from ``CHANGELOG.md``.

Nothing here reads the clock: every date comes from the data, so two builds
of one commit give the same pages.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import migrant_convention as mc
from migrant_convention import data
from migrant_convention.places.names import short_name

ADOPTION = date(1990, 12, 18)
CAMPAIGN = (date(2014, 12, 18), date(2015, 12, 18))  # Step It Up, launch and end


def _write(path: Path, text: str) -> None:
    """Write only when the text changed, so Sphinx's incremental build stays quiet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _long(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


# -- charts -------------------------------------------------------------------
def _daily(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _chart_facts(as_of: date) -> dict[str, Any]:
    """What the charts show, as numbers (no drawing): the daily counts read
    both ways, the undecidable days, and new parties per year."""
    record, states = data.icrmw(), data.states()
    days = _daily(ADOPTION, as_of)
    early = mc.count_series(record, states, days, resolve="earliest")
    late = mc.count_series(record, states, days, resolve="latest")
    undecidable = [d for d, a, b in zip(days, early, late, strict=True) if a != b]
    # New parties per year: the change in the number of parties between year
    # ends (no State has denounced the Convention, so this is new parties).
    years = list(range(ADOPTION.year, as_of.year + 1))
    ends = [date(y, 12, 31) if date(y, 12, 31) <= as_of else as_of for y in years]
    at_end = mc.count_series(record, states, [date(ADOPTION.year - 1, 12, 31), *ends])
    new = [b.parties - a.parties for a, b in itertools.pairwise(at_end)]
    return {"days": days, "early": early, "undecidable": undecidable,
            "years": years, "new": dict(zip(years, new, strict=True)),
            "entry_into_force": mc.entry_into_force(record)}


def _charts(out: Path, as_of: date, facts: dict[str, Any]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    # Make SVGs byte-identical between builds of the same data.
    matplotlib.rcParams["svg.hashsalt"] = "migrant_convention"
    matplotlib.rcParams["svg.fonttype"] = "none"
    # Figures are drawn about as wide as the content column (8 in = 768 px at
    # 96 px/in) so that 12 pt text reads at about the size of the page's text.
    matplotlib.rcParams["font.size"] = 12
    matplotlib.rcParams["legend.fontsize"] = 12

    days, early, eif = facts["days"], facts["early"], facts["entry_into_force"]
    colours = {"parties": "#1b7837", "signatories": "#e08214", "no_action": "#bababa",
               "campaign": "#2166ac"}

    def frame(ax: Any, top: int) -> None:
        """What the two charts over time share: the campaign's band, the line
        of entry into force (labelled near the top), the axes."""
        ax.axvspan(CAMPAIGN[0], CAMPAIGN[1], color=colours["campaign"], alpha=0.18,
                   linewidth=0, label="Step It Up campaign")
        ax.axvline(eif, color="black", linewidth=1, linestyle="--")
        ax.annotate(f"entry into force\n{_long(eif)}", xy=(eif, top * 0.97),
                    xytext=(-6, 0), textcoords="offset points", ha="right", va="top",
                    bbox={"boxstyle": "round,pad=0.25", "facecolor": "white",
                          "edgecolor": "none", "alpha": 0.85})
        ax.set_xlim(ADOPTION, as_of)
        ax.set_ylim(0, top)
        ax.set_ylabel("States")
        ax.xaxis.set_major_locator(mdates.YearLocator(5))  # type: ignore[no-untyped-call]
        ax.xaxis.set_minor_locator(mdates.YearLocator(1))  # type: ignore[no-untyped-call]
        ax.grid(axis="y", alpha=0.3)

    # Where the two resolutions differ the day is undecidable; the earliest
    # resolution is drawn and the days are named in the caption.
    fig, ax = plt.subplots(figsize=(8, 4.8), layout="constrained")
    ax.stackplot(
        days,
        [c.parties for c in early],
        [c.signatories for c in early],
        [c.no_action for c in early],
        labels=["States parties", "Signatories (not yet bound)", "No action"],
        colors=[colours["parties"], colours["signatories"], colours["no_action"]],
        step="post",
        linewidth=0,
    )
    frame(ax, 200)
    ax.set_title(f"All States, {ADOPTION.year} to {_long(as_of)}")
    fig.legend(loc="outside lower center", ncols=2, frameon=False)
    fig.savefig(out / "numbers_over_time.svg", metadata={"Date": None})
    plt.close(fig)

    # The same story without the States that took no action.
    parties = [c.parties for c in early]
    signatories = [c.signatories for c in early]
    top = (max(parties) // 10 + 2) * 10
    fig, ax = plt.subplots(figsize=(8, 4.4), layout="constrained")
    ax.step(days, parties, where="post", color=colours["parties"], linewidth=2.2,
            label="States parties")
    ax.step(days, signatories, where="post", color=colours["signatories"], linewidth=2.2,
            label="Signatories (not yet bound)")
    frame(ax, top)
    for values, colour in ((parties, colours["parties"]),
                           (signatories, colours["signatories"])):
        ax.annotate(str(values[-1]), xy=(days[-1], values[-1]), xytext=(4, 0),
                    textcoords="offset points", va="center", color=colour,
                    fontweight="bold", annotation_clip=False)
    ax.set_title(f"States parties and signatories, {ADOPTION.year} to {_long(as_of)}")
    fig.legend(loc="outside lower center", ncols=3, frameon=False)
    fig.savefig(out / "parties_and_signatories.svg", metadata={"Date": None})
    plt.close(fig)

    years = facts["years"]
    new = [facts["new"][y] for y in years]
    fig, ax = plt.subplots(figsize=(8, 3.4), layout="constrained")
    in_campaign = {CAMPAIGN[0].year, CAMPAIGN[1].year}
    ax.bar(years, new, color=[colours["campaign"] if y in in_campaign else colours["parties"]
                              for y in years])
    for y, n in zip(years, new, strict=True):
        if n:
            ax.annotate(str(n), (y, n), ha="center", va="bottom", fontsize=10,
                        xytext=(0, 1), textcoords="offset points")
    ax.set_ylabel("new States parties")
    ax.set_title("New States parties per year (campaign years in blue)")
    ax.set_xticks(years[::5])
    ax.set_ylim(0, max(new) + 1.5)
    ax.grid(axis="y", alpha=0.3)
    fig.savefig(out / "new_parties_per_year.svg", metadata={"Date": None})
    plt.close(fig)


# -- the numbers page -----------------------------------------------------------
def _counts_table(rows: list[tuple[str, date]]) -> str:
    record, states = data.icrmw(), data.states()
    lines = [
        "| date | occasion | States parties | signatories | no action | States |",
        "|---|---|--:|--:|--:|--:|",
    ]
    for label, day in rows:
        c = mc.counts(record, states, day)
        lines.append(f"| {day.isoformat()} | {label} | {c.parties} | {c.signatories} | "
                     f"{c.no_action} | {c.states} |")
    return "\n".join(lines)


def regional_table(on: date) -> str:
    """Ratification by numbers on *on* by UN regional group, from
    :func:`~migrant_convention.places.groupings.breakdown`: a table with a total
    row, then the parties of each group, named."""
    record, states = data.icrmw(), data.states()
    b = mc.breakdown(record, states, on, "group")
    lines = [
        "| UN regional group | States parties | signatories | no action | States |",
        "|---|--:|--:|--:|--:|",
    ]
    named = []
    for row in b.rows:
        if row.group == mc.groupings.UNASSIGNED and not row.counts.states:
            continue  # no former State in the universe on this day
        c = row.counts
        lines.append(f"| {row.group} | {c.parties} | {c.signatories} | {c.no_action} | "
                     f"{c.states} |")
        parties = b.codes(row.group, mc.Status.PARTY, mc.Status.PARTY_IN_FORCE)
        if parties:
            named.append(f"- **{row.group}** ({len(parties)}): "
                         + ", ".join(sorted(_name(code) for code in parties)) + ".")
    t = b.totals
    lines.append(f"| **total** | **{t.parties}** | **{t.signatories}** | **{t.no_action}** | "
                 f"**{t.states}** |")
    return "\n".join(lines) + "\n:::\n\nThe parties of each group:\n\n" + "\n".join(named)


def _name(code: str) -> str:
    """The name the UN lists the participant under now (the universe's names
    carry historical annotations, fine for a period but long in a table)."""
    p = data.icrmw().participant(code)
    return p.name if p is not None else data.states().name(code)


def md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table; every row must have a cell for each column of *head*."""
    for row in rows:
        if len(row) != len(head):
            raise ValueError(f"row {row!r} has {len(row)} cells for {len(head)} columns")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _range(days: list[date]) -> str:
    if not days:
        return ""
    return f"{days[0].isoformat()} to {days[-1].isoformat()}"


def build_day() -> date:
    """The day the site is built: ``SOURCE_DATE_EPOCH`` (reproducible builds)
    if set, else the clock.  Only the "today" row of the numbers page uses it;
    the library itself never reads the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return date.fromtimestamp(int(epoch))
    return date.today()


def numbers_page(out: Path, *, draw: bool = True, today: date | None = None) -> str:
    """The Markdown of the numbers page; with *draw*, also its charts in *out*
    (matplotlib needed only then).  *today* is the build day (default
    :func:`build_day`)."""
    today = today or build_day()
    record, states = data.icrmw(), data.states()
    as_of = record.as_of
    assert as_of is not None, "the bundled record has an 'as of' date"
    general_eif = mc.entry_into_force(record)
    assert general_eif is not None, "the Convention is in force"
    charts = _chart_facts(as_of)
    if draw:
        _charts(out, as_of, charts)
    table = _counts_table([
        ("adopted (GA res. 45/158)", ADOPTION),
        ("entered into force (art. 87(1))", general_eif),
        ("Step It Up launched", CAMPAIGN[0]),
        ("Step It Up ended", CAMPAIGN[1]),
        ("the data's \u201cas of\u201d date", as_of),
        ("today, the day this page was built", today),
    ])
    c_end = mc.counts(record, states, as_of)

    parties = []
    for code in mc.participants_with_status(record, states, as_of,
                                            mc.Status.PARTY, mc.Status.PARTY_IN_FORCE):
        acts = mc.timeline(record, states, code)
        signed = next((a for a in acts if a.kind.is_signature), None)
        consent = next(a for a in acts if a.kind in record.treaty.rules.consent)
        eif = mc.entry_into_force_for(record, code)
        parties.append((str(consent.date), _name(code), code,
                        str(signed.date) if signed else "\u2014",
                        consent.kind.value.replace("_", " "), str(consent.date),
                        eif.isoformat() if eif else ""))
    parties.sort()
    signatories = []
    for code in mc.participants_with_status(record, states, as_of, mc.Status.SIGNATORY):
        acts = mc.timeline(record, states, code)
        sig = next(a for a in acts if a.kind.is_signature)
        # Who made it: the act's participant, or the State of its lineage then
        # (Serbia's signature of 2004 was made by Serbia and Montenegro).
        try:
            by = states.holder(sig.participant, sig.date.latest)
        except mc.NotInUniverseError:
            by = sig.participant
        how = ("" if by == code
               else f" (by {short_name(states.name(by, sig.date.latest))})")
        kind = sig.kind.value.replace("_", " ") + how
        signatories.append((str(sig.date), _name(code), code, str(sig.date), kind))
    signatories.sort()

    # The first element of each tuple is its sort key; the row numbers replace it.
    party_rows = [(str(i), *r[1:]) for i, r in enumerate(parties, 1)]
    sig_rows = [(str(i), *r[1:]) for i, r in enumerate(signatories, 1)]
    # Art. 87(1): the States whose instruments were deposited before the
    # Convention entered into force (the twentieth and any deposited after it,
    # until that day) are bound from that day, not three months after deposit.
    first_in_force = sum(1 for r in party_rows if r[-1] == general_eif.isoformat())
    undecidable = charts["undecidable"]
    undecidable_note = (
        f"From {_range(undecidable)} the counts are undecidable (an act is dated only to "
        "the month); the charts draw the earliest reading there." if undecidable else ""
    )
    alt = ("Stacked area chart of States parties, signatories and States taking no action, "
           f"from 18 December 1990 to {_long(as_of)}, with the Step It Up campaign window "
           "shaded.")
    alt_story = ("Line chart of the number of States parties and of signatories not yet "
                 f"bound, from 18 December 1990 to {_long(as_of)}, with the Step It Up "
                 "campaign window shaded.")
    busiest = max(charts["new"].items(), key=lambda kv: (kv[1], -kv[0]))
    return f"""\
# Ratification by numbers

```{{note}}
This page is generated when the documentation is built, by the library itself
(`docs/_ext/mc_generate.py` calls {{func}}`~migrant_convention.core.status.counts`,
{{func}}`~migrant_convention.core.status.count_series` and friends on the bundled
data). The latest figures are those of the data's **\u201cas of\u201d date,
{_long(as_of)}**: acts after that date are not in the data, so the row for
today ({today.isoformat()}, the day the page was built) can only repeat them
until the data are updated.
```

On {_long(as_of)} the Migrant Workers Convention had **{c_end.parties} States
parties** and **{c_end.signatories} signatories** that had not yet ratified;
**{c_end.no_action} of {c_end.states} States** had taken no action.

## On key dates

:::{{container}} nowrap
{table}
:::

"Signatories" are States that have signed but are not (yet) bound; the UN
Treaty Collection's own "Signatories" figure also counts signatories that have
since ratified ({c_end.signatories_total} on {as_of.isoformat()}). "States" is
the size of the universe of States on that day (see
[the universe of States](../explanation/universe.md)). The figures of
18 December 2014 are those the Step It Up campaign published on its launch.

## By UN regional group, on the campaign's launch

:::{{container}} nowrap
{regional_table(CAMPAIGN[0])}

The same figures of {_long(CAMPAIGN[0])}, split by
{{func}}`~migrant_convention.places.groupings.breakdown` over the UN regional groups;
the rows add up to the total. Read it with the caveats of
[breaking counts down by group](../howto/breakdown.md): the groups are
those the UN lists **today**, applied to a past date; Türkiye, listed in both
Asia-Pacific and the Western European and Others Group, is counted once, in
the latter, where it counts for elections; the Holy See, the State of
Palestine, the Cook Islands and Niue belong to no group.

## Over time

```{{figure}} parties_and_signatories.svg
:alt: {alt_story}
:width: 100%

States parties and signatories that have not (yet) ratified, day by day from
the Convention's adoption to {_long(as_of)}: {c_end.parties} parties and
{c_end.signatories} signatories at the end. A signatory that ratifies moves
from one line to the other. The shaded band is the Step It Up campaign
(18 December 2014 to 18 December 2015).
{undecidable_note}
```

```{{figure}} numbers_over_time.svg
:alt: {alt}
:width: 100%

The same among all States: parties, signatories and States taking no action,
day by day from the Convention's adoption to {_long(as_of)}. The height of the
stack is the number of States in the universe on each day. The shaded band is
the Step It Up campaign (18 December 2014 to 18 December 2015).
```

```{{figure}} new_parties_per_year.svg
:alt: Bar chart of new States parties per year, {ADOPTION.year} to {as_of.year}.
:width: 100%

New States parties per year (ratifications and accessions deposited). The most
in one year: {busiest[1]}, in {busiest[0]}.
```

## States parties on {_long(as_of)}

In order of their consent to be bound. "In force" is the day the Convention
entered into force for the State: for the {first_in_force} States that had
deposited their instrument before the Convention itself entered into force,
that day, {_long(general_eif)} (art. 87(1): the first day of the month after
three months from the twentieth instrument); for each later State, the first
day of the month after three months from its deposit (art. 87(2)). A date
written `2024-11` is known to the month only; a `?` marks a day given by one
source only.

:::{{container}} nowrap parties
{md_table(["#", "State", "code", "signed", "consent", "deposited", "in force"],
          party_rows)}
:::

## Signatories on {_long(as_of)}

States that have signed and not ratified, in order of signature; the act
by which each became a signatory.

:::{{container}} nowrap
{md_table(["#", "State", "code", "signed", "act"], sig_rows)}
:::
"""


# -- CLI help -------------------------------------------------------------------
def cli_help(out: Path) -> None:
    from migrant_convention.cli import build_parser

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"  # argparse wraps to the terminal; fix the width
    try:
        parser = build_parser()
        _write(out / "cli_main.txt", parser.format_help())
        sub = next(a for a in parser._actions if a.dest == "command")
        for name, p in sub.choices.items():  # type: ignore[union-attr]
            _write(out / f"cli_{name}.txt", p.format_help())
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


# -- dataset facts ------------------------------------------------------------------
def _changelog_entries(changelog: str, file: str) -> list[tuple[str, str]]:
    """``(release, entry)`` for each bullet of a ``### Data`` section naming *file*."""
    out: list[tuple[str, str]] = []
    release, section, bullet = "", "", ""

    def flush() -> None:
        nonlocal bullet
        if bullet and section == "Data" and file in bullet:
            out.append((release, " ".join(bullet.split())))
        bullet = ""

    for line in changelog.splitlines():
        if line.startswith("## "):
            flush()
            release, section = line[3:].strip(), ""
        elif line.startswith("### "):
            flush()
            section = line[4:].strip()
        elif line.startswith("- "):
            flush()
            bullet = line[2:]
        elif line.startswith("  ") and bullet:
            bullet += " " + line.strip()
        else:
            flush()
    flush()
    return out


def _datasets() -> dict[str, tuple[data.Dataset, str]]:
    """Every bundled dataset, with the function that loads it."""
    from migrant_convention.data import campaign_events as event_data
    from migrant_convention.places import regions

    out = {name: (meta, f'migrant_convention.data.record("{name[4:].upper()}")'
                  if name.startswith("ilo_") else f"migrant_convention.data.{name}()")
           for name, meta in data.DATASETS.items()}
    out["campaign_events"] = (event_data.DATASET,
                              "migrant_convention.data.campaign_events.events()")
    out["m49"] = (regions.REGIONAL_DATASETS["m49"], "migrant_convention.places.regions.m49_areas()")
    out["un_regional_groups"] = (regions.REGIONAL_DATASETS["un_regional_groups"],
                                 "migrant_convention.places.regions.un_regional_groups()")
    return out


def _events_facts() -> tuple[str, str]:
    from migrant_convention.data import campaign_events as event_data

    events = event_data.events()
    kinds = Counter(e.kind.value for e in events)
    size = (f"{len(events)} events, "
            + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(kinds.items())))
    recurring = [e for e in events if e.recurrence is not None]
    inexact = [e for e in events if not e.start.is_exact or e.start.uncertain
               or (e.end is not None and (not e.end.is_exact or e.end.uncertain))]
    step = event_data.step_it_up()
    extra = (
        "Recurring observances: "
        + "; ".join(f"{e.title} ({e.recurrence.describe()} since {e.start})"
                    for e in recurring if e.recurrence is not None)
        + f". The campaign *{step.name}* ({step.start.isoformat()} to {step.end.isoformat()}) "
        f"is built from {len(step.events)} of these rows (`event_data.step_it_up()`).\n\n"
        f"Events whose date is not known to the day ({len(inexact)}), shown as written: "
        + "; ".join(f"{e.title} `{e.when}`" for e in inexact) + "."
    )
    return size, extra


def _m49_facts() -> tuple[str, str]:
    from migrant_convention.places import regions

    areas = regions.m49_areas()
    states = data.states()
    in_universe = [a for a in areas if a.iso3 in states]
    regions_n = Counter(a.region or "(no region)" for a in areas)
    size = (f"{len(areas)} countries and areas, of which {len(in_universe)} States of the "
            f"universe; {sum(a.ldc for a in areas)} LDCs, {sum(a.lldc for a in areas)} LLDCs, "
            f"{sum(a.sids for a in areas)} SIDS")
    extra = ("Areas by region: " + ", ".join(f"{r} {n}" for r, n in sorted(regions_n.items()))
             + ". States of the universe that M49 does not place: "
             + (", ".join(f"{short_name(states.name(c))} (`{c}`)" for c in sorted(
                 c for c in states.codes if c not in {a.iso3 for a in areas})) or "none")
             + " (former States, counted as unassigned on the dates they exist).")
    return size, extra


def _groups_facts() -> tuple[str, str]:
    from migrant_convention.places import regions

    rows = regions.un_regional_groups()
    groups = Counter(r.group for r in rows)
    size = f"{len(rows)} States: " + ", ".join(
        f"{g} {groups[g]}" for g in regions.UN_GROUPS if groups[g])
    notes = [f"{r.name} (`{r.iso3}`): {r.note.rstrip('.')}." for r in rows if r.note]
    extra = "Special cases, from the file's `note` column:\n\n" + "\n".join(
        f"- {n}" for n in notes)
    return size, extra


def dataset_page(name: str, changelog: str) -> str:
    meta, loader = _datasets()[name]
    if name == "campaign_events":
        size, extra = _events_facts()
    elif name == "m49":
        size, extra = _m49_facts()
    elif name == "un_regional_groups":
        size, extra = _groups_facts()
    elif name.startswith("ilo_"):
        record = data.record(name[4:])
        stated = record.treaty.stated_entry_into_force
        partial = Counter(a.date.precision.value for a in record.acts)
        size = (f"{len(record.acts)} registered ratifications; dates known "
                + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(partial.items())))
        excluding = [a for a in record.acts if a.excludes]
        extra = (f"Stated entry into force: {stated.day if stated else 'none'}"
                 + (f" ({'; '.join(stated.sources)})" if stated else "") + ". "
                 + ("Exclusions: " + "; ".join(f"{a.listed_as} ({', '.join(a.excludes)})"
                                               for a in excluding) + "."
                    if excluding else "No exclusion recorded."))
    elif name == "icrmw":
        record = data.icrmw()
        kinds = Counter(a.action for a in record.acts)
        size = (f"{len(record.acts)} acts by {len(record.codes)} States: "
                + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(kinds.items())))
        inexact = [a for a in record.acts if not a.date.is_exact or a.date.uncertain]
        extra = ("Acts whose date is not known to the day, or rests on one source: "
                 + "; ".join(f"{a.describe()} `{a.date}`" for a in inexact) + ".")
    else:
        universe = data.states()
        size = (f"{len(universe.periods)} membership periods of {len(universe.codes)} States "
                f"and former States")
        continuing = sorted({(p.code, p.continues) for p in universe.periods if p.continues})
        extra = ("Continuing States: "
                 + "; ".join(f"{universe.name(c)} (`{c}`) continues "
                             f"{universe.name(p)} (`{p}`)" for c, p in continuing) + ".")
    sources = "\n".join(f"- {s}" for s in meta.sources)
    history = "\n".join(f"- **{rel}**: {entry}"
                        for rel, entry in _changelog_entries(changelog, meta.file))
    return f"""\
| | |
|---|---|
| file | `migrant_convention/_data/{meta.file}` |
| loaded by | `{loader}` |
| what | {meta.title} |
| size | {size} |
| as of | {meta.as_of.isoformat()} |

{extra}

**Sources of the dataset as a whole** (each row also cites its own):

{sources}

**Change history** (from the [changelog](../../changelog.md)):

{history or "- (no data changes recorded)"}
"""


def untc_names_page(tables: Path, changelog: str) -> str:
    """Facts about ``untc_names.csv``: its size by kind, the participants
    known under several names, and whether every participant name of the
    UN Treaty Collection tables in *tables* (if present) is in it."""
    from migrant_convention.formats import untc
    from migrant_convention.places.names import participant_names

    names = participant_names()
    kinds = Counter(p.kind.value for p, _ in names.values())
    by_code: dict[str, list[str]] = {}
    for name, (p, _) in names.items():
        by_code.setdefault(p.code, []).append(name)
    several = sorted((sorted(ns) for ns in by_code.values() if len(ns) > 1),
                     key=lambda ns: ns[0].casefold())
    size = (f"{len(names)} names of {len(by_code)} participants: "
            + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(kinds.items())))
    files = sorted(tables.glob("*.csv")) if tables.is_dir() else []
    checked = ""
    if files:
        listed: set[str] = set()
        unknown: set[str] = set()
        for f in files:
            reading = untc.parse_table(f.read_text(encoding="utf-8"), f.name)
            listed.update(a.listed_as for a in reading.record.acts)
            unknown.update(p.location for p in reading.all_problems
                           if p.code == "unknown-participant")
        checked = (f"Checked when these pages were built: the {len(files)} status tables in "
                   f"`tests/data/untc-2015/treaties/` use {len(listed)} distinct participant "
                   f"names in rows with acts; {len(unknown)} of their cells or rows name a "
                   f"participant that is not in the table. {len(set(names) & listed)} of the "
                   f"{len(names)} names occur there; the others are names used before or "
                   "after those tables, or other spellings (each row's `sources` says "
                   "which).")
    extra = (checked + "\n\nParticipants known under more than one name "
             f"({len(several)}): " + "; ".join(" = ".join(ns) for ns in several) + ".")
    history = "\n".join(f"- **{rel}**: {entry}"
                        for rel, entry in _changelog_entries(changelog, untc.NAMES_FILE))
    as_of = ("names as the UN Treaty Collection's status tables wrote them in 2013–2015, "
             "with later names from `states_universe.csv`")
    return f"""\
| | |
|---|---|
| file | `migrant_convention/_data/{untc.NAMES_FILE}` |
| loaded by | `migrant_convention.formats.untc.participant_names()` |
| what | UN names of treaty participants, current and former, and their codes |
| size | {size} |
| as of | {as_of} |

{extra}

**Change history** (from the [changelog](../../changelog.md)):

{history or "- (no data changes recorded)"}
"""


# -- the API page ---------------------------------------------------------------
def compat_paths() -> list[tuple[str, str]]:
    """``(0.1 path, module it gives)`` for each alias in ``_compat/``, found by
    importing it (each alias replaces itself with the module now holding its
    names), so the list on the API page cannot drift from the code."""
    import importlib

    folder = Path(mc.__file__).resolve().parent / "_compat"
    out = []
    for file in sorted(folder.glob("*.py")):
        old = f"migrant_convention.{file.stem}"
        out.append((old, importlib.import_module(old).__name__))
    return out


def compat_list() -> str:
    """The 0.1 module paths as a Markdown list of ``old → new`` (short paths)."""
    def short(path: str) -> str:
        return path.removeprefix("migrant_convention.")

    return ", ".join(f"`{short(old)}` → `{short(new)}`" for old, new in compat_paths()) + "."


def generate(srcdir: Path) -> None:
    out = srcdir / "_generated"
    out.mkdir(exist_ok=True)
    from mc_compare import instruments_section

    _write(out / "numbers.md", numbers_page(out) + instruments_section(out))
    _write(out / "api_compat.md", compat_list() + "\n")
    cli_help(out)
    changelog = (srcdir.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    for name in _datasets():
        _write(out / f"data_{name}.md", dataset_page(name, changelog))
    from mc_compare import compare_page

    _write(out / "compare.md",
           compare_page(out, srcdir.parent / "tests" / "data" / "untc-2015" / "treaties"))
    _write(out / "data_untc_names.md",
           untc_names_page(srcdir.parent / "tests" / "data" / "untc-2015" / "treaties",
                           changelog))


# -- references to re-exported names ---------------------------------------------
def _home(path: str) -> str | None:
    """Where the object named by the dotted *path* is documented: the module
    that defines it (``migrant_convention.core.treaty.Rules``, a re-export, is
    ``migrant_convention.core.rules.Rules``; ``migrant_convention.counts`` is
    ``migrant_convention.core.status.counts``), or None if *path* names no
    class or function of this package."""
    import importlib
    import inspect

    parts = path.split(".")
    if parts[0] != "migrant_convention":
        return None
    obj: Any = None
    for i in range(len(parts), 0, -1):  # the longest prefix that is a module
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        break
    else:
        return None
    for j in range(i, len(parts)):
        try:
            obj = getattr(obj, parts[j])
        except AttributeError:
            return None
        if inspect.isclass(obj) or inspect.isfunction(obj):
            module = getattr(obj, "__module__", "")
            if not module.startswith("migrant_convention"):
                return None
            return ".".join([module, obj.__qualname__, *parts[j + 1:]])
    return None


def _resolve_reexport(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a Python reference that names an object by a path it is only
    re-exported under (the package's façade, a subpackage, an alias of 0.1, a
    module importing it) to the object's documentation in its home module."""
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"]
    candidates = [target]
    if node.get("py:module"):
        candidates.append(f"{node['py:module']}.{target}")
    candidates.append(f"migrant_convention.{target}")
    domain = env.get_domain("py")
    for path in candidates:
        home = _home(path)
        if home is None or home == path:
            continue
        found = domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], home,
                                    node, contnode)
        if found is not None:
            return found
    return None


def _on_builder_inited(app: Any) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        generate(Path(app.srcdir))


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _on_builder_inited)
    app.connect("missing-reference", _resolve_reexport)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}



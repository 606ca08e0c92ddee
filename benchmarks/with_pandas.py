"""The pandas baseline: the same questions, answered the way a data analyst would.

The analyst loads the acts and the universe into data frames (done once, not
timed, like reading the CSV files), resolves imprecise dates to their latest
possible day, and computes with vectorised operations: per lineage the first
signature, the first consent and the entry into force for it; per membership
period the intervals spent in each status; then +1/-1 events, a cumulative sum
and a forward-filled reindex onto the query dates.  Like the data, it does not
model denunciations or successions (in force for a successor without a delay).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from migrant_convention import ActKind, TreatyRecord, Universe

SIGN = [ActKind.SIGNATURE.value, ActKind.SUCCESSION_TO_SIGNATURE.value]
FAR = pd.Timestamp("2200-01-01")
COLUMNS = ["parties", "in_force", "signatories", "signatories_total", "former_parties",
           "no_action", "states"]


def frames(record: TreatyRecord, universe: Universe) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The record and the universe as the analyst's two data frames (not timed)."""
    if any(a.kind is ActKind.DENUNCIATION for a in record.acts):
        raise ValueError("the pandas baseline does not model denunciations")
    if any(a.kind is ActKind.SUCCESSION for a in record.acts):
        # A successor is in force without the delay (Rules.entry_into_force_for).
        raise ValueError("the pandas baseline does not model successions")
    floor = record.treaty.adopted
    acts = pd.DataFrame({
        "participant": [a.participant for a in record.acts],
        "kind": [a.kind.value for a in record.acts],
        "day": pd.to_datetime([a.date.bounded(floor)[1] for a in record.acts]),
    })
    # The analyst's hand-made lookup of continuing States (SRB <- SCG <- YUG).
    lineage = {p.code: "|".join(universe.lineage(p.code)) for p in universe.periods}
    acts["lineage"] = acts.participant.map(lineage).fillna(acts.participant)
    periods = pd.DataFrame({
        "code": [p.code for p in universe.periods],
        "start": pd.to_datetime([p.start for p in universe.periods]),
        "end": pd.to_datetime([p.end for p in universe.periods]),
    })
    periods["lineage"] = periods.code.map(lineage)
    return acts, periods


def lineages(acts: pd.DataFrame, record: TreatyRecord) -> pd.DataFrame:
    """First signature, first consent and entry into force, per lineage."""
    rule = record.treaty.rules.entry_into_force
    months = rule.delay.months  # the Convention: first of the month after 3 months
    consent = acts[acts.kind.isin([k.value for k in record.treaty.rules.consent])]
    deposits = consent.day.sort_values()
    general = (
        (deposits.iloc[rule.instruments - 1].to_period("M") + months + 1).to_timestamp()
        if len(deposits) >= rule.instruments else pd.NaT
    )
    out = pd.DataFrame({
        "signed": acts[acts.kind.isin(SIGN)].groupby("lineage").day.min(),
        "bound": consent.groupby("lineage").day.min(),
    })
    own = (out.bound.dt.to_period("M") + months + 1).dt.to_timestamp()
    out["in_force"] = own.where(out.bound >= general, general).where(out.bound.notna())
    return out


def count_table(record: TreatyRecord, acts: pd.DataFrame, periods: pd.DataFrame,
                days: pd.DatetimeIndex) -> pd.DataFrame:
    """Ratification by numbers on every day of *days*, one row per day."""
    p = periods.join(lineages(acts, record), on="lineage")
    start = p.start
    stop = (p.end + pd.Timedelta(days=1)).fillna(FAR)
    first_act = p[["signed", "bound"]].min(axis=1).fillna(FAR)
    signatory_until = p.bound.fillna(FAR)
    pieces = {
        "no_action": (start, first_act),
        "signatories": (p.signed, signatory_until),
        "party_only": (p.bound, p.in_force.fillna(FAR)),
        "in_force": (p.in_force, FAR),
        "signatories_total": (p.signed, FAR),
    }
    events = []
    for name, (lo, hi) in pieces.items():
        lo = np.maximum(lo, start)            # NaT (never) stays NaT
        hi = np.minimum(hi, stop)
        keep = lo < hi
        events.append(pd.DataFrame({"day": lo[keep], "column": name, "change": 1}))
        events.append(pd.DataFrame({"day": hi[keep], "column": name, "change": -1}))
    table = (
        pd.concat(events)
        .pivot_table(index="day", columns="column", values="change", aggfunc="sum",
                     fill_value=0)
        .cumsum()
        .reindex(days, method="ffill")
        .fillna(0)
        .astype(int)
    )
    for name in pieces:
        if name not in table:
            table[name] = 0
    table["parties"] = table.party_only + table.in_force
    table["former_parties"] = 0
    table["states"] = table.no_action + table.signatories + table.parties
    return table[COLUMNS]


def statuses_on(record: TreatyRecord, acts: pd.DataFrame, periods: pd.DataFrame,
                on: date) -> pd.Series:
    """The status of every State in the universe on *on*, by code."""
    day = pd.Timestamp(on)
    members = periods[(periods.start <= day) & (periods.end.isna() | (periods.end >= day))]
    known = acts[acts.day <= day]
    lin = lineages(known, record)
    p = members.join(lin, on="lineage")
    status = np.select(
        [p.in_force <= day, p.bound <= day, p.signed <= day],
        ["party_in_force", "party", "signatory"],
        default="no_action",
    )
    return pd.Series(status, index=p.code).sort_index()

"""Tidy export: rows of plain values, CSV text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from hypothesis import given

import migrant_convention as mc
import strategies as s
from migrant_convention import tidy


def test_one_row_per_act_with_plain_values() -> None:
    record = mc.data.icrmw()
    rows = tidy.act_rows(record)
    assert len(rows) == len(record.acts)
    assert all(list(r) == list(tidy.ACT_FIELDS) for r in rows)
    assert json.loads(json.dumps(rows)) == rows  # plain values only


def test_imprecise_dates_keep_their_bounds() -> None:
    # Zimbabwe's accession is known to the month: "2024-11" in icrmw_actions.csv.
    [zwe] = [r for r in tidy.act_rows(mc.data.icrmw()) if r["participant"] == "ZWE"]
    assert (zwe["date"], zwe["earliest"], zwe["latest"], zwe["precision"]) == (
        "2024-11", "2024-11-01", "2024-11-30", "month")
    act = mc.Act("ALB", mc.ActKind.SIGNATURE, mc.PartialDate.parse("[..2013-07-09]"))
    record = mc.TreatyRecord(mc.data.icrmw_treaty(), [act])
    [row] = tidy.act_rows(record)
    assert (row["earliest"], row["latest"], row["precision"]) == (
        None, "2013-07-09", "on_or_before")


def test_count_rows_match_the_campaign_figures() -> None:
    rows = tidy.count_rows(mc.data.icrmw(), mc.data.states(),
                           [date(2014, 12, 18), date(2003, 7, 1)])
    first = rows[0]
    assert (first["date"], first["parties"], first["signatories"], first["no_action"]) == (
        "2014-12-18", 47, 19, 131)
    assert rows[1]["treaty"] == "IV-13"
    assert list(rows[0]) == list(tidy.COUNT_FIELDS)


@given(s.records)
def test_csv_of_act_rows_reads_back_as_the_same_text(record: mc.TreatyRecord) -> None:
    rows = tidy.act_rows(record)
    text = tidy.to_csv(rows, tidy.ACT_FIELDS)
    back = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(back) == len(rows)
    for got, want in zip(back, rows, strict=True):
        assert got["date"] == want["date"]
        assert got["note"] == want["note"]
        assert got["uncertain"] == ("true" if want["uncertain"] else "false")


def test_to_csv_of_no_rows_is_empty() -> None:
    assert tidy.to_csv([]) == "\n"

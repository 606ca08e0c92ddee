"""Benchmark: the whole UN Treaty Collection corpus, read, then counted daily.

Run from the repository root::

    python benchmarks/corpus.py

Reads every one of the 324 status tables in ``tests/data/untc-2015/treaties``
(the tables the reader refuses are counted and skipped), then, for every
table read, the counts of every day from its first act to 14 March 2015 (the
last scrape), in two ways: :func:`migrant_convention.count_series` (a
:class:`~migrant_convention.Counts` object per day) and
:func:`migrant_convention.count_columns` (columns of ints, no object per
day).  Reports the CPU time of each, and the ratios against the reading,
measured in the same run (the least of three runs each, ``time.process_time``).

Goal (issue 14): a treaty's whole history as columns costs at most twice the
reading of the tables.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import migrant_convention as mc
from migrant_convention.core import _cache
from migrant_convention.errors import ValidationError
from migrant_convention.formats import untc

T = TypeVar("T")
TABLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "untc-2015" / "treaties"
END = date(2015, 3, 14)


def best(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """Least CPU seconds of *fn* over *repeat* runs, caches emptied before each."""
    times, result = [], None
    for _ in range(repeat):
        _cache.cache_clear()
        gc.collect()
        t = time.process_time()
        result = fn()
        times.append(time.process_time() - t)
    assert result is not None
    return min(times), result


def read_all(texts: list[tuple[str, str]]) -> list[mc.TreatyRecord]:
    records = []
    for name, text in texts:
        try:
            records.append(untc.read_table(text, name, validate=False))
        except ValidationError:
            continue  # refused: counted by the caller
    return records


def spans(records: list[mc.TreatyRecord]) -> list[tuple[mc.TreatyRecord, date]]:
    return [(r, min(a.date.earliest for a in r.acts)) for r in records if r.acts]


def main() -> int:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(TABLES.glob("*.csv"))]
    states = mc.data.states()
    read_s, records = best(lambda: read_all(texts))
    work = spans(records)
    days = sum((END - start).days + 1 for _, start in work)

    def columns() -> int:
        return sum(len(mc.count_columns(r, states, s, END, resolve="earliest"))
                   for r, s in work)

    def series() -> int:
        out = 0
        for r, s in work:
            dates = list(map(date.fromordinal, range(s.toordinal(), END.toordinal() + 1)))
            out += len(mc.count_series(r, states, dates, resolve="earliest"))
        return out

    columns_s, n_columns = best(columns)
    series_s, n_series = best(series)
    assert n_columns == n_series == days
    # The two agree, day by day (checked on a sample: every 50th table).
    for r, s in work[::50]:
        cols = mc.count_columns(r, states, s, END, resolve="earliest")
        assert [cols[i] for i in range(len(cols))] == mc.count_series(
            r, states, cols.days, resolve="earliest")
    ratio = columns_s / read_s
    print(f"tables: {len(texts)}, read: {len(records)} ({len(texts) - len(records)} refused)")
    print(f"treaty-days: {days:,}")
    print(f"reading the tables:            {read_s:7.2f} s CPU")
    print(f"count_series (object per day): {series_s:7.2f} s CPU  "
          f"({series_s / read_s:.1f} x reading)")
    print(f"count_columns (columns):       {columns_s:7.2f} s CPU  ({ratio:.1f} x reading)")
    met = ratio <= 2.0
    print(f"goal: columns <= 2 x reading: {'met' if met else 'NOT met'} ({ratio:.2f})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

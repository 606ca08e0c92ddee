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

``--against DIR`` also times the reading against another version of the
library (``DIR`` holds its ``migrant_convention`` package, e.g. ``src`` of a
``git worktree add /tmp/v0.1 <commit>``): each version reads the tables both
read, in its own interpreter, the two alternating, least CPU time of five
rounds each; reported as the ratio (goal: per-table reading no slower).
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
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


# Run in a fresh interpreter with one version of the library first on the
# path: read the tables named on stdin (all that read, if none), five times;
# print the least CPU seconds and the names read.
_READER = """
import gc, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from migrant_convention.errors import ValidationError
from migrant_convention.formats import untc
names = json.loads(sys.stdin.read())
texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(sys.argv[2]).glob("*.csv"))
         if not names or p.name in names]
best, read = float("inf"), []
for _ in range(5):
    gc.collect()
    t, read = time.process_time(), []
    for name, text in texts:
        try:
            untc.read_table(text, name, validate=False)
            read.append(name)
        except ValidationError:
            pass
    best = min(best, time.process_time() - t)
print(json.dumps([best, read]))
"""


def _read_with(src: Path, names: list[str]) -> tuple[float, list[str]]:
    out = subprocess.run([sys.executable, "-c", _READER, str(src), str(TABLES)],
                         input=json.dumps(names), capture_output=True, text=True, check=True)
    seconds, read = json.loads(out.stdout)
    return float(seconds), list(read)


def against(other: Path) -> int:
    """Per-table reading, this version against *other*, on the tables both read."""
    here = Path(mc.__file__).resolve().parent.parent
    _, theirs = _read_with(other, [])
    _, ours = _read_with(here, [])
    both = sorted(set(theirs) & set(ours))
    times: dict[str, float] = {"this": float("inf"), "other": float("inf")}
    for _ in range(3):  # alternating, so that a slow spell of the machine hits both
        times["other"] = min(times["other"], _read_with(other, both)[0])
        times["this"] = min(times["this"], _read_with(here, both)[0])
    ratio = times["this"] / times["other"]
    print(f"reading the {len(both)} tables both versions read "
          f"(this one reads {len(ours)}, the other {len(theirs)}):")
    print(f"  other version ({other}): {times['other']:6.3f} s CPU")
    print(f"  this version:  {' ' * len(str(other))}{times['this']:6.3f} s CPU "
          f"({ratio:.2f} x the other)")
    # 5% for timing noise between interpreters.
    met = ratio <= 1.05
    print(f"goal: per-table reading no slower: {'met' if met else 'NOT met'} ({ratio:.2f})")
    return 0 if met else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="also time the reading against the library in DIR")
    args = parser.parse_args()
    status = against(args.against) if args.against else 0
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
    return status or (0 if met else 1)


if __name__ == "__main__":
    sys.exit(main())

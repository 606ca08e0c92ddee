"""Time and memory of every reader on hostile input, by input size.

For each hostile shape of issue 12 and sizes growing tenfold, prints the
reader's CPU time and peak memory, the growth of the time over the previous
size, and the growth of a baseline measured in the same run — one pass over
the text (``str.count``), the least any reader does.  The bound checked: a
reader's time grows at most ~12x per tenfold size (linear, plus noise) and its
peak memory stays a small multiple of the input.

    python benchmarks/hostile.py [--max-mb 10]
"""

from __future__ import annotations

import argparse
import contextlib
import time
import tracemalloc
from collections.abc import Callable

from migrant_convention.errors import MigrantConventionError
from migrant_convention.formats import csvio, serialize

UNIVERSE_HEAD = "name,iso3,iso3166_status,from_date,to_date,basis,continues,sources\n"
ACTS_HEAD = "participant,iso3,action,date,note,sources\n"


def _json_escaped_quotes(n: int) -> str:
    return '"' + '\\"' * (n // 2)


def _json_empty_objects(n: int) -> str:
    return "[" + ",".join(["{}"] * (n // 3)) + "]"


def _json_long_string(n: int) -> str:
    return '{"a": "' + "x" * n + '"}'


def _json_deep(n: int) -> str:
    return "[" * (n // 2) + "]" * (n // 2)


def _csv_bad_rows(n: int) -> str:
    row = "Albania,alb,ratify,2007-13-05,,x\n"
    return ACTS_HEAD + row * (n // len(row))


def _csv_long_cell(n: int) -> str:
    return ACTS_HEAD + "Albania,ALB,accession,2007-06-05," + "x" * n + ",src\n"


def _csv_unterminated(n: int) -> str:
    return ACTS_HEAD + 'Albania,ALB,accession,2007-06-05,"' + "a,b\n" * (n // 4)


SHAPES: dict[str, tuple[Callable[[int], str], Callable[[str], object]]] = {
    "JSON escaped quotes": (_json_escaped_quotes, serialize.from_json),
    "JSON many {}": (_json_empty_objects, serialize.from_json),
    "JSON long string": (_json_long_string, serialize.from_json),
    "JSON deep nesting": (_json_deep, serialize.from_json),
    "CSV bad rows": (_csv_bad_rows, lambda t: csvio.read_acts(t, "a.csv")),
    "CSV long cell": (_csv_long_cell, lambda t: csvio.read_acts(t, "a.csv")),
    "CSV unterminated quote": (_csv_unterminated, lambda t: csvio.read_acts(t, "a.csv")),
}


def _cpu(f: Callable[[], object]) -> float:
    start = time.process_time()
    with contextlib.suppress(MigrantConventionError):
        f()
    return time.process_time() - start


def _peak(f: Callable[[], object]) -> float:
    tracemalloc.start()
    with contextlib.suppress(MigrantConventionError):
        f()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=10)
    args = parser.parse_args()
    sizes = [10_000]
    while sizes[-1] * 10 <= args.max_mb * 1_000_000:
        sizes.append(sizes[-1] * 10)
    print("| shape | size | time | growth | one pass (growth) | peak / input |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    for shape, (make, read) in SHAPES.items():
        last: tuple[float, float] | None = None
        for n in sizes:
            text = make(n)
            t = min(_cpu(lambda: read(text)) for _ in range(3))  # noqa: B023
            base = min(_cpu(lambda: text.count(",")) for _ in range(3)) or 1e-7  # noqa: B023
            peak = _peak(lambda: read(text)) / len(text)  # noqa: B023
            growth = base_growth = ""
            if last is not None and last[0] > 0.005:  # below 5 ms, timing is noise
                g = t / last[0]
                worst = max(worst, g)
                growth, base_growth = f"{g:.1f}x", f" ({base / last[1]:.1f}x)"
            print(f"| {shape} | {len(text):,} | {t * 1000:.1f} ms | {growth} | "
                  f"{base * 1000:.2f} ms{base_growth} | {peak:.1f} |")
            last = (t, base)
    print(f"\nWorst growth per tenfold size (from 5 ms up): {worst:.1f}x "
          f"(bound: 12x) -> {'met' if worst <= 12 else 'NOT met'}")


if __name__ == "__main__":
    main()

"""The test kit: what a test suite that relies on this library's counts uses.

* :mod:`.checks` — invariant checks (``check_*``) of the library's answers for
  a record, a universe and some dates;
* :mod:`.oracle` — status and counts recomputed from scratch, an oracle for
  any fast implementation (this library's included);
* :mod:`.strategies` — Hypothesis strategies for dates, acts, treaties,
  records, universes, events and campaigns (needs ``hypothesis``);
  ``st.from_type`` finds them through Hypothesis's entry point.

The names of :mod:`.checks` and :mod:`.oracle` are importable from here, as
they were from the module ``migrant_convention.testing`` of 0.1.  Nothing is
imported until a name is first used, so that the Hypothesis plugin (which
lives here) costs nothing when Hypothesis starts.

>>> from datetime import date
>>> from migrant_convention import data, testing
>>> testing.check_invariants(data.icrmw(), data.states(), [date(2014, 12, 18)])
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

if _TYPE_CHECKING:
    from .checks import (
        check_count_series,
        check_entry_into_force,
        check_invariants,
        check_no_party_before_deposit,
        check_parties_monotonic,
        check_partition,
        check_recount,
    )
    from .oracle import recount, recount_status, recount_statuses

__all__ = [
    "check_count_series",
    "check_entry_into_force",
    "check_invariants",
    "check_no_party_before_deposit",
    "check_parties_monotonic",
    "check_partition",
    "check_recount",
    "recount",
    "recount_status",
    "recount_statuses",
]


def __getattr__(name: str) -> _Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = ".oracle" if name.startswith("recount") else ".checks"
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "checks", "oracle", "strategies"})

"""A downstream test suite, as you might copy it into your own project.

It needs only ``pip install migrant_convention[hypothesis]`` and pytest.
``st.from_type`` works because the library registers its strategies with
Hypothesis; the invariant checks come from ``migrant_convention.testing``.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention import testing
from migrant_convention.testing import strategies as mst


# 1. Any record your code may meet: consistent, so validation accepts it.
@given(mst.treaty_records(max_participants=5), mst.dates(date(1990, 1, 1), date(2030, 1, 1)))
def test_my_report_never_miscounts(record: mc.TreatyRecord, on: date) -> None:
    universe = mc.data.states()  # treaty_records() fits the bundled universe by default
    mc.validate_record(record, universe)
    c = mc.counts(record, universe, on, resolve="latest")
    # ... call your own code with `c` here; the library's own invariants hold:
    testing.check_partition(record, universe, on, resolve="latest")
    assert c.parties <= c.states


# 2. Small universes with continuing States, and the full set of invariants.
@given(mst.records_with_universes(max_participants=4), st.lists(mst.dates(), max_size=4))
def test_invariants_on_small_universes(
    pair: tuple[mc.TreatyRecord, mc.Universe], days: list[date]
) -> None:
    record, universe = pair
    testing.check_invariants(record, universe, days)


# 3. The bundled Convention, on the days its campaign reported.
def test_the_bundled_convention_keeps_its_invariants() -> None:
    days = [date(2003, 7, 1), date(2014, 12, 18), date(2015, 12, 18)]
    testing.check_invariants(mc.data.icrmw(), mc.data.states(), days)

"""The count arrays' fast arithmetic agrees with Counts.from_tally, the one
home of the rule turning a tally of statuses into counts."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from migrant_convention.core import _index
from migrant_convention.core.status_types import Counts, Status

_COLUMN = {
    Status.NO_ACTION: _index.NO_ACTION,
    Status.SIGNATORY: _index.SIGNATORY,
    Status.PARTY: _index.PARTY,
    Status.PARTY_IN_FORCE: _index.IN_FORCE,
    Status.FORMER_PARTY: _index.FORMER,
}

rows = st.tuples(*[st.integers(0, 10**6)] * 6)


@given(rows)
def test_fields_are_those_of_from_tally(row: tuple[int, int, int, int, int, int]) -> None:
    c = Counts.from_tally(date(2000, 1, 1), {s: row[col] for s, col in _COLUMN.items()},
                          signed_ever=row[_index.SIGNED_EVER])
    assert _index._fields(row) == (c.parties, c.in_force, c.signatories, c.signatories_total,
                                   c.former_parties, c.no_action, c.states)


def test_fields_of_a_known_row() -> None:
    # 3 no action, 2 signatories, 4 parties not in force, 5 in force, 1 former,
    # 9 ever signed: 9 parties of 15 States.
    row = (3, 2, 4, 5, 1, 9)
    assert _index._fields(row) == (9, 5, 2, 9, 1, 3, 15)

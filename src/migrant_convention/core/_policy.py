"""The strict policy, in one place.

The engine (:mod:`._index`) reads every imprecise date one way: at its
earliest or at its latest possible day.  ``resolve="strict"``, the default of
every public function, is a policy over those two readings: answer under
both, and refuse — :class:`~migrant_convention.errors.UndecidableError`,
carrying the imprecise dates that leave the answer open — when they differ.
Some answers also refuse when an imprecise date *relevant to them* straddles
the day asked about, even if the two extreme readings happen to agree (the
counts of a day on which one State's deposit may or may not have happened:
the totals could agree while the States counted differ).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from ..errors import UndecidableError
from .dates import PartialDate, Resolve

_T = TypeVar("_T")

#: What makes an answer undecidable: (description of the act or event, its date).
Evidence = Sequence[tuple[str, PartialDate]]
#: The day an answer is undecidable on, and why; ``None``: no doubt.
Doubt = tuple[date | None, Evidence] | None


def decide(
    how: Resolve,
    question: str,
    on: date | None,
    answer: Callable[[Resolve], _T],
    *,
    evidence: Callable[[_T, _T], tuple[date | None, Evidence]],
    doubts: Callable[[], Doubt] | None = None,
    exact: Callable[[], bool] | None = None,
) -> _T:
    """The answer to *question* under *how*.

    :param answer: computes the answer with dates read one way.
    :param evidence: given the two differing answers, the day they differ on
        and the imprecise dates responsible.
    :param doubts: the day and the imprecise dates that make the answer
        undecidable whatever the two readings give, if any (checked first).
    :param exact: whether no date of the record is imprecise (one reading is
        then enough); asked only under the strict policy, since it costs an
        index of its own.
    """
    if how is not Resolve.STRICT:
        return answer(how)
    if doubts is not None:
        doubt = doubts()
        if doubt is not None:
            raise UndecidableError(question, doubt[0], doubt[1])
    early = answer(Resolve.EARLIEST)
    if exact is not None and exact():
        return early
    late = answer(Resolve.LATEST)
    if early != late:
        day, found = evidence(early, late)
        raise UndecidableError(question, day, found)
    return early

"""Days and partial dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ...core.dates import PartialDate, Precision
from ._args import _check_range

# The default bounds (the UN Charter's year to the end of the century),
# documented where they are public: the package's __init__.
DEFAULT_MIN_DATE = date(1945, 1, 1)
DEFAULT_MAX_DATE = date(2099, 12, 31)

_ALL_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.ON_OR_BEFORE)


def dates(
    min_value: date = DEFAULT_MIN_DATE, max_value: date = DEFAULT_MAX_DATE
) -> SearchStrategy[date]:
    """Days from *min_value* to *max_value* (both inclusive).

    Shrinks as :func:`hypothesis.strategies.dates` does: towards 1 January
    2000 when that is in range, else towards the nearer bound.
    """
    lo, hi = _check_range(min_value, max_value)
    return st.dates(lo, hi)


def _blur(day: date, precision: Precision, uncertain: bool) -> PartialDate:
    """A partial date of *precision* that contains *day*."""
    if precision is Precision.MONTH:
        return PartialDate.month(day.year, day.month, uncertain=uncertain)
    if precision is Precision.YEAR:
        return PartialDate.year(day.year, uncertain=uncertain)
    if precision is Precision.ON_OR_BEFORE:
        return PartialDate.on_or_before(day)
    return PartialDate.day(day, uncertain=uncertain)


def _within(pd: PartialDate, lo: date, hi: date) -> bool:
    return pd.latest <= hi and (pd.earliest_known is None or pd.earliest_known >= lo)


def partial_dates(
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
    *,
    precisions: Sequence[Precision] = _ALL_PRECISIONS,
    uncertain: bool = True,
) -> SearchStrategy[PartialDate]:
    """:class:`~migrant_convention.core.dates.PartialDate` values: days, months and
    years (each possibly flagged uncertain, ``?``, when *uncertain* is true) and
    "on or before" days, of the given *precisions*.

    Every possible day of the date lies within *min_value*..*max_value*
    (an "on or before" date's open lower bound excepted); a month or year that
    does not fit inside the bounds is generated as a day instead.

    Shrinks towards a day (the first of *precisions*), not uncertain, near
    1 January 2000.
    """
    lo, hi = _check_range(min_value, max_value)
    if isinstance(precisions, Precision | str):
        raise InvalidArgument("precisions must be a sequence of Precision values")
    chosen = tuple(precisions)
    if not chosen or not all(isinstance(p, Precision) for p in chosen):
        raise InvalidArgument(f"precisions={precisions!r} must be a non-empty sequence of "
                              "Precision values")
    if not isinstance(uncertain, bool):
        raise InvalidArgument(f"uncertain={uncertain!r} must be a bool")

    @st.composite
    def build(draw: st.DrawFn) -> PartialDate:
        day = draw(st.dates(lo, hi))
        precision = draw(st.sampled_from(chosen))
        flag = uncertain and precision is not Precision.ON_OR_BEFORE and draw(st.booleans())
        pd = _blur(day, precision, flag)
        if not _within(pd, lo, hi):
            # The month or year spills over a bound: fall back to an honest day.
            pd = PartialDate.day(day, uncertain=flag)
        return pd

    return build()

"""Checks of the strategies' arguments: each raises
:class:`hypothesis.errors.InvalidArgument` when a strategy is called."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ...core.dates import FIRST_DAY, LAST_DAY

T = TypeVar("T")


def _check_date(value: object, name: str) -> date:
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    return value


def _check_range(min_value: object, max_value: object) -> tuple[date, date]:
    lo = _check_date(min_value, "min_value")
    hi = _check_date(max_value, "max_value")
    if lo > hi:
        raise InvalidArgument(f"min_value={lo} is after max_value={hi}")
    # Outside the days the library reads (its readers refuse them), the
    # strategies would make values no reader gives back.
    if lo < FIRST_DAY or hi > LAST_DAY:
        raise InvalidArgument(f"min_value={lo} and max_value={hi} must lie within the days the "
                              f"library supports, {FIRST_DAY}..{LAST_DAY}")
    return lo, hi


def _check_int(value: object, name: str, least: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise InvalidArgument(f"{name}={value!r} must be an integer >= {least}")
    return value


def _check_strategy_or(value: object, cls: type[T], name: str) -> SearchStrategy[T] | None:
    if value is None:
        return None
    if isinstance(value, cls):
        return st.just(value)
    if isinstance(value, SearchStrategy):
        return value
    raise InvalidArgument(f"{name}={value!r} must be a {cls.__name__}, a strategy, or None")


def _check_flag(value: object, name: str, optional: bool = False) -> None:
    if not isinstance(value, bool) and not (optional and value is None):
        raise InvalidArgument(f"{name}={value!r} must be a bool" + (" or None" if optional
                                                                    else ""))


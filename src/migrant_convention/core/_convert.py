"""Typed converters for attrs fields (mypy cannot see through ``converter=tuple``)."""

from __future__ import annotations

from collections.abc import Iterable


def to_strings(value: Iterable[str]) -> tuple[str, ...]:
    """Any iterable of text as a tuple; a lone string is one item, not characters."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)

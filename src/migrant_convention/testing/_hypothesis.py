"""Hypothesis plugin: registers :mod:`migrant_convention.testing.strategies` for
:func:`hypothesis.strategies.from_type`.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis``
entry point declared in ``pyproject.toml`` when it is imported, so a
downstream suite can write ``st.from_type(TreatyRecord)`` without importing
anything of ours first.  This module imports nothing at import time, so
loading the entry point can never fail; the main package never imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _lazy(name: str) -> Callable[[type], SearchStrategy[Any]]:
    """A strategy resolver for ``register_type_strategy`` that imports our
    strategies module only when ``from_type`` first needs it.

    Importing it here would be circular: ``import migrant_convention.testing.strategies``
    imports Hypothesis, whose import runs this hook before our module exists.
    """

    def resolve(_cls: type) -> SearchStrategy[Any]:
        from . import strategies as ours

        factory: Callable[[], SearchStrategy[Any]] = getattr(ours, name)
        return factory()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public class of the library."""
    from hypothesis import strategies as st

    from ..campaigns.events import Event
    from ..campaigns.progress import Campaign
    from ..core.acts import Act
    from ..core.dates import PartialDate
    from ..core.participants import Participant
    from ..core.record import TreatyRecord
    from ..core.rules import Delay
    from ..core.treaty import Treaty
    from ..core.universe import Universe

    st.register_type_strategy(PartialDate, _lazy("partial_dates"))
    st.register_type_strategy(Participant, _lazy("participants"))
    st.register_type_strategy(Act, _lazy("acts"))
    st.register_type_strategy(Delay, _lazy("delays"))
    st.register_type_strategy(Treaty, _lazy("treaties"))
    st.register_type_strategy(Universe, _lazy("universes"))
    st.register_type_strategy(TreatyRecord, _lazy("treaty_records"))
    st.register_type_strategy(Event, _lazy("events"))
    st.register_type_strategy(Campaign, _lazy("campaigns"))

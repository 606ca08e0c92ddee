"""Hypothesis plugin: registers :mod:`migrant_convention.strategies` for
:func:`hypothesis.strategies.from_type`.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis``
entry point declared in ``pyproject.toml`` when it is imported, so a
downstream suite can write ``st.from_type(TreatyRecord)`` without importing
anything of ours first.  This module imports nothing at import time, so
loading the entry point can never fail; the main package never imports it.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public class of the library."""
    from hypothesis import strategies as st

    from . import strategies as ours
    from .acts import Act
    from .campaigns import Campaign
    from .dates import PartialDate
    from .events import Event
    from .participants import Participant
    from .record import TreatyRecord
    from .treaty import Delay, Treaty
    from .universe import Universe

    st.register_type_strategy(PartialDate, ours.partial_dates())
    st.register_type_strategy(Participant, ours.participants())
    st.register_type_strategy(Act, ours.acts())
    st.register_type_strategy(Delay, ours.delays())
    st.register_type_strategy(Treaty, ours.treaties())
    st.register_type_strategy(Universe, ours.universes())
    st.register_type_strategy(TreatyRecord, ours.treaty_records())
    st.register_type_strategy(Event, ours.events())
    st.register_type_strategy(Campaign, ours.campaigns())

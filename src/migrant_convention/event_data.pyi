"""``migrant_convention.event_data`` (0.1) for type checkers: the names of
:mod:`migrant_convention.data.campaign_events`, which this path imports at run time
(``_compat/event_data.py``)."""

from migrant_convention.data.campaign_events import *  # noqa: F403

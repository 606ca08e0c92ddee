"""``migrant_convention.events`` (0.1) for type checkers: the names of
:mod:`migrant_convention.campaigns.events`, which this path imports at run time
(``_compat/events.py``)."""

from migrant_convention.campaigns.events import *  # noqa: F403

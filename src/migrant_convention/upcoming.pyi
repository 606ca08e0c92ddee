"""``migrant_convention.upcoming`` (0.1) for type checkers: the names of
:mod:`migrant_convention.campaigns.upcoming`, which this path imports at run time
(``_compat/upcoming.py``)."""

from migrant_convention.campaigns.upcoming import *  # noqa: F403

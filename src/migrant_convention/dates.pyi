"""``migrant_convention.dates`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.dates`, which this path imports at run time
(``_compat/dates.py``)."""

from migrant_convention.core.dates import *  # noqa: F403

"""``migrant_convention.regions`` (0.1) for type checkers: the names of
:mod:`migrant_convention.places.regions`, which this path imports at run time
(``_compat/regions.py``)."""

from migrant_convention.places.regions import *  # noqa: F403

"""``migrant_convention.groupings`` (0.1) for type checkers: the names of
:mod:`migrant_convention.places.groupings`, which this path imports at run time
(``_compat/groupings.py``)."""

from migrant_convention.places.groupings import *  # noqa: F403

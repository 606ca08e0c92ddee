"""``migrant_convention.names`` (0.1) for type checkers: the names of
:mod:`migrant_convention.places.names`, which this path imports at run time
(``_compat/names.py``)."""

from migrant_convention.places.names import *  # noqa: F403

"""``migrant_convention.universe`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.universe`, which this path imports at run time
(``_compat/universe.py``)."""

from migrant_convention.core.universe import *  # noqa: F403

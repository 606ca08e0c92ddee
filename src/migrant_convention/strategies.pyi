"""``migrant_convention.strategies`` (0.1) for type checkers: the names of
:mod:`migrant_convention.testing.strategies`, which this path imports at run time
(``_compat/strategies.py``)."""

from migrant_convention.testing.strategies import *  # noqa: F403

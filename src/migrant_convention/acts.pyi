"""``migrant_convention.acts`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.acts`, which this path imports at run time
(``_compat/acts.py``)."""

from migrant_convention.core.acts import *  # noqa: F403

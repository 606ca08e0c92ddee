"""``migrant_convention.status_types`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.status_types`, which this path imports at run time
(``_compat/status_types.py``)."""

from migrant_convention.core.status_types import *  # noqa: F403

"""``migrant_convention.status`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.status`, which this path imports at run time
(``_compat/status.py``)."""

from migrant_convention.core.status import *  # noqa: F403

"""``migrant_convention.record`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.record`, which this path imports at run time
(``_compat/record.py``)."""

from migrant_convention.core.record import *  # noqa: F403

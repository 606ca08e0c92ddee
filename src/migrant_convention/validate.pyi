"""``migrant_convention.validate`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.validate`, which this path imports at run time
(``_compat/validate.py``)."""

from migrant_convention.core.validate import *  # noqa: F403

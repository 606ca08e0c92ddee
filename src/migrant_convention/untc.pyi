"""``migrant_convention.untc`` (0.1) for type checkers: the names of
:mod:`migrant_convention.formats.untc`, which this path imports at run time
(``_compat/untc.py``)."""

from migrant_convention.formats.untc import *  # noqa: F403

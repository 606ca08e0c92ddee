"""``migrant_convention.tidy`` (0.1) for type checkers: the names of
:mod:`migrant_convention.formats.tidy`, which this path imports at run time
(``_compat/tidy.py``)."""

from migrant_convention.formats.tidy import *  # noqa: F403

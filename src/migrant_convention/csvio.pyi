"""``migrant_convention.csvio`` (0.1) for type checkers: the names of
:mod:`migrant_convention.formats.csvio`, which this path imports at run time
(``_compat/csvio.py``)."""

from migrant_convention.formats.csvio import *  # noqa: F403

"""``migrant_convention.serialize`` (0.1) for type checkers: the names of
:mod:`migrant_convention.formats.serialize`, which this path imports at run time
(``_compat/serialize.py``)."""

from migrant_convention.formats.serialize import *  # noqa: F403

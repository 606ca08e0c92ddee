"""``migrant_convention.participants`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.participants`, which this path imports at run time
(``_compat/participants.py``)."""

from migrant_convention.core.participants import *  # noqa: F403

"""``migrant_convention.treaty`` (0.1) for type checkers: the names of
:mod:`migrant_convention.core.treaty`, which this path imports at run time
(``_compat/treaty.py``)."""

from migrant_convention.core.treaty import *  # noqa: F403

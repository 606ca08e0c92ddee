"""``migrant_convention.ical`` (0.1) for type checkers: the names of
:mod:`migrant_convention.formats.ical`, which this path imports at run time
(``_compat/ical.py``)."""

from migrant_convention.formats.ical import *  # noqa: F403

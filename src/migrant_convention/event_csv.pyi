"""``migrant_convention.event_csv`` (0.1) for type checkers: the names of
:mod:`migrant_convention.formats.event_csv`, which this path imports at run time
(``_compat/event_csv.py``)."""

from migrant_convention.formats.event_csv import *  # noqa: F403

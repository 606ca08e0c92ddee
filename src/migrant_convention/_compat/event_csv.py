"""``migrant_convention.event_csv`` (0.1): now :mod:`migrant_convention.formats.event_csv`."""

import sys

from migrant_convention.formats import event_csv as _module

sys.modules[__name__] = _module

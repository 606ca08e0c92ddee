"""``migrant_convention.dates`` (0.1): now :mod:`migrant_convention.core.dates`."""

import sys

from migrant_convention.core import dates as _module

sys.modules[__name__] = _module

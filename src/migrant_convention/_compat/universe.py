"""``migrant_convention.universe`` (0.1): now :mod:`migrant_convention.core.universe`."""

import sys

from migrant_convention.core import universe as _module

sys.modules[__name__] = _module

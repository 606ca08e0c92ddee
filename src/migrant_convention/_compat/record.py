"""``migrant_convention.record`` (0.1): now :mod:`migrant_convention.core.record`."""

import sys

from migrant_convention.core import record as _module

sys.modules[__name__] = _module

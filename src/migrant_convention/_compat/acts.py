"""``migrant_convention.acts`` (0.1): now :mod:`migrant_convention.core.acts`."""

import sys

from migrant_convention.core import acts as _module

sys.modules[__name__] = _module

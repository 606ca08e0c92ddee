"""``migrant_convention.status`` (0.1): now :mod:`migrant_convention.core.status`."""

import sys

from migrant_convention.core import status as _module

sys.modules[__name__] = _module

"""``migrant_convention.status_types`` (0.1): now :mod:`migrant_convention.core.status_types`."""

import sys

from migrant_convention.core import status_types as _module

sys.modules[__name__] = _module

"""``migrant_convention.participants`` (0.1): now :mod:`migrant_convention.core.participants`."""

import sys

from migrant_convention.core import participants as _module

sys.modules[__name__] = _module

"""``migrant_convention.tidy`` (0.1): now :mod:`migrant_convention.formats.tidy`."""

import sys

from migrant_convention.formats import tidy as _module

sys.modules[__name__] = _module

"""``migrant_convention.validate`` (0.1): now :mod:`migrant_convention.core.validate`."""

import sys

from migrant_convention.core import validate as _module

sys.modules[__name__] = _module

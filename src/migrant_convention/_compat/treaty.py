"""``migrant_convention.treaty`` (0.1): now :mod:`migrant_convention.core.treaty`."""

import sys

from migrant_convention.core import treaty as _module

sys.modules[__name__] = _module

"""``migrant_convention.untc`` (0.1): now :mod:`migrant_convention.formats.untc`."""

import sys

from migrant_convention.formats import untc as _module

sys.modules[__name__] = _module

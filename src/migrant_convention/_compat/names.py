"""``migrant_convention.names`` (0.1): now :mod:`migrant_convention.places.names`."""

import sys

from migrant_convention.places import names as _module

sys.modules[__name__] = _module

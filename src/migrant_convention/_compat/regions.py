"""``migrant_convention.regions`` (0.1): now :mod:`migrant_convention.places.regions`."""

import sys

from migrant_convention.places import regions as _module

sys.modules[__name__] = _module

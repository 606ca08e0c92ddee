"""``migrant_convention.groupings`` (0.1): now :mod:`migrant_convention.places.groupings`."""

import sys

from migrant_convention.places import groupings as _module

sys.modules[__name__] = _module

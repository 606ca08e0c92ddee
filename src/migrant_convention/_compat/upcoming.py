"""``migrant_convention.upcoming`` (0.1): now :mod:`migrant_convention.campaigns.upcoming`."""

import sys

from migrant_convention.campaigns import upcoming as _module

sys.modules[__name__] = _module

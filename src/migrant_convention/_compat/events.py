"""``migrant_convention.events`` (0.1): now :mod:`migrant_convention.campaigns.events`."""

import sys

from migrant_convention.campaigns import events as _module

sys.modules[__name__] = _module

"""``migrant_convention.ical`` (0.1): now :mod:`migrant_convention.formats.ical`."""

import sys

from migrant_convention.formats import ical as _module

sys.modules[__name__] = _module

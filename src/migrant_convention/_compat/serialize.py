"""``migrant_convention.serialize`` (0.1): now :mod:`migrant_convention.formats.serialize`."""

import sys

from migrant_convention.formats import serialize as _module

sys.modules[__name__] = _module

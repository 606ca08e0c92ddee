"""``migrant_convention.csvio`` (0.1): now :mod:`migrant_convention.formats.csvio`."""

import sys

from migrant_convention.formats import csvio as _module

sys.modules[__name__] = _module

"""``migrant_convention.strategies`` (0.1): now :mod:`migrant_convention.testing.strategies`."""

import sys

from migrant_convention.testing import strategies as _module

sys.modules[__name__] = _module

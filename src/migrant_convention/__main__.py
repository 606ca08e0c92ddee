"""``python -m migrant_convention``: see :mod:`migrant_convention.cli`."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

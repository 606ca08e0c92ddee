"""The command line: ``python -m migrant_convention COMMAND``.

:func:`main` is the entry point (also installed as ``migrant-convention``).
Each group of commands lives in its own private module exposing
``register(subparsers)``; :mod:`._main` wires them together.
"""

from __future__ import annotations

from ._main import main

__all__ = ["main"]

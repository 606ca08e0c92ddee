"""The command line: ``python -m migrant_convention COMMAND``.

:func:`main` is the entry point (also installed as ``migrant-convention``).
Behind it, private modules in three layers, none importing one above it:

* ``_main`` builds the parser, runs a command, turns errors into one line and
  an exit status, and is the only place that reads the clock;
* ``_numbers`` (``numbers``, with ``--by``), ``_states`` (``status``,
  ``timeline``) and ``_events`` (``events``, ``upcoming``, ``campaign``) each
  add their commands with ``register(subparsers)``, and import only
  ``_shared`` and the library;
* ``_shared`` holds what they share: exit statuses and error lines, argument
  types and options, reading ``--record`` and ``--universe``, JSON output and
  the notes under an answer.
"""

from __future__ import annotations

# build_parser is not public (not in __all__): it stays importable from here,
# as in 0.1, for the documentation's generated help pages.
from ._main import build_parser as build_parser
from ._main import main

__all__ = ["main"]

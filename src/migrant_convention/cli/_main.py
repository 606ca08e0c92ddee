"""The entry point: builds the parser from the command modules, runs the command,
and turns the library's errors into one-line messages (exit status 2, or 3 for
an undecidable answer).  This is the only place that reads the clock (for
"today" when no ``--on`` is given).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TextIO, cast

from ..errors import MigrantConventionError
from . import _events, _numbers, _states
from ._shared import OK, USAGE, Handler, Subparsers, error_line

__all__ = ["main"]

# Every module that adds commands.  Order = order in --help.
REGISTRARS: list[Callable[[Subparsers], None]] = [
    _numbers.register,
    _states.register,
    _events.register,
]


def today() -> date:
    """The clock, read here and only here."""
    return date.today()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, exit 2, and the same "error:" prefix as every other error.
        command = self.prog.removeprefix(_program_name()).strip()
        where = f" ({command})" if command else ""
        self.exit(USAGE, f"error{where}: {message}\n")


def _program_name() -> str:
    # Installed as a console script, or run with ``python -m``.
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return name if name.startswith("migrant-convention") else "python -m migrant_convention"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_program_name(),
        description="Who has signed, ratified or acceded to the Migrant Workers Convention, "
        "on any date.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                parser_class=cast(type[argparse.ArgumentParser], _Parser))
    sub.required = True
    for register in REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out = out if out is not None else sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if "on" in args and args.on is None:  # a command answering for a date, given none
        args.on = today()
    handler: Handler = args.handler
    try:
        return handler(args, out)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.  Point
        # stdout at devnull so the interpreter's final flush does not fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except MigrantConventionError as exc:
        message, code = error_line(exc)
        print(f"error: {message}", file=sys.stderr)
        return code

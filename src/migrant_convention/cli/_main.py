"""The entry point: builds the parser from the command modules, runs the command,
and turns the library's errors into one-line messages (exit status 2, or 3 for
an undecidable answer).  This is the only place that reads the clock (for
"today" when no ``--on`` is given).
"""

from __future__ import annotations

import argparse
import difflib
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
    """A command's parser: a bad argument is one line, in the shape of every
    other error (``error: <message>``), exit status 2."""

    usage_on_error = False

    def error(self, message: str) -> None:  # type: ignore[override]
        if self.usage_on_error:
            self.print_usage(sys.stderr)
        self.exit(USAGE, f"error: {message}\n")


class _Program(_Parser):
    """The program's parser: with no command, or an unknown one, the usage
    line comes first, as argparse prints it."""

    usage_on_error = True


def _program_name() -> str:
    # Installed as a console script, or run with ``python -m``.
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return name if name.startswith("migrant-convention") else "python -m migrant_convention"


def unknown_command(typed: str, commands: Sequence[str]) -> str:
    """The error for a command that does not exist, suggesting the closest
    ones (:func:`difflib.get_close_matches`; argparse's ``suggest_on_error``
    is not in Python 3.11).

    >>> unknown_command("statsu", ["numbers", "status", "timeline"])
    "unknown command 'statsu'; did you mean 'status'?"
    >>> unknown_command("x", ["numbers", "status"])
    "unknown command 'x' (choose from numbers, status)"
    """
    close = difflib.get_close_matches(typed, commands, n=2)
    if close:
        return f"unknown command {typed!r}; did you mean {' or '.join(map(repr, close))}?"
    return f"unknown command {typed!r} (choose from {', '.join(commands)})"


def build_parser() -> argparse.ArgumentParser:
    return _build()[0]


def _build() -> tuple[argparse.ArgumentParser, Subparsers]:
    parser = _Program(
        prog=_program_name(),
        description="Who has signed, ratified or acceded to the Migrant Workers Convention, "
        "on any date.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                parser_class=cast(type[argparse.ArgumentParser], _Parser))
    sub.required = True
    for register in REGISTRARS:
        register(sub)
    return parser, sub


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out = out if out is not None else sys.stdout
    parser, sub = _build()
    argv = list(sys.argv[1:] if argv is None else argv)
    # The program's only option is --help: a first argument that is not an
    # option is the command.
    commands = list(sub.choices or ())
    if argv and not argv[0].startswith("-") and argv[0] not in commands:
        parser.print_usage(sys.stderr)
        print(f"error: {unknown_command(argv[0], commands)}", file=sys.stderr)
        return USAGE
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

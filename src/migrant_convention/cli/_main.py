"""The command line: ``python -m migrant_convention COMMAND``.

Each group of commands lives in its own module (``_cli_*.py``) exposing
``register(subparsers)``; this module wires them together, turns the library's
errors into one-line messages with exit status 2, and is the only place that
reads the clock (for "today" when no ``--on`` is given).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TextIO, cast

from ..core.dates import parse_date
from ..errors import InvalidDateError, MigrantConventionError, UndecidableError, ValidationError
from . import _core as _cli_core
from . import _events as _cli_events

__all__ = ["main"]

# Exit statuses.
OK, UNDECIDABLE, USAGE = 0, 3, 2
_SHOWN_PROBLEMS = 5  # problems printed on the one error line

Handler = Callable[[argparse.Namespace, TextIO], int]

# Every module that adds commands.  Order = order in --help.
REGISTRARS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _cli_core.register,
    _cli_events.register,
]


def date_arg(text: str) -> date:
    """argparse type for YYYY-MM-DD, with the library's error message."""
    try:
        return parse_date(text)
    except InvalidDateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def today() -> date:
    """The clock, read here and only here."""
    return date.today()


def dump_json(value: object, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


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
    handler: Handler = args.handler
    try:
        return handler(args, out)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.  Point
        # stdout at devnull so the interpreter's final flush does not fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except UndecidableError as exc:
        message = str(exc).replace(
            "Pass resolve='earliest' or resolve='latest' to choose.",
            "Give --resolve earliest or --resolve latest to choose.",
        )
        print(f"error: {message}", file=sys.stderr)
        return UNDECIDABLE
    except ValidationError as exc:
        # Every problem is in the error; a screenful of them is not read, so
        # the line shows the first few and how many more there are.
        shown = [str(p) for p in exc.exceptions[:_SHOWN_PROBLEMS]]
        more = len(exc.exceptions) - len(shown)
        if more:
            shown.append(f"and {more} more problem{'s' if more > 1 else ''}")
        print(f"error: {exc.summary}: {'; '.join(shown)}", file=sys.stderr)
        return USAGE
    except MigrantConventionError as exc:
        first = str(exc).splitlines()
        print(f"error: {' '.join(line.strip() for line in first)}", file=sys.stderr)
        return USAGE

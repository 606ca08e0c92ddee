"""The entry point: builds the parser from the command modules, runs the command,
and turns the library's errors into one-line messages (exit status 2, or 3 for
an undecidable answer).  This is the only place that reads the clock (for
"today" when no ``--on`` is given).

Nothing ends in a traceback: text the terminal cannot encode is written as
backslash escapes; an answer that cannot be written (a full disk) is a one-line
error, exit status 74, and a reader that went away (``| head``) ends the
program silently, exit status 141, as a Unix tool killed by ``SIGPIPE``; any
other exception is a bug, told in one line, exit status 70.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import errno
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Protocol, TextIO, cast

from ..errors import MigrantConventionError
from . import _events, _instruments, _numbers, _states
from ._shared import (
    BROKEN_PIPE,
    INTERNAL,
    INTERRUPTED,
    OK,
    USAGE,
    WRITE_FAILED,
    Handler,
    Subparsers,
    error_line,
    internal_error_line,
)

__all__ = ["main"]

# Every module that adds commands.  Order = order in --help.
REGISTRARS: list[Callable[[Subparsers], None]] = [
    _numbers.register,
    _states.register,
    _events.register,
    _instruments.register,
]


def today() -> date:
    """The clock, read here and only here."""
    return date.today()


class _Writer(Protocol):
    def write(self, text: str, /) -> object: ...


class _WriteFailed(Exception):
    """Writing the answer failed: the disk is full, the reader went away."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _Output:
    """Where a command writes: *stream*, with its failures to write told apart
    from any other :class:`OSError` (they are :class:`_WriteFailed`).  A
    command only writes (``print``, :func:`json.dump`) and the entry point
    flushes."""

    def __init__(self, stream: _Writer | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:  # the program was started with stdout closed
            raise _WriteFailed(OSError(errno.EBADF, "standard output is closed"))
        try:
            self._stream.write(text)
        except OSError as exc:
            raise _WriteFailed(exc) from None
        return len(text)

    def flush(self) -> None:
        flush = getattr(self._stream, "flush", None)
        try:
            if flush is not None:
                flush()
        except OSError as exc:
            raise _WriteFailed(exc) from None


class _Parser(argparse.ArgumentParser):
    """A command's parser: a bad argument is one line, in the shape of every
    other error (``error: <message>``), exit status 2."""

    usage_on_error = False

    def error(self, message: str) -> None:  # type: ignore[override]
        if self.usage_on_error:
            self.print_usage(sys.stderr)
        self.exit(USAGE, f"error: {message}\n")

    def print_help(self, file: _Writer | None = None) -> None:
        # argparse drops a failure to write the help: a full disk is an error.
        _Output(file or sys.stdout).write(self.format_help())


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


@contextlib.contextmanager
def _escaping(stream: TextIO | None) -> Iterator[None]:
    """While it lasts, *stream* writes what its encoding cannot encode (an
    ASCII terminal, a lone surrogate read from a JSON file) as backslash
    escapes (``\\u0628``, ``\\ud800``) instead of failing."""
    errors = getattr(stream, "errors", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if errors in (None, "backslashreplace") or reconfigure is None:
        yield
        return
    try:
        reconfigure(errors="backslashreplace")
    except (OSError, ValueError):  # a stream already failing, or closed
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            reconfigure(errors=errors)


def _say(line: str) -> None:
    """Print *line* on standard error, if it can be written at all."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(line, file=sys.stderr)


def _write_failed(error: OSError, stream: TextIO | None) -> int:
    """The exit status once writing to *stream* failed with *error*, after
    saying so (a reader that went away is not told anything)."""
    if stream is not None and stream in (sys.stdout, sys.__stdout__):
        # The interpreter flushes stdout once more on exit: what is still in its
        # buffer goes to devnull rather than failing again, with a traceback.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
    if error.errno == errno.EPIPE:
        return BROKEN_PIPE
    _say(f"error: cannot write the output: {error.strerror or error}")
    return WRITE_FAILED


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    stream = sys.stdout if out is None else out
    with _escaping(stream), _escaping(sys.stderr):
        output = _Output(stream)
        try:
            # A command sees only what it needs of a stream: write (and flush).
            code = _run(argv, cast(TextIO, output))
            output.flush()
        except _WriteFailed as exc:
            return _write_failed(exc.error, stream)
        except KeyboardInterrupt:
            return INTERRUPTED
    return code


def _run(argv: Sequence[str] | None, out: TextIO) -> int:
    """Parse *argv*, run its command, writing to *out*; the exit status."""
    try:
        return _command(argv, out)
    except _WriteFailed:
        raise
    except MigrantConventionError as exc:
        message, code = error_line(exc)
        _say(f"error: {message}")
        return code
    except Exception as exc:  # a bug: one line all the same, not a traceback
        _say(f"error: {internal_error_line(exc)}")
        return INTERNAL


def _command(argv: Sequence[str] | None, out: TextIO) -> int:
    parser, sub = _build()
    argv = list(sys.argv[1:] if argv is None else argv)
    # The program's only option is --help: a first argument that is not an
    # option is the command.
    commands = list(sub.choices or ())
    if argv and not argv[0].startswith("-") and argv[0] not in commands:
        parser.print_usage(sys.stderr)
        _say(f"error: {unknown_command(argv[0], commands)}")
        return USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a bad argument (already told)
        status = exc.code
        return status if isinstance(status, int) else OK if status is None else USAGE
    if "on" in args and args.on is None:  # a command answering for a date, given none
        args.on = today()
    handler: Handler = args.handler
    return handler(args, out)

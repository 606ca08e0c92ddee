"""What the command modules share: exit statuses and error messages, argument
types and options, where the record and the universe come from, how an
answer is written (JSON, and the notes a reader needs).

This module imports no command module; every command module imports it.  It
does not read the clock: :mod:`._main` fills in ``--on`` when it is not given.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO, TypeAlias, TypeVar

from .. import data
from ..core.dates import Resolve, as_resolve, parse_date
from ..core.record import TreatyRecord
from ..core.universe import Universe
from ..errors import (
    InvalidDateError,
    MigrantConventionError,
    Problem,
    UndecidableError,
    UnsupportedFormatError,
    ValidationError,
)
from ..formats.csvio import read_universe
from ..formats.serialize import from_json
from ..formats.untc import read_table

T = TypeVar("T")

# -- exit statuses and error messages ----------------------------------------------

OK, USAGE, UNDECIDABLE = 0, 2, 3
_SHOWN_PROBLEMS = 5  # problems printed on the one error line

#: What a command runs: the parsed arguments and where to write; the exit status.
Handler = Callable[[argparse.Namespace, TextIO], int]
#: What each command module's ``register`` adds its commands to.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def error_line(exc: MigrantConventionError) -> tuple[str, int]:
    """The one line (without ``error: ``) that tells the user what went wrong,
    and the exit status: 3 for an undecidable answer, else 2."""
    if isinstance(exc, UndecidableError):
        return str(exc).replace(
            "Pass resolve='earliest' or resolve='latest' to choose.",
            "Give --resolve earliest or --resolve latest to choose.",
        ), UNDECIDABLE
    if isinstance(exc, ValidationError):
        # Every problem is in the error; a screenful of them is not read, so
        # the line shows the first few and how many more there are.
        shown = [problem_text(p) for p in exc.problems[:_SHOWN_PROBLEMS]]
        more = len(exc.problems) - len(shown)
        if more:
            shown.append(f"and {more} more problem{'s' if more > 1 else ''}")
        return _one_line(f"{exc.summary}: {'; '.join(shown)}"), USAGE
    if isinstance(exc, Problem):
        return _one_line(problem_text(exc)), USAGE
    return _one_line(str(exc)), USAGE


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines())


def problem_text(problem: Problem) -> str:
    """``location: message``, and the value as written when the message does
    not already quote it.

    ``str(problem)`` always ends with ``(value: ...)``, which repeats what a
    message like "no bundled campaign matches 'Global Compact'" already says.

    >>> problem_text(Problem("NAME", "Mars", "no campaign matches 'Mars'"))
    "NAME: no campaign matches 'Mars'"
    >>> problem_text(Problem("row 3, column 'date'", "8 Mar 199", "not a date"))
    "row 3, column 'date': not a date (value: '8 Mar 199')"
    """
    text = f"{problem.location}: {problem.message}"
    return text if _quotes(text, problem.value) else f"{text} (value: {problem.value!r})"


def _quotes(text: str, value: object) -> bool:
    """Whether *text* already shows *value*: its repr (``'Mars'``), or, for a
    value that is not text, its repr or str as a whole word (``-1``, not the
    ``1`` of ``row 12``)."""
    if isinstance(value, str):
        return repr(value) in text
    return any(re.search(rf"(?<![\w.-]){re.escape(shown)}(?![\w.])", text)
               for shown in {repr(value), str(value)} if shown)


# -- arguments ---------------------------------------------------------------------

RECORD_HELP = (
    "answer from this record instead of the bundled Migrant Workers Convention: a .json "
    "file written by serialize.to_json, or a .csv status table of the UN Treaty Collection "
    "(deposits only: nobody is counted in force)"
)
UNIVERSE_HELP = (
    "the States to count instead of the bundled universe: a .csv file in the format of "
    "csvio.write_universe, or a .json file written by serialize.to_json"
)


def date_arg(text: str) -> date:
    """argparse type for YYYY-MM-DD, with the library's error message."""
    try:
        return parse_date(text)
    except InvalidDateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_source_options(p: argparse.ArgumentParser) -> None:
    """``--record`` and ``--universe``: answer from files instead of the bundled data."""
    p.add_argument("--record", metavar="FILE", type=Path, help=RECORD_HELP)
    p.add_argument("--universe", metavar="FILE", type=Path, help=UNIVERSE_HELP)


def add_answer_options(p: argparse.ArgumentParser) -> None:
    """``--on``, ``--resolve``, ``--record`` and ``--universe``: what a question
    about a date is answered from."""
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD",
                   help="the date to answer for (default: today)")
    p.add_argument("--resolve", choices=["earliest", "latest"],
                   help="how to treat dates known only to the month, year, or as "
                   "'on or before' when the answer depends on them (default: refuse)")
    add_source_options(p)


def resolve_of(args: argparse.Namespace) -> Resolve:
    """The policy given with ``--resolve``; strict when none is given."""
    return as_resolve(args.resolve or "strict")


# -- the record and the universe ---------------------------------------------------

def _read(path: Path, option: str, formats: tuple[str, ...]) -> tuple[str, str]:
    """The text of *path* and its format (its suffix), or a ValidationError
    naming the file and what is wrong with it."""
    suffix = path.suffix.lower()
    if suffix not in formats:
        raise ValidationError(f"cannot read {option}", [Problem(
            str(path), path.suffix or path.name,
            f"{option} takes a file ending in {' or '.join(formats)}", "bad-format")])
    try:
        return path.read_text(encoding="utf-8-sig"), suffix
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
    raise ValidationError(f"cannot read {option}",
                          [Problem(str(path), path.name, reason, "unreadable")])


def _json(text: str, path: Path, cls: type[T]) -> T:
    try:
        return from_json(text, cls)
    except ValidationError as exc:  # its locations are JSON paths: say which file
        raise ValidationError(f"{path}: {exc.summary}", exc.problems) from None
    except UnsupportedFormatError as exc:
        raise UnsupportedFormatError(f"{path}: {exc}") from None


def record_of(args: argparse.Namespace) -> TreatyRecord:
    """The record given with ``--record``, or the bundled Convention's."""
    path: Path | None = getattr(args, "record", None)
    if path is None:
        return data.icrmw()
    text, suffix = _read(path, "--record", (".json", ".csv"))
    if suffix == ".json":
        return _json(text, path, TreatyRecord)
    return read_table(text, str(path))


def universe_of(args: argparse.Namespace) -> Universe:
    """The universe given with ``--universe``, or the bundled one."""
    path: Path | None = getattr(args, "universe", None)
    if path is None:
        return data.states()
    text, suffix = _read(path, "--universe", (".csv", ".json"))
    if suffix == ".json":
        return _json(text, path, Universe)
    return Universe(read_universe(text, str(path)))


def sources(args: argparse.Namespace) -> tuple[TreatyRecord, Universe]:
    """The record and the universe a command answers from."""
    return record_of(args), universe_of(args)


# -- writing answers ---------------------------------------------------------------

IN_FORCE_UNKNOWN = ("Entry into force is not known from this record (its treaty's rules are "
                    "not given): nobody is counted as in force.")
NO_AS_OF = ("The record gives no 'as of' date: acts after it was compiled are missing, and "
            "the answer may be out of date.")


def dump_json(value: object, out: TextIO) -> None:
    """*value* as indented JSON (non-ASCII kept), and a newline."""
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def notes(record: TreatyRecord, on: date, resolve: Resolve, *, as_of: bool = True
          ) -> list[str]:
    """What a reader must know to read an answer right."""
    found = []
    if record.treaty.rules.entry_into_force is None:
        found.append(IN_FORCE_UNKNOWN)
    # A treaty read from a UN Treaty Collection table has a placeholder
    # adoption date (untc.deposit_only_treaty): say nothing of it.
    known_adoption = bool(record.treaty.title or record.treaty.depositary)
    if known_adoption and on < record.treaty.adopted:
        found.append(f"The treaty was adopted on {record.treaty.adopted.isoformat()}: "
                     "before that no State could act under it.")
    if resolve is not Resolve.STRICT:
        found.append(f"Dates known only to the month, year or as 'on or before' are read at "
                     f"their {resolve.value} possible day (--resolve {resolve.value}).")
    if record.as_of is not None and (as_of or on > record.as_of):
        later = " (later acts are not in the data)" if on > record.as_of else ""
        found.append(f"Data as of {record.as_of.isoformat()}{later}.")
    elif record.as_of is None:
        found.append(NO_AS_OF)
    return found

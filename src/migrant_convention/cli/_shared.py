"""What the command modules share: exit statuses and error messages, argument
types and options, where the record and the universe come from, how an
answer is written (JSON, and the notes a reader needs).

This module imports no command module; every command module imports it.  It
does not read the clock: :mod:`._main` fills in ``--on`` when it is not given.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO, TypeAlias, TypeVar

from .. import data
from ..core.dates import Resolve, as_resolve, parse_date
from ..core.record import TreatyRecord
from ..core.status import status, statuses
from ..core.status_types import Status
from ..core.universe import Universe
from ..core.validate import notices, problems
from ..errors import (
    InvalidDateError,
    MigrantConventionError,
    Problem,
    UndecidableError,
    UnknownTreatyError,
    UnsupportedFormatError,
    ValidationError,
    raise_if_problems,
)
from ..formats.csvio import read_universe
from ..formats.serialize import from_json
from ..formats.untc import SOURCE as UNTC_SOURCE
from ..formats.untc import parse_table
from ..places.names import short_name

T = TypeVar("T")

# -- exit statuses and error messages ----------------------------------------------

OK, USAGE, UNDECIDABLE = 0, 2, 3
#: A bug (sysexits' EX_SOFTWARE): an exception that is not the library's error.
INTERNAL = 70
#: The answer could not be written (sysexits' EX_IOERR): a full disk, say.
WRITE_FAILED = 74
#: Interrupted (Ctrl-C), and the reader of the output gone (``| head``): 128 + the
#: signal's number, as for a program the signal ends.
INTERRUPTED, BROKEN_PIPE = 130, 141
_SHOWN_PROBLEMS = 5  # problems printed on the one error line
_SHOWN_DETAIL = 200  # characters of an unexpected exception's message

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


def internal_error_line(exc: BaseException) -> str:
    """The one line (without ``error: ``) for an exception that is none of the
    library's errors: a bug, to be reported, not a traceback.

    >>> internal_error_line(ValueError("year 10000 is out of range"))
    'internal error (ValueError: year 10000 is out of range); please report it'
    """
    detail = _one_line(str(exc))
    if len(detail) > _SHOWN_DETAIL:
        detail = detail[:_SHOWN_DETAIL] + "..."
    name = type(exc).__name__
    return f"internal error ({name}: {detail}); please report it" if detail \
        else f"internal error ({name}); please report it"


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
    if problem.value == problem.location or _quotes(text, problem.value):
        return text  # e.g. a file that cannot be read, named by its path
    return f"{text} (value: {problem.value!r})"


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
    "(read with the bundled final clauses of its treaty, known by the file's name, e.g. "
    "4-11.csv for the CRC; for other treaties deposits only: nobody is counted in force)"
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
    p.add_argument("--treaty", metavar="ID",
                   help="answer for a bundled record instead of the Migrant Workers "
                   "Convention: IV-13 (ICRMW), or the ILO's C097, C143, C189; with --record "
                   "TABLE.csv, read the table with the bundled final clauses of ID (IV-11 or "
                   "CRC, any of the core UN human-rights treaties and protocols), whatever "
                   "the file's name")
    p.add_argument("--universe", metavar="FILE", type=Path, help=UNIVERSE_HELP)
    p.add_argument("--unchecked", action="store_true",
                   help="read --record FILE as it is: skip the checks only a whole record "
                   "allows (a second consent, an act before adoption or outside the universe); "
                   "its cells are still checked")


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

#: The largest file ``--record`` or ``--universe`` reads: 64 MiB.
MAX_FILE_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_BOM = b"\xef\xbb\xbf"
# Open without waiting for a writer (a FIFO), without taking a terminal, not
# inherited; binary on Windows.  Flags a platform lacks are 0.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _unreadable(path: Path, option: str, reason: str, code: str = "unreadable"
                ) -> ValidationError:
    return ValidationError(f"cannot read {option}", [Problem(str(path), str(path), reason, code)])


def _not_regular(mode: int) -> str | None:
    """Why a file of *mode* is not read (it is not a regular file), or ``None``."""
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    kind = next((name for test, name in kinds if test(mode)), "not a regular file")
    return f"{kind}, not a regular file: only a regular file is read"


def _too_large(size: int) -> str:
    return (f"{size:,} bytes, larger than the limit of {MAX_FILE_BYTES:,} bytes "
            f"({MAX_FILE_BYTES // (1024 * 1024)} MiB)")


def read_bounded(path: Path, option: str) -> bytes:
    """The bytes of *path*, a regular file of at most :data:`MAX_FILE_BYTES`,
    or a :class:`ValidationError` naming the file and what is wrong with it.

    A device, FIFO, socket or directory is refused before anything is read
    (``/dev/zero`` would never end; a FIFO would wait for a writer forever);
    the check is made on the opened descriptor (:func:`os.fstat`), so a file
    swapped after a first look is caught too.  No more than the limit (and one
    byte, to tell a file that grew) is ever read.
    """
    try:
        raw, why, code = _read_regular(path)
    except OSError as exc:
        raw, why, code = b"", exc.strerror or type(exc).__name__, "unreadable"
    except ValueError:  # a name with a NUL character
        raw, why, code = b"", "not a valid file name", "unreadable"
    if why is not None:
        raise _unreadable(path, option, why, code)
    return raw


def _read_regular(path: Path) -> tuple[bytes, str | None, str]:
    """The bytes of *path*, or why they are not read and the problem's code."""
    # A first look, following links, so that a device is not even opened
    # (opening some has side effects); the check that counts is the second.
    why = _not_regular(os.stat(path).st_mode)
    if why is not None:
        return b"", why, "not-a-file"
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        why = _not_regular(info.st_mode)
        if why is not None:
            return b"", why, "not-a-file"
        if info.st_size > MAX_FILE_BYTES:
            return b"", _too_large(info.st_size), "too-large"
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(_CHUNK, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:  # it grew while being read
        return b"", _too_large(size), "too-large"
    return b"".join(chunks), None, ""


def decode_utf8(raw: bytes, path: Path, option: str) -> str:
    """*raw* as UTF-8 text, strictly, without a leading byte-order mark; a bad
    byte is an error giving its offset in the file."""
    start = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _unreadable(path, option, f"not UTF-8 text ({exc.reason} at byte "
                          f"{start + exc.start})", "not-utf8") from None


def _read(path: Path, option: str, formats: tuple[str, ...]) -> tuple[str, str]:
    """The text of *path* and its format (its suffix), or a ValidationError
    naming the file and what is wrong with it."""
    suffix = path.suffix.lower()
    if suffix not in formats:
        raise ValidationError(f"cannot read {option}", [Problem(
            str(path), path.suffix or path.name,
            f"{option} takes a file ending in {' or '.join(formats)}", "bad-format")])
    return decode_utf8(read_bounded(path, option), path, option), suffix


def _json(text: str, path: Path, cls: type[T]) -> T:
    """*text*, from *path*, read as *cls*.  A record is read without the checks
    of a whole record (``validate=False``): :func:`_checked` makes them, with
    the universe in use, as for a UN table."""
    try:
        return from_json(text, cls, validate=False)
    except ValidationError as exc:  # its locations are JSON paths: say which file
        raise ValidationError(f"{path}: {exc.summary}", exc.problems) from None
    except UnsupportedFormatError as exc:
        raise UnsupportedFormatError(f"{path}: {exc}") from None


def _checked(record: TreatyRecord, universe: Universe, path: Path,
             locations: Sequence[str], *, chosen: bool,
             found_already: Sequence[Problem] = ()) -> TreatyRecord:
    """*record*, read from *path*, if the checks only a whole record allows
    (:func:`~migrant_convention.core.validate.problems`: a second consent by
    one State, an act before the treaty's adoption, an act of a State when it
    was not in the universe in use, ...) find nothing; else every problem, at
    once.

    The readers are asked not to make these checks (they would make them
    without the universe in use), so each problem is reported once, in the
    same words whatever the file's format.  A universe the user *chose*
    (``--universe``) is the States to count: an act of a State it leaves out
    altogether is not counted, as with the bundled record, rather than refused.
    *found_already* are the record's problems its reader found (a UN table's
    participant listed twice), reported first.
    """
    found = [*found_already, *problems(record, universe, locations=locations)]
    if chosen:
        left_out = tuple(f"{locations[i]}, " for i, act in enumerate(record.acts)
                         if not any(c in universe for c in universe.lineage(act.participant)))
        found = [p for p in found
                 if not (p.code == "outside-universe" and p.location.startswith(left_out))]
    name = record.treaty.short_name or record.treaty.id
    hint = "--unchecked reads it as it is"
    # The UN's tables list acts the universe of States does not count as a
    # State's, before the State is in it (the UN Council for Namibia's, the
    # Charter's ratifications before 24 October 1945): say what --unchecked
    # does with them.
    if found and all(p.code == "outside-universe" for p in found) and {
            p.location for p in found} <= _before_the_universe(record, universe, locations):
        hint = ("acts dated before their State is in the universe of States; --unchecked "
                "reads it as it is, each act counting from the day its State is in it")
    raise_if_problems(f"{path}: invalid record of {name} ({hint})", found)
    return record


def _before_the_universe(record: TreatyRecord, universe: Universe,
                         locations: Sequence[str]) -> set[str]:
    """The locations of the dates of acts before their State is in *universe*."""
    return {f"{locations[i]}, field 'date'" for i, act in enumerate(record.acts)
            if act.date.bounded(record.treaty.adopted)[1] < min(
                (p.start for p in universe.lineage_periods(act.participant)), default=date.min)}


def record_of(args: argparse.Namespace, universe: Universe | None = None) -> TreatyRecord:
    """The record given with ``--record``, checked against *universe* (default:
    the one given with ``--universe``), or the bundled Convention's."""
    path: Path | None = getattr(args, "record", None)
    treaty: str | None = getattr(args, "treaty", None)
    if treaty is not None and path is None:
        return _bundled_record(treaty)
    if path is None:
        return data.icrmw()
    text, suffix = _read(path, "--record", (".json", ".csv"))
    # --treaty with a UN table: read it with that treaty's final clauses
    # (its file name need not be the UN's: "4-11 (1).csv", "crc.csv").
    clauses = data.treaty(treaty) if treaty is not None else None
    if clauses is not None and suffix == ".json":
        raise MigrantConventionError(
            f"--treaty {treaty} gives the final clauses of a UN Treaty Collection table "
            f"(.csv); {path} is a JSON record, which carries its own")
    if universe is None:
        universe = universe_of(args)
    chosen = getattr(args, "universe", None) is not None
    unchecked = bool(getattr(args, "unchecked", False))
    if suffix == ".json":
        record = _json(text, path, TreatyRecord)
        if unchecked:
            return record
        return _checked(record, universe, path, [f"$.acts[{i}]" for i in range(len(record.acts))],
                        chosen=chosen)
    # A table of a treaty whose final clauses are bundled is read with them,
    # so that its entry into force and "in force" counts are known.
    # Without --treaty, the reader applies the bundled clauses of the table's
    # UN id (untc.bundled_treaty), if any.
    reading = parse_table(text, str(path), treaty=clauses, validate=False)  # checked below
    raise_if_problems(f"invalid UN Treaty Collection table {path}", reading.all_problems)
    if unchecked:
        return reading.record
    return _checked(reading.record, universe, path, reading.locations, chosen=chosen,
                    found_already=reading.repeated)


def _bundled_record(treaty: str) -> TreatyRecord:
    """The bundled record ``--treaty`` names; for a treaty whose final
    clauses only are bundled, an error saying how to give its table."""
    try:
        return data.record(treaty)
    except UnknownTreatyError:
        try:
            known = data.treaty(treaty)
        except UnknownTreatyError:
            known = None
        if known is None:
            raise
        raise MigrantConventionError(
            f"no record of {known.short_name} ({known.id}) is bundled, only its final clauses: "
            f"give its UN Treaty Collection status table, --record FILE --treaty {treaty}"
            ) from None


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
    """The record and the universe a command answers from: the universe first,
    since a record read from a file is checked against it."""
    universe = universe_of(args)
    return record_of(args, universe), universe


# -- writing answers ---------------------------------------------------------------

IN_FORCE_UNKNOWN = ("Entry into force is not known from this record (its treaty's rules are "
                    "not given): nobody is counted as in force.")
NO_AS_OF = ("The record gives no 'as of' date: acts after it was compiled are missing, and "
            "the answer may be out of date.")


def dump_json(value: object, out: TextIO) -> None:
    """*value* as indented JSON (non-ASCII kept), and a newline."""
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


_SHOWN_FORMER = 4  # former States named in the note on a UN table's footnotes


def _former_without_acts(record: TreatyRecord, universe: Universe, on: date,
                         resolve: Resolve, code: str | None) -> list[str]:
    """States of *universe* on *on* that no longer exist and have no act in
    *record*, a UN table, by then (*code* only, if given): the UN's current
    tables keep their instruments in footnotes (Czechoslovakia's
    ratification of the CRC, the German Democratic Republic's of the ICCPR)."""
    if not record.sources or not record.sources[0].startswith(UNTC_SOURCE):
        return []

    def gone(c: str) -> bool:
        # Its code's periods have all ended.  A State its successor continues
        # counts too: the Socialist Federal Republic of Yugoslavia's 1971
        # ratification of the ICCPR is a footnote of the row of Serbia, whose
        # own date is its 2001 notification.
        return all(p.end is not None and p.end != date.max for p in universe.periods_of(c))

    try:
        if code is not None:
            found = {code: status(record, universe, code, on, resolve=resolve)}
        else:
            found = statuses(record, universe, on, resolve=resolve)
    except MigrantConventionError:  # undecidable: the answer says so already
        return []
    return [c for c, st in found.items() if st is Status.NO_ACTION and gone(c)]


def notes(record: TreatyRecord, on: date, resolve: Resolve, *, as_of: bool = True,
          universe: Universe | None = None, code: str | None = None) -> list[str]:
    """What a reader must know to read an answer right (about the State
    *code*, if the answer is about one)."""
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
    # A stated entry into force the acts do not give: the answer uses the
    # stated day, and the reader is told (never a silent override).
    found.extend(f"Note: {n.message}." for n in notices(record))
    former = [] if universe is None else _former_without_acts(record, universe, on, resolve,
                                                               code)
    if former:
        assert universe is not None
        named = ", ".join(f"{short_name(universe.name(c, on))} ({c})"
                          for c in former[:_SHOWN_FORMER])
        more = f" and {len(former) - _SHOWN_FORMER} more" if len(former) > _SHOWN_FORMER else ""
        found.append(
            f"Note: no act of {named}{more} is in this UN table by {on.isoformat()}. States "
            "that no longer exist appear in the UN's current tables only in footnotes, if they "
            "acted at all, so they are counted here as taking no action: see the table's "
            "footnotes.")
    return found

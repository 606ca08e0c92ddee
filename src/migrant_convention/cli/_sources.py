"""Where the command line's record and universe come from: the bundled data,
or files given with ``--record`` and ``--universe``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeVar

from .. import data
from ..core.record import TreatyRecord
from ..core.universe import Universe
from ..errors import Problem, UnsupportedFormatError, ValidationError

T = TypeVar("T")

RECORD_HELP = (
    "answer from this record instead of the bundled Migrant Workers Convention: a .json "
    "file written by serialize.to_json, or a .csv status table of the UN Treaty Collection "
    "(deposits only: nobody is counted in force)"
)
UNIVERSE_HELP = (
    "the States to count instead of the bundled universe: a .csv file in the format of "
    "csvio.write_universe, or a .json file written by serialize.to_json"
)


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--record", metavar="FILE", type=Path, help=RECORD_HELP)
    p.add_argument("--universe", metavar="FILE", type=Path, help=UNIVERSE_HELP)


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
    from ..formats.serialize import from_json

    try:
        return from_json(text, cls)
    except ValidationError as exc:  # its locations are JSON paths: say which file
        raise ValidationError(f"{path}: {exc.summary}", exc.problems) from None
    except UnsupportedFormatError as exc:
        raise UnsupportedFormatError(f"{path}: {exc}") from None


def record_of(args: argparse.Namespace) -> TreatyRecord:
    path: Path | None = getattr(args, "record", None)
    if path is None:
        return data.icrmw()
    text, suffix = _read(path, "--record", (".json", ".csv"))
    if suffix == ".json":
        return _json(text, path, TreatyRecord)
    from ..formats.untc import read_table

    return read_table(text, str(path))


def universe_of(args: argparse.Namespace) -> Universe:
    path: Path | None = getattr(args, "universe", None)
    if path is None:
        return data.states()
    text, suffix = _read(path, "--universe", (".csv", ".json"))
    if suffix == ".json":
        return _json(text, path, Universe)
    from ..formats.csvio import read_universe

    return Universe(read_universe(text, str(path)))


def sources(args: argparse.Namespace) -> tuple[TreatyRecord, Universe]:
    """The record and the universe a command answers from."""
    return record_of(args), universe_of(args)

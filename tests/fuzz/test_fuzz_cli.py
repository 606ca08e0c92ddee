"""The command line under attack: any bytes, mutated real files (the bundled
record and universe as JSON and CSV, the 2015 UN tables) behind ``--record``
and ``--universe``, to ``numbers``, ``status`` and ``timeline``.

The command answers (exit 0), refuses in one line (2, or 3 for an undecidable
answer); never a traceback, never an internal error (70), and every line it
writes on standard error is printable.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from fuzzing import TABLES, edits, examples, mutate, printable, table, to_bytes
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention.cli import main
from migrant_convention.formats import csvio, serialize

COMMANDS = st.sampled_from(["numbers", "status", "timeline"])


def _run(name: str, content: bytes, command: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        option = "--universe" if name.startswith("universe") else "--record"
        argv = [command, *(["ALB"] if command != "numbers" else []), option, str(path)]
        if command != "timeline":
            argv += ["--on", "2014-12-18"]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(argv, out=out)
    message = err.getvalue()
    assert code in (0, 2, 3), (code, message)
    assert "Traceback" not in message
    assert printable(message), repr(message)
    if code:
        assert message.count("\n") == 1, repr(message)


def _real(name: str) -> str:
    if name == "record.json":
        return serialize.to_json(mc.data.icrmw())
    if name == "universe.json":
        return serialize.to_json(mc.data.states())
    return csvio.write_universe(list(mc.data.states().periods))


@examples(0.5)
@given(st.sampled_from(["record.json", "table.csv", "universe.csv", "universe.json"]),
       st.binary(max_size=300), COMMANDS)
def test_any_bytes_behind_an_option(name: str, content: bytes, command: str) -> None:
    _run(name, content, command)


@examples(0.5)
@given(st.sampled_from(["record.json", "universe.json", "universe.csv"]), edits(), COMMANDS)
def test_mutated_real_files_behind_an_option(name: str, changes: list[tuple[str, int, int, str]],
                                             command: str) -> None:
    _run(name, to_bytes(mutate(_real(name), changes)), command)


@examples(0.5)
@given(st.sampled_from(TABLES), edits(), COMMANDS)
def test_mutated_un_tables_behind_record(path: Path, changes: list[tuple[str, int, int, str]],
                                         command: str) -> None:
    _run("table.csv", to_bytes(mutate(table(path), changes)), command)

"""The command line under attack (issue 12): whatever the file given with
``--record`` or ``--universe``, whatever the terminal's encoding, whatever
happens to standard output, it answers or ends with one line on standard
error and a documented exit status, never a traceback and never a hang.

Where the terminal, the encoding or the disk matter the program runs in a
subprocess, through ``python -m migrant_convention`` and the installed
``migrant-convention`` script, with a timeout: a hang is a failure, not a
stuck suite.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import io
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention import csvio, serialize
from migrant_convention.cli import _shared, main

TIMEOUT = 60  # seconds: far more than any answer takes; a hang fails the test
SCRIPT = shutil.which("migrant-convention", path=str(Path(sys.executable).parent))
HEADER = 'Participant,"Signature, Succession to signature(d)",' \
         '"Ratification, Accession(a), Succession(d)"\n'


def cli(*args: str, env: dict[str, str] | None = None, script: bool = False,
        **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run the command line in a new interpreter (or the installed script);
    text decoded leniently, so that what it wrote is seen as written."""
    command = [SCRIPT] if script and SCRIPT else [sys.executable, "-m", "migrant_convention"]
    environ = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG")}
    kwargs.setdefault("stdout", subprocess.PIPE)
    done = subprocess.run([*command, *args], env={**environ, **(env or {})},
                          stderr=subprocess.PIPE, timeout=TIMEOUT, check=False, **kwargs)
    out = done.stdout.decode("utf-8", "replace") if done.stdout else ""
    err = done.stderr.decode("utf-8", "replace")
    return subprocess.CompletedProcess(done.args, done.returncode, out, err)


def one_line(err: str) -> str:
    """The one error line on standard error, checked to be the only line and
    no traceback."""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    return lines[0]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    (tmp_path / "icrmw.json").write_text(serialize.to_json(mc.data.icrmw()), encoding="utf-8")
    return tmp_path


@contextlib.contextmanager
def in_dir(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


# -- files are read bounded --------------------------------------------------------

@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize(("option", "name"), [("--record", "r.json"), ("--universe", "u.csv"),
                                              ("--universe", "u.json")])
def test_a_device_behind_a_link_is_refused_unread(
    tmp_path: Path, device: str, option: str, name: str
) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    (tmp_path / name).symlink_to(device)
    done = cli("numbers", option, str(tmp_path / name))
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert f"{tmp_path / name}: a character device, not a regular file" in line


@pytest.mark.parametrize("option", ["--record", "--universe"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path, option: str) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "r.json"
    os.mkfifo(fifo)
    done = cli("numbers", option, str(fifo))  # the timeout fails a hang
    assert done.returncode == 2
    assert "a FIFO (named pipe), not a regular file" in one_line(done.stderr)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    with in_dir(tmp_path), socket.socket(socket.AF_UNIX) as sock:  # a short name
        sock.bind("s.json")
        done = cli("numbers", "--universe", "s.json")
    assert done.returncode == 2
    assert "s.json: a socket, not a regular file" in one_line(done.stderr)


def test_a_directory_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.csv").mkdir()
    assert run("timeline", "ALB", "--universe", str(tmp_path / "d.csv")) == (2, "")
    assert "d.csv: a directory, not a regular file" in one_line(capsys.readouterr().err)


def test_a_file_over_the_limit_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:  # 100 MB, sparse: nothing to read but zeros
        f.truncate(100 * 1024 * 1024)
    done = cli("numbers", "--record", str(big))
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert "104,857,600 bytes, larger than the limit of 67,108,864 bytes (64 MiB)" in line


def test_the_limit_is_a_number_of_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_shared, "MAX_FILE_BYTES", 8)
    path = tmp_path / "r.json"
    path.write_bytes(b"12345678")
    assert _shared.read_bounded(path, "--record") == b"12345678"
    path.write_bytes(b"123456789")
    with pytest.raises(mc.ValidationError, match="9 bytes, larger than the limit of 8 bytes"):
        _shared.read_bounded(path, "--record")


@pytest.mark.parametrize(("raw", "offset"), [
    (b'{"a": "\xff"}', 7),
    (b'\xef\xbb\xbf{"a": "\xff"}', 10),  # the offset in the file, byte-order mark included
    (b'{"a": "\xed\xa0\x80"}', 7),  # an encoded lone surrogate is not UTF-8
    (b'{"a": "\xc3"}', 7),
])
def test_text_that_is_not_utf8_is_located_by_its_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, offset: int
) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(raw)
    assert run("numbers", "--record", str(path)) == (2, "")
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"error: cannot read --record: {path}: not UTF-8 text (")
    assert line.endswith(f" at byte {offset})")


def test_a_byte_order_mark_is_not_data(saved: Path) -> None:
    text = (saved / "icrmw.json").read_bytes()
    (saved / "bom.json").write_bytes(b"\xef\xbb\xbf" + text)
    assert run("numbers", "--on", "2014-12-18", "--json", "--record", str(saved / "bom.json")) \
        == run("numbers", "--on", "2014-12-18", "--json")


# -- every record read is checked, with the universe in use -------------------------

def _act(participant: str, kind: str, when: str) -> dict[str, object]:
    return {"participant": participant, "kind": kind, "date": when, "article": None,
            "sources": [], "note": "", "listed_as": ""}


def _record_with(saved: Path, *acts: dict[str, object]) -> Path:
    data = json.loads((saved / "icrmw.json").read_text(encoding="utf-8"))
    data["acts"] += list(acts)
    path = saved / "changed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_json_record_gets_the_whole_record_checks_all_at_once(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    n = len(mc.data.icrmw().acts)
    path = _record_with(saved, _act("ALB", "ratification", "2010-01-01"),  # bound since 2007
                        _act("FRA", "signature", "1980-01-01"),  # before the adoption
                        _act("CSK", "signature", "2005-01-01"))  # it ceased in 1992
    assert run("numbers", "--on", "2014-12-18", "--record", str(path)) == (2, "")
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"error: {path}: invalid record of ICRMW "
                           "(--unchecked reads it as it is): ")
    assert f"$.acts[{n}], field 'action': ALB ratification: a second consent to be bound" in line
    assert f"$.acts[{n + 1}], field 'date': FRA signature: dated before the treaty was " \
           "adopted (1990-12-18)" in line
    assert f"$.acts[{n + 2}], field 'date': CSK signature: the State (or one it continues) " \
           "is not in the universe of States then" in line
    # Each problem once, whoever found it (the reader, or the command line).
    assert line.count("dated before the treaty was adopted") == 1


def test_a_record_is_checked_against_the_universe_given(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A universe where Albania's membership starts in 2010: its 2007 accession
    # was made when it was not a State of that universe.
    periods = [attrs.evolve(p, start=date(2010, 1, 1)) if p.code == "ALB" else p
               for p in mc.data.states().periods if p.code != "ALB" or p.end is None]
    (saved / "late.csv").write_text(csvio.write_universe(periods), encoding="utf-8")
    code, _ = run("numbers", "--record", str(saved / "icrmw.json"),
                  "--universe", str(saved / "late.csv"))
    assert code == 2
    line = one_line(capsys.readouterr().err)
    assert "$.acts[0], field 'date': ALB accession: the State (or one it continues) is not " \
           "in the universe of States then" in line
    # The same record against the bundled universe is fine.
    assert run("numbers", "--record", str(saved / "icrmw.json"))[0] == 0


def test_a_chosen_universe_counts_its_states_only(saved: Path) -> None:
    # --universe is the denominator: a record's acts by States it leaves out
    # are not counted, not refused, as with the bundled record.
    periods = [p for p in mc.data.states().periods if p.code in {"MEX", "SLV", "USA", "FRA"}]
    (saved / "four.csv").write_text(csvio.write_universe(periods), encoding="utf-8")
    args = ("numbers", "--on", "2014-12-18", "--json", "--universe", str(saved / "four.csv"))
    bundled = run(*args)
    assert bundled[0] == 0
    assert run(*args, "--record", str(saved / "icrmw.json")) == bundled


def test_a_untc_table_is_checked_with_its_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "4-13.csv"
    path.write_text(HEADER + "Czechoslovakia,1 Jan 2005,\nAlbania,,5 Jun 2007 a\n",
                    encoding="utf-8")
    assert run("numbers", "--record", str(path)) == (2, "")
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"error: {path}: invalid record of ICRMW "
                           f"(--unchecked reads it as it is): {path}, row 2, column ")
    assert "CSK signature: the State (or one it continues) is not in the universe" in line


def test_many_problems_are_the_first_five_and_a_count(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _record_with(saved, *(_act("FRA", "signature", f"198{i}-01-01") for i in range(8)))
    assert run("numbers", "--record", str(path)) == (2, "")
    line = one_line(capsys.readouterr().err)
    assert line.count("dated before the treaty was adopted") == 5
    assert line.endswith("; and 3 more problems")


# -- never a traceback -------------------------------------------------------------

def _surrogate_record(saved: Path) -> Path:
    data = json.loads((saved / "icrmw.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for p in data["participants"]:
        if p["code"] == "ALB":
            p["name"] = "Alb\ud800nia"
    path = saved / "surrogate.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # "\ud800", escaped in the JSON
    return path


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "ascii:strict", "utf-8:strict"])
def test_what_the_terminal_cannot_encode_is_escaped(encoding: str) -> None:
    done = cli("numbers", "--by", "group", "--lang", "ar", "--on", "2014-12-18",
               env={"PYTHONIOENCODING": encoding})
    assert (done.returncode, done.stderr) == (0, "")
    if encoding.startswith(("ascii", "latin")):
        assert "\\u" in done.stdout  # Arabic names, escaped
    # An error quoting what was typed, on standard error.
    done = cli("status", "\u00d1and\u00fa \u0628", env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 2
    one_line(done.stderr)


def test_a_lone_surrogate_read_from_json_is_refused_or_escaped(saved: Path) -> None:
    path = _surrogate_record(saved)
    for env in ({}, {"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C"}):
        for args in (["timeline", "ALB"], ["status", "ALB", "--on", "2010-01-01"]):
            done = cli(*args, "--record", str(path), env=env)
            if done.returncode:  # the JSON reader refuses it, at its place
                assert done.returncode == 2
                assert "$.participants[" in one_line(done.stderr)
            else:
                assert done.stderr == ""
                assert "Alb\\ud800nia" in done.stdout


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "latin-1"])
def test_a_lone_surrogate_in_an_answer_is_escaped(
    monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    # Whatever lets one through (the JSON reader refuses them now), it is
    # escaped, on a strict stream of any encoding, not fatal.
    monkeypatch.setattr("migrant_convention.cli._states.state_name",
                        lambda *args, **kwargs: "Alb\ud800nia \u0628")
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding, errors="strict")
    assert main(["status", "ALB", "--on", "2010-01-01"], out) == 0
    out.flush()
    assert raw.getvalue().startswith(b"Alb\\ud800nia ")
    assert out.errors == "strict"  # as it was


def test_an_undecodable_file_name_is_escaped_on_standard_error() -> None:
    name = os.fsdecode(b"\xff-missing.json")  # as the OS hands over such a name
    for env in ({}, {"LC_ALL": "C"}, {"PYTHONIOENCODING": "ascii:strict"}):
        done = cli("numbers", "--record", name, env=env)
        assert done.returncode == 2
        assert "-missing.json: No such file or directory" in one_line(done.stderr)


@pytest.mark.parametrize("script", [False, True])
def test_a_full_disk_is_a_one_line_error(script: bool) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    if script and SCRIPT is None:
        pytest.skip("the migrant-convention script is not installed")
    for args in (["numbers"], ["events", "--from", "1900", "--to", "2100", "--json"],
                 ["--help"], ["numbers", "--help"]):
        with open("/dev/full", "w", encoding="utf-8") as full:
            done = cli(*args, stdout=full, script=script)
        assert done.returncode == 74, args
        assert one_line(done.stderr) == "error: cannot write the output: No space left on device"


def test_a_closed_standard_output_is_a_one_line_error() -> None:
    done = cli("numbers", stdout=None, preexec_fn=lambda: os.close(1))
    assert done.returncode == 74
    assert one_line(done.stderr) == "error: cannot write the output: standard output is closed"


@pytest.mark.parametrize("script", [False, True])
def test_a_reader_that_goes_away_ends_the_program_silently(script: bool) -> None:
    if script and SCRIPT is None:
        pytest.skip("the migrant-convention script is not installed")
    command = [SCRIPT] if script and SCRIPT else [sys.executable, "-m", "migrant_convention"]
    # More output than a pipe holds, so that writing meets the closed pipe.
    with subprocess.Popen([*command, "events", "--from", "1900", "--to", "2100", "--json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        assert child.stdout.read(1) == b"["
        child.stdout.close()  # `| head -c 1`
        err = child.stderr.read().decode("utf-8", "replace")
        code = child.wait(timeout=TIMEOUT)
    assert (code, err) == (141, "")


def test_an_unexpected_exception_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("year 10000 is out of range\nsecond line")

    monkeypatch.setattr("migrant_convention.cli._numbers.counts", broken)
    assert run("numbers") == (70, "")
    assert one_line(capsys.readouterr().err) == (
        "error: internal error (ValueError: year 10000 is out of range second line); "
        "please report it")


@pytest.mark.parametrize("error", [MemoryError(), RecursionError("too deep"),
                                   OSError(errno.EIO, "Input/output error")])
def test_any_exception_of_a_command_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], error: Exception
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("migrant_convention.cli._states.timeline", broken)
    assert run("timeline", "ALB") == (70, "")
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"error: internal error ({type(error).__name__}")


def test_an_interrupt_is_exit_status_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("migrant_convention.cli._numbers.counts", interrupted)
    assert run("numbers") == (130, "")


def test_the_library_errors_keep_their_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("status", "Narnia") == (2, "")
    one_line(capsys.readouterr().err)
    assert run("numbers", "--on", "2024-11-15") == (3, "")
    one_line(capsys.readouterr().err)


# -- any bytes at all ---------------------------------------------------------------

@given(raw=st.binary(max_size=400), name=st.sampled_from(["r.json", "r.csv"]),
       option=st.sampled_from(["--record", "--universe"]))
def test_any_file_is_an_answer_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes, name: str, option: str
) -> None:
    path = tmp_path_factory.mktemp("any") / name
    path.write_bytes(raw)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code, _ = run("numbers", "--on", "2014-12-18", "--resolve", "latest", option, str(path))
    assert code in (0, 2), err.getvalue()
    if code:
        one_line(err.getvalue())


def test_unchecked_reads_a_real_table_whose_acts_precede_the_universe(
        capsys: pytest.CaptureFixture[str]) -> None:
    # The Charter's ratifications of September 1945 precede the bundled
    # universe (24 October 1945): refused whole by default, read with --unchecked.
    tables = Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties"
    table = tables / "1-1.csv"
    assert main(["numbers", "--on", "1946-01-01", "--record", str(table)]) == 2
    assert "--unchecked" in capsys.readouterr().err
    assert main(["numbers", "--on", "1946-01-01", "--record", str(table), "--unchecked"]) == 0
    assert "States parties" in capsys.readouterr().out

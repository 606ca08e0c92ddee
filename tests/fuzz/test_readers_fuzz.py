"""Every reader under attack: only the library's errors come out, located.

Arbitrary text, arbitrary JSON values and mutated real files (the bundled
data and the 2015 UN Treaty Collection tables) go to every reader and to the
command line.  A reader either returns a value or raises a subclass of
:class:`~migrant_convention.errors.MigrantConventionError` whose problems each
have a location and a message that any terminal can print; never
``ValueError``, ``KeyError``, ``RecursionError``, ``UnicodeEncodeError`` ….
The number of examples follows the Hypothesis profile (``ci`` in CI,
``thorough`` for a long run); the time per input size is measured by
``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrant_convention.cli import main
from migrant_convention.errors import MigrantConventionError, Problem, ValidationError
from migrant_convention.formats import csvio, event_csv, serialize, untc
from migrant_convention.places import regions

DATA = files("migrant_convention") / "_data"
TABLES = sorted((Path(__file__).resolve().parents[1] / "data" / "untc-2015" / "treaties")
                .glob("*.csv"))

Reader = Callable[[str], object]
READERS: dict[str, tuple[Reader, str]] = {
    "acts": (lambda t: csvio.read_acts(t, "acts.csv"), "icrmw_actions.csv"),
    "universe": (lambda t: csvio.read_universe(t, "universe.csv"), "states_universe.csv"),
    "events": (lambda t: event_csv.read_events(t, "events.csv"), "campaign_events.csv"),
    "m49": (lambda t: regions.read_m49(t, "m49.csv"), "m49_regions.csv"),
    "groups": (lambda t: regions.read_regional_groups(t, "groups.csv"),
               "un_regional_groups.csv"),
}
HOSTILE_CELLS = ["9999-12-31", "0000-01-01", "99999999999999999999999999", "\ud800", "\x00",
                 "=HYPERLINK(\"x\")", '"', '""', "'", "ＡＬＢ", "١٢٣", "-1", "", " ", "\n",
                 "[..9999-12-31]", "2024-02-30", "XX", "ORG-", "a" * 5000]


def _survives(read: Reader, text: str) -> None:
    try:
        read(text)
    except MigrantConventionError as exc:
        _check_error(exc)


def _check_error(exc: BaseException) -> None:
    str(exc).encode("utf-8", "backslashreplace")  # printable anywhere
    if isinstance(exc, ValidationError):
        for problem in exc.exceptions:
            assert isinstance(problem, Problem)
            assert problem.location, f"a problem without a location: {problem!r}"


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        elif op == 4:
            cells = lines[i].rstrip("\n").split(",")
            cells[rng.randrange(len(cells))] = rng.choice(HOSTILE_CELLS)
            lines[i] = ",".join(cells) + "\n"
        else:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + chr(rng.randrange(0x20, 0x3000)) + lines[i][k:]
    return "".join(lines)


@given(st.sampled_from(sorted(READERS)), st.text(max_size=400))
def test_csv_readers_take_any_text(name: str, text: str) -> None:
    _survives(READERS[name][0], text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(READERS)), st.randoms(use_true_random=False))
def test_csv_readers_take_mutated_real_files(name: str, rng: random.Random) -> None:
    read, file = READERS[name]
    text = (DATA / file).read_text(encoding="utf-8")
    _survives(read, _mutate(text, rng))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TABLES), st.randoms(use_true_random=False))
def test_un_tables_survive_mutation(path: Path, rng: random.Random) -> None:
    text = _mutate(path.read_text(encoding="utf-8"), rng)
    try:
        reading = untc.parse_table(text, path.name)
    except MigrantConventionError as exc:
        _check_error(exc)
        return
    for problem in reading.all_problems:
        assert problem.location


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=4),
    max_leaves=30)


@given(JSON, st.sampled_from([None, "TreatyRecord", "Universe"]))
def test_from_json_takes_any_json_value(value: object, kind: str | None) -> None:
    import migrant_convention as mc
    cls = {"TreatyRecord": mc.TreatyRecord, "Universe": mc.Universe}.get(kind or "")
    text = json.dumps(value)
    try:
        serialize.from_json(text, cls) if cls is not None else serialize.from_json(text)
    except MigrantConventionError as exc:
        _check_error(exc)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_from_json_takes_mutated_real_records(rng: random.Random) -> None:
    import migrant_convention as mc
    text = serialize.to_json(mc.data.icrmw())
    cut = rng.randrange(len(text))
    op = rng.randrange(3)
    if op == 0:
        text = text[:cut]
    elif op == 1:
        text = text[:cut] + rng.choice(HOSTILE_CELLS) + text[cut:]
    else:
        text = text.replace('"ALB"', json.dumps(rng.choice(HOSTILE_CELLS)), 1)
    try:
        serialize.from_json(text, mc.TreatyRecord)
    except MigrantConventionError as exc:
        _check_error(exc)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow,
                                                  HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["acts.json", "table.csv", "universe.csv", "universe.json"]),
       st.binary(max_size=300), st.sampled_from(["numbers", "status", "timeline"]))
def test_the_command_line_never_shows_a_traceback(tmp_path: Path, name: str, content: bytes,
                                                  command: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    option = "--universe" if name.startswith("universe") else "--record"
    argv = [command, *(["ALB"] if command != "numbers" else []), option, str(path)]
    if command != "timeline":
        argv += ["--on", "2014-12-18"]
    out, err = io.StringIO(), io.StringIO()
    import contextlib
    with contextlib.redirect_stderr(err):
        code = main(argv, out=out)
    assert code in (0, 2, 3), err.getvalue()
    assert "Traceback" not in err.getvalue()

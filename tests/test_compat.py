"""0.1's promise: every public name still imports from where it did.

``tests/data/api_0_1.json`` lists the ``__all__`` of every public module of
0.1, read from the 0.1 source (the commit is named in the file).  Each name
must still import from its 0.1 module path, and be the very object the
library now defines (an alias, not a copy).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import migrant_convention

API = json.loads((Path(__file__).parent / "data" / "api_0_1.json").read_text(encoding="utf-8"))
CASES = [(module, name) for module, names in sorted(API["modules"].items()) for name in names]


def test_the_snapshot_is_the_whole_0_1_api() -> None:
    assert len(API["modules"]) >= 25
    assert "migrant_convention.serialize" in API["modules"]
    assert "counts" in API["modules"]["migrant_convention"]


@pytest.mark.parametrize(("module", "name"), CASES)
def test_a_0_1_name_imports_from_its_0_1_path(module: str, name: str) -> None:
    if module == "migrant_convention.strategies":
        pytest.importorskip("hypothesis")
    old = importlib.import_module(module)
    value = getattr(old, name)
    # The same object through the package's façade, where it is public there.
    if name in migrant_convention.__all__ and module != "migrant_convention":
        assert getattr(migrant_convention, name) is value


def test_old_module_paths_are_the_new_modules() -> None:
    from migrant_convention.core import status
    from migrant_convention.formats import serialize

    assert importlib.import_module("migrant_convention.serialize") is serialize
    assert importlib.import_module("migrant_convention.status") is status
    # The package's function status is not replaced by the module of that name.
    assert callable(migrant_convention.status)
    assert not isinstance(migrant_convention.status, type(sys))


def test_importing_an_old_path_first_keeps_the_function() -> None:
    code = ("import migrant_convention.status\nimport migrant_convention.upcoming\n"
            "import migrant_convention as mc\n"
            "print(callable(mc.status), callable(mc.upcoming))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stdout.split() == ["True", "True"], done.stderr


def test_type_checkers_see_the_0_1_paths_too() -> None:
    # mypy --strict checks this file: these imports resolve through the stubs
    # (src/migrant_convention/<name>.pyi) of the 0.1 module paths, so a typed
    # program written for 0.1 type-checks unchanged.  At run time they are the
    # _compat aliases.
    from migrant_convention.csvio import read_acts
    from migrant_convention.formats import csvio, serialize, untc
    from migrant_convention.serialize import from_json, to_json
    from migrant_convention.untc import read_table

    assert (to_json, from_json, read_acts, read_table) == (
        serialize.to_json, serialize.from_json, csvio.read_acts, untc.read_table)
    src = Path(migrant_convention.__file__).parent
    stubs = sorted(p.stem for p in src.glob("*.pyi"))
    aliases = sorted(p.stem for p in (src / "_compat").glob("*.py"))
    assert stubs == aliases  # one stub for each 0.1 path

"""The public surface: explicit, complete, and free of import-time work."""

from __future__ import annotations

import subprocess
import sys
import types

import migrant_convention


def test_all_is_exactly_the_public_names() -> None:
    # Most names are imported on first use (PEP 562): resolve them all first,
    # so that the test does not depend on which tests ran before it.
    for name in migrant_convention.__all__:
        getattr(migrant_convention, name)
    public = {
        name for name, value in vars(migrant_convention).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    modules = {
        name for name, value in vars(migrant_convention).items()
        if isinstance(value, types.ModuleType) and not name.startswith("_")
    }
    declared = set(migrant_convention.__all__)
    assert public - declared - {"annotations"} == set()
    assert declared - public - modules == {"__version__"}
    assert list(migrant_convention.__all__) == sorted(migrant_convention.__all__)


def test_every_exported_name_resolves() -> None:
    for name in migrant_convention.__all__:
        assert getattr(migrant_convention, name) is not None


def test_submodules_declare_all() -> None:
    for name in ("acts", "dates", "errors", "participants", "record", "status", "status_types",
                 "treaty", "universe", "validate", "csvio", "data", "testing"):
        module = __import__(f"migrant_convention.{name}", fromlist=["__all__"])
        assert module.__all__, name
        for exported in module.__all__:
            assert hasattr(module, exported), f"{name}.{exported}"


def test_errors_subclass_the_base_and_builtins() -> None:
    from migrant_convention import errors

    for cls in (errors.InvalidDateError, errors.Problem, errors.UnsupportedFormatError):
        assert issubclass(cls, errors.MigrantConventionError)
        assert issubclass(cls, ValueError)
    for lookup in (errors.UnknownParticipantError, errors.NotInUniverseError):
        assert issubclass(lookup, errors.MigrantConventionError)
        assert issubclass(lookup, LookupError)
    assert issubclass(errors.ValidationError, ExceptionGroup)


def test_import_loads_no_data() -> None:
    code = (
        "import sys, migrant_convention, migrant_convention.data as d\n"
        "assert d.icrmw.cache_info().currsize == 0\n"
        "assert d.states.cache_info().currsize == 0\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_py_typed_is_shipped() -> None:
    from importlib.resources import files

    assert files("migrant_convention").joinpath("py.typed").is_file()


def test_dir_shows_the_public_names_only() -> None:
    shown = dir(migrant_convention)
    assert set(migrant_convention.__all__) <= set(shown)
    for private in ("annotations", "importlib", "_LAZY", "TYPE_CHECKING"):
        assert private not in shown

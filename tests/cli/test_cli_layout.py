"""The command line's modules stay layered: every import at the top of a module,
no circle, ``_shared`` under the command modules under ``_main``, and the
library reached only through its lower layers (issue 13)."""

from __future__ import annotations

import ast
from pathlib import Path

import migrant_convention.cli

CLI = Path(next(iter(migrant_convention.cli.__path__)))
PACKAGE = "migrant_convention"
MODULES = {p.stem: ast.parse(p.read_text(encoding="utf-8"), str(p))
           for p in sorted(CLI.glob("*.py"))}

# What each cli module may import from cli/.
SHARED = "_shared"
COMMANDS = {"_numbers", "_states", "_events", "_instruments"}
ALLOWED = {
    "__init__": {"_main"},
    "_main": COMMANDS | {SHARED},
    **{name: {SHARED} for name in COMMANDS},
    SHARED: set(),
}
# The library's packages below the command line.
LOWER = {"errors", "core", "places", "campaigns", "formats", "data"}


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The absolute names of the modules *node* imports (from a cli module)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        return [node.module or ""]
    base = [PACKAGE, "cli"][: 2 - (node.level - 1)]
    if node.module:
        return [".".join([*base, node.module])]
    # ``from . import a, b`` or ``from .. import data``: each name is a module.
    return [".".join([*base, alias.name]) for alias in node.names]


def _imports(tree: ast.Module) -> list[str]:
    return [name for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
            for name in _imported(node)]


def _cli_imports(tree: ast.Module) -> set[str]:
    prefix = f"{PACKAGE}.cli."
    return {name.removeprefix(prefix).split(".")[0] for name in _imports(tree)
            if name.startswith(prefix)}


def test_the_modules_are_the_expected_ones() -> None:
    assert set(MODULES) == set(ALLOWED)


def test_no_import_inside_a_function_or_class() -> None:
    found = []
    for name, tree in MODULES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
                found += [f"{name}.py:{inner.lineno}" for inner in ast.walk(node)
                          if isinstance(inner, ast.Import | ast.ImportFrom)]
    assert found == []


def test_imports_are_at_module_level() -> None:
    # Not inside ``if``/``try`` either: a module's imports are read at its top.
    for name, tree in MODULES.items():
        nested = {id(n) for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)}
        top = {id(n) for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)}
        assert nested == top, name


def test_each_module_imports_only_the_layers_below_it() -> None:
    for name, tree in MODULES.items():
        assert _cli_imports(tree) <= ALLOWED[name], name


def test_no_import_circle() -> None:
    graph = {name: _cli_imports(tree) for name, tree in MODULES.items()}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join([*path, name])
        if name in done:
            return
        for other in sorted(graph.get(name, ())):
            visit(other, (*path, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())


def test_the_library_is_reached_through_its_lower_layers() -> None:
    for name, tree in MODULES.items():
        for imported in _imports(tree):
            parts = imported.split(".")
            if parts[0] != PACKAGE or parts[1] == "cli":
                continue
            assert parts[1] in LOWER, (name, imported)


def test_main_is_the_only_public_name() -> None:
    assert migrant_convention.cli.__all__ == ["main"]
    assert all(name.startswith("_") or name == "__init__" for name in MODULES)

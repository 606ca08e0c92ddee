"""The package's architecture, kept: layers, no import circles, a small top.

Every import between the package's own modules — at module level, inside a
function, or for type checkers only — is an arrow.  No arrow may run from a
lower layer to a higher one, and the arrows may not form a circle.  See
``docs/explanation/architecture.md`` for what each layer holds.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import migrant_convention

PACKAGE = Path(migrant_convention.__file__).parent
NAME = "migrant_convention"

#: Low to high.  A module may import from its own layer and the layers below.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "_rows", "_bundled"}),  # foundation: no treaty concepts
    frozenset({"core"}),  # the treaty's law
    frozenset({"places"}),  # regions, groupings, names
    frozenset({"campaigns"}),  # events, campaigns, calendars
    frozenset({"formats"}),  # JSON, CSV, UN tables, tidy rows, iCalendar
    frozenset({"data"}),  # the bundled datasets
    frozenset({"testing"}),  # checks, recount, Hypothesis strategies
    frozenset({"cli"}),  # the command line
    frozenset({"__init__", "__main__", "_compat"}),  # the façade and 0.1's paths
)


def _unit(module: str) -> str:
    """The top-level unit of a dotted module name below the package."""
    return module.split(".")[1] if "." in module else "__init__"


def _layer(module: str) -> int:
    unit = _unit(module)
    for i, units in enumerate(LAYERS):
        if unit in units:
            return i
    raise AssertionError(f"{module} is in no layer: add its unit {unit!r} to LAYERS")


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join([NAME, *parts])] = path
    return out


MODULES = _modules()


def _imports(module: str, path: Path) -> set[str]:
    """The package's modules that *module* imports, anywhere in its source."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    if "_compat" in path.parts:  # 0.1's paths are modules directly below the package
        package = NAME
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names = [target] + [f"{target}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            # The longest prefix that is one of our modules.
            parts = name.split(".")
            for n in range(len(parts), 0, -1):
                candidate = ".".join(parts[:n])
                if candidate in MODULES:
                    # A module's own packages are being imported already.
                    if not module.startswith(candidate + ".") and candidate != module:
                        found.add(candidate)
                    break
    return found


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        _layer(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_arrow_runs_up(module: str) -> None:
    up = sorted(t for t in GRAPH[module]
                if _layer(t) > _layer(module) and t != NAME)
    assert not up, f"{module} (layer {_layer(module)}) imports higher layers: {up}"


def test_core_imports_nothing_from_the_edges() -> None:
    for module, targets in GRAPH.items():
        if _unit(module) == "core":
            edges = sorted(t for t in targets if _unit(t) not in {"core", "errors"})
            assert not edges, f"{module} imports {edges}"


def test_no_import_circle() -> None:
    # The façade imports everything and nothing imports it but __main__ and
    # the 0.1 aliases (through the package): leave it out of the walk.
    graph = {m: {t for t in ts if t != NAME} for m, ts in GRAPH.items() if m != NAME}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(graph.get(m, ())):
            if state.get(t) == 1:
                cycle = [*stack[stack.index(t):], t]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_the_walker_sees_arrows() -> None:
    # The walk must find what it is meant to find, or the tests above prove nothing.
    assert f"{NAME}.core.rules" in GRAPH[f"{NAME}.core.treaty"]
    assert f"{NAME}.errors" in GRAPH[f"{NAME}.core.status"]


def test_the_top_of_the_package_is_small() -> None:
    top = sorted(p.name for p in PACKAGE.iterdir()
                 if (p.suffix == ".py") or (p / "__init__.py").exists())
    assert len(top) <= 16, top

"""The Python API page (``docs/reference/api.md``) documents every public name once.

Autodoc renders, for each ``automodule`` directive, the names in the module's
``__all__`` (less ``:exclude-members:``), or without ``__all__`` the names the
module defines.  Here that rule is applied to the directives of the page, with
no Sphinx build, so that a name that moves between modules (or a module that
becomes a package) cannot silently drop out of the reference or appear in it
twice.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import migrant_convention as mc

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "api.md"
DIRECTIVE = re.compile(
    r"^\.\. automodule:: (?P<module>\S+)\n(?P<options>(?:   :[^\n]*\n)*)", re.MULTILINE)


def _directives() -> list[tuple[str, frozenset[str] | None]]:
    """``(module, excluded members)`` for each ``automodule`` on the page;
    None for excluded members means ``:no-members:``."""
    out = []
    for m in DIRECTIVE.finditer(PAGE.read_text(encoding="utf-8")):
        excluded: frozenset[str] | None = frozenset()
        for option in m["options"].splitlines():
            name, _, value = option.strip().partition(": ")
            if name == ":exclude-members":
                excluded = frozenset(v.strip() for v in value.split(","))
            elif name.rstrip(":") == ":no-members":
                excluded = None
        out.append((m["module"], excluded))
    return out


def _documented(module: ModuleType, excluded: frozenset[str] | None) -> dict[str, Any]:
    if excluded is None:
        return {}
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n, o in vars(module).items()
                 if not n.startswith("_") and getattr(o, "__module__", None) == module.__name__]
    return {n: getattr(module, n) for n in names if n not in excluded}


@pytest.fixture(scope="module")
def documented() -> dict[str, dict[str, Any]]:
    pytest.importorskip("hypothesis")  # testing.strategies needs it
    return {name: _documented(importlib.import_module(name), excluded)
            for name, excluded in _directives()}


def test_page_documents_the_modules_of_each_role() -> None:
    modules = [name for name, _ in _directives()]
    assert len(modules) == len(set(modules))
    roles = {name.split(".")[1] for name in modules if "." in name}
    assert roles == {"core", "places", "campaigns", "formats", "data", "testing", "errors",
                     "cli"}
    # The package's docstring repeats the page's introduction: not rendered.
    assert "migrant_convention" not in modules
    # ``campaigns`` and ``testing`` only re-export their modules' names.
    assert "migrant_convention.campaigns" not in modules
    assert "migrant_convention.testing" not in modules


def test_every_public_name_is_documented(documented: dict[str, dict[str, Any]]) -> None:
    objects = {id(obj) for names in documented.values() for obj in names.values()}
    public = [n for n in mc.__all__
              if not n.startswith("__") and not inspect.ismodule(getattr(mc, n))]
    missing = [n for n in public if id(getattr(mc, n)) not in objects]
    assert missing == []
    from migrant_convention import testing
    from migrant_convention.testing import strategies

    missing = [n for n in strategies.__all__ if id(getattr(strategies, n)) not in objects]
    assert missing == []
    kit = {*documented.get("migrant_convention.testing.checks", {}),
           *documented.get("migrant_convention.testing.oracle", {})}
    assert set(testing.__all__) <= kit


def test_no_class_or_function_is_documented_twice(
        documented: dict[str, dict[str, Any]]) -> None:
    where: dict[int, list[str]] = {}
    for module, names in documented.items():
        for name, obj in names.items():
            if inspect.isclass(obj) or inspect.isfunction(obj):
                where.setdefault(id(obj), []).append(f"{module}.{name}")
    assert [paths for paths in where.values() if len(paths) > 1] == []

"""Release readiness: the version is one number everywhere, and the changelog has a place for it."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import migrant_convention
from conftest import ROOT

CHANGELOG = ROOT / "CHANGELOG.md"


def test_version_is_the_installed_distributions() -> None:
    # pyproject.toml reads the version from migrant_convention/__init__.py; an
    # installation made before the last bump shows here (reinstall to fix).
    assert migrant_convention.__version__ == version("migrant_convention")


def test_version_is_semantic() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?", migrant_convention.__version__)


def _key(v: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", v)[:3])


def test_changelog_has_a_section_for_the_version_or_unreleased_changes() -> None:
    headings = re.findall(r"^## \[([^\]]+)\]", CHANGELOG.read_text(encoding="utf-8"), re.M)
    current = migrant_convention.__version__
    assert current in headings or headings[:1] == ["Unreleased"], (
        f"CHANGELOG.md has neither a section for {current} nor an [Unreleased] one on top")
    released = [h for h in headings if h != "Unreleased"]
    assert not released or _key(released[0]) <= _key(current), (
        f"CHANGELOG.md's newest release is {released[0]}; the package says {current}")


def test_every_released_section_is_dated() -> None:
    text = CHANGELOG.read_text(encoding="utf-8")
    for heading in re.findall(r"^## \[(?!Unreleased\]).*$", text, re.M):
        assert re.fullmatch(r"## \[\d+\.\d+\.\d+[^\]]*\] - \d{4}-\d{2}-\d{2}", heading), heading


# Not on any public index yet: an install line that names the package alone
# (`pip install "migrant_convention[...]"`) cannot work, so the docs may show
# one only as what will work once it is published. Set True on the first upload.
ON_PYPI = False
FROM_AN_INDEX = re.compile(
    r"pip install\s+(?:-U\s+|--upgrade\s+)?[\"']?migrant_convention(?![-\w.])")


def _documents() -> list[Path]:
    docs = [p for p in (ROOT / "docs").rglob("*.md")
            if not {"_build", "_generated"} & set(p.relative_to(ROOT / "docs").parts)]
    return [ROOT / "README.md", *sorted(docs)]


def test_install_lines_work_before_the_package_is_published() -> None:
    if ON_PYPI:
        return
    wrong = []
    for doc in _documents():
        text = doc.read_text(encoding="utf-8")
        for found in FROM_AN_INDEX.finditer(text):
            around = " ".join(text[max(0, found.start() - 40):found.end() + 40].split())
            if not re.search(r"once it is|finds nothing", around, re.I):
                wrong.append(f"{doc.relative_to(ROOT)}: {around}")
    assert not wrong, "install from a clone or a wheel instead:\n" + "\n".join(wrong)


def test_every_python_the_package_claims_is_tested_in_ci() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    claimed = sorted(c.rsplit(" :: ", 1)[1] for c in project["classifiers"]
                     if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assignments = [node for node in ast.parse((ROOT / "noxfile.py").read_text()).body
                   if isinstance(node, ast.Assign)
                   and any(isinstance(t, ast.Name) and t.id == "PYTHONS" for t in node.targets)]
    assert len(assignments) == 1
    assert sorted(ast.literal_eval(assignments[0].value)) == claimed
    assert project["requires-python"] == f">={claimed[0]}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for python in claimed:
        assert re.search(rf"\btests-{re.escape(python)}\b", ci), f".ci/run does not test {python}"

"""Sessions for testing, checking, documenting and releasing ``migrant_convention``.

``nox`` runs the default sessions, which are what CI (``.ci/run``) runs:

- ``tests-3.11``, ``tests-3.12``, ``tests-3.13``: the README's test command
  (``python -m pytest``) in a fresh environment of each Python the package
  claims, with ``.[test]`` installed and ``HYPOTHESIS_PROFILE=ci``;
- ``lint``: ``ruff check`` and ``mypy`` (strict), on 3.11;
- ``docs``: the documentation site, warnings as errors, on 3.11;
- ``build``: the sdist and the wheel, ``twine check``, and what they contain.

``nox -s publish`` builds and checks as ``build`` does, then uploads to PyPI
(``nox -s publish -- --repository testpypi`` for TestPyPI); see RELEASING in the
README. Arguments after ``--`` go to pytest in ``tests-*``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tomllib
import zipfile
from pathlib import Path

import nox

PYTHONS = ["3.11", "3.12", "3.13"]  # keep in step with the classifiers in pyproject.toml
ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "migrant_convention"
DIST = ROOT / "dist"

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["lint", "tests", "docs", "build"]


def _let_pyenv_find_every_python() -> None:
    """Let pyenv's shims run each Python in PYTHONS that pyenv has installed.

    pyenv's shims run only the versions it selects (``pyenv global``): with 3.11
    selected, ``python3.12`` fails even when pyenv has 3.12. Selecting the
    installed 3.11, 3.12 and 3.13 as well (``PYENV_VERSION``, as ``pyenv shell``
    does) leaves ``python3`` what it was and makes ``python3.12`` work.
    """
    if "PYENV_VERSION" in os.environ or shutil.which("pyenv") is None:
        return

    def pyenv(*args: str) -> list[str]:
        done = subprocess.run(["pyenv", *args], capture_output=True, text=True, check=False)
        return done.stdout.split() if done.returncode == 0 else []
    selected = pyenv("version-name")
    installed = pyenv("versions", "--bare")
    wanted = []
    for python in PYTHONS:
        patches = [v for v in installed
                   if v.startswith(f"{python}.") and v.removeprefix(f"{python}.").isdigit()]
        if patches:
            wanted.append(max(patches, key=lambda v: int(v.removeprefix(f"{python}."))))
    if selected and wanted:
        os.environ["PYENV_VERSION"] = ":".join(dict.fromkeys([*selected[0].split(":"), *wanted]))


_let_pyenv_find_every_python()


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite, as the README runs it, with the fast Hypothesis profile."""
    session.install("-e", ".[test]")
    profile = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    session.run("python", "-m", "pytest", *session.posargs, env={"HYPOTHESIS_PROFILE": profile})


@nox.session(python=PYTHONS[0])
def lint(session: nox.Session) -> None:
    """Style and types: ruff and mypy --strict (settings in pyproject.toml)."""
    session.install("-e", ".[test]")
    session.run("ruff", "check")
    session.run("mypy")


@nox.session(python=PYTHONS[0])
def docs(session: nox.Session) -> None:
    """The documentation site, warnings as errors, into docs/_build/html."""
    session.install("-e", ".[docs]")
    session.run("python", "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
                "docs", "docs/_build/html")


def _build_and_check(session: nox.Session) -> tuple[Path, Path]:
    session.install("-e", ".[release]")
    shutil.rmtree(DIST, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(DIST), ".")
    sdists, wheels = sorted(DIST.glob("*.tar.gz")), sorted(DIST.glob("*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        session.error(f"expected one sdist and one wheel in dist/, found {sdists + wheels}")
    session.run("twine", "check", "--strict", str(sdists[0]), str(wheels[0]))
    _check_contents(session, sdists[0], wheels[0])
    return sdists[0], wheels[0]


def _check_contents(session: nox.Session, sdist: Path, wheel: Path) -> None:
    """Every file of the package is in the wheel; the sdist can test and document it."""
    version = session.run("python", "-c", "import migrant_convention as m; print(m.__version__)",
                          silent=True)
    version = str(version).strip()
    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    for built in (sdist, wheel):
        if f"{name}-{version}" not in built.name:
            session.error(f"{built.name} is not version {version} of {name}")

    def ours(path: Path) -> bool:
        return "__pycache__" not in path.parts and path.suffix != ".pyc"

    expected = {p.relative_to(PACKAGE.parent).as_posix()
                for p in PACKAGE.rglob("*") if p.is_file() and ours(p)}
    with zipfile.ZipFile(wheel) as whl:
        in_wheel = set(whl.namelist())
    missing = sorted(expected - in_wheel)
    if missing:
        session.error(f"the wheel lacks {missing}")
    for needed in ("migrant_convention/py.typed", "migrant_convention/_compat/README.md",
                   "migrant_convention/_data/icrmw_actions.csv"):
        if needed not in in_wheel:
            session.error(f"the wheel lacks {needed}")
    strays = sorted(n for n in in_wheel
                    if not n.startswith(("migrant_convention/", f"{name}-{version}.dist-info/")))
    if strays:
        session.error(f"the wheel has files outside the package: {strays}")

    with tarfile.open(sdist) as tar:
        top = f"{name}-{version}/"
        in_sdist = {n.removeprefix(top) for n in tar.getnames()}
    for needed in ("pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "noxfile.py",
                   "tests/conftest.py", "tests/data/untc-2015/index.csv", "docs/conf.py",
                   *(f"src/{p}" for p in expected)):
        if needed not in in_sdist:
            session.error(f"the sdist lacks {needed}")
    if any(n.startswith(("docs/_build/", ".ci", ".nox/", "dist/")) for n in in_sdist):
        session.error("the sdist carries build output or CI files")
    session.log(f"{wheel.name}: {len(in_wheel)} files; {sdist.name}: {len(in_sdist)} entries")


@nox.session(python=PYTHONS[0])
def build(session: nox.Session) -> None:
    """The sdist and the wheel in dist/, their metadata checked, their contents checked."""
    _build_and_check(session)


@nox.session(python=PYTHONS[0])
def publish(session: nox.Session) -> None:
    """Build, check, then upload to PyPI (arguments after ``--`` go to ``twine upload``)."""
    sdist, wheel = _build_and_check(session)
    session.run("twine", "upload", *session.posargs, str(sdist), str(wheel))

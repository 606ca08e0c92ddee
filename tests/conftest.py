"""Test configuration: Hypothesis settings profiles and the shared reference data.

``HYPOTHESIS_PROFILE=ci`` (what ``.ci/run`` uses) keeps the suite quick on two
cores; ``HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per property.
The default is ``dev``.

The project's reference data lives outside the repository, in ``shared/data/``
beside the checkout (``../shared/data`` from the repository's root). Tests that
compare the bundled copies with it take the ``shared_data`` fixture: outside a
checkout that has it they skip, saying why; with ``MC_REQUIRE_SHARED=1`` (set by
``.ci/run``) they fail instead, so that CI never passes by skipping them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

#: The repository's root: the folder holding ``pyproject.toml`` and ``tests/``.
ROOT = Path(__file__).resolve().parent.parent
#: Where the shared reference data is in a checkout: ``../shared/data`` from the root.
SHARED_DATA = ROOT.parent / "shared" / "data"


def _require_shared() -> bool:
    return os.environ.get("MC_REQUIRE_SHARED", "") not in ("", "0")


def find_shared_data() -> Path:
    """The shared reference data folder; skips (fails under ``MC_REQUIRE_SHARED=1``) if absent."""
    if SHARED_DATA.is_dir():
        return SHARED_DATA
    why = (f"shared reference data not found at {SHARED_DATA} "
           "(it is ../shared/data beside a checkout of the repository)")
    if _require_shared():
        pytest.fail(f"{why}; MC_REQUIRE_SHARED is set, so this is a failure", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared reference data folder (see :func:`find_shared_data`)."""
    return find_shared_data()

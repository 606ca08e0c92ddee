"""The shared reference data beside the checkout: found relative to it, required in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

import conftest

UNTC_COPY = Path(__file__).resolve().parents[1] / "data" / "untc-2015"


def test_shared_data_is_found_beside_the_repository_root() -> None:
    assert (conftest.ROOT / "pyproject.toml").is_file()
    assert conftest.ROOT.parent / "shared" / "data" == conftest.SHARED_DATA


def test_missing_shared_data_skips_with_a_reason(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "SHARED_DATA", tmp_path / "nowhere")
    monkeypatch.delenv("MC_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"reference data not found at .*nowhere"):
        conftest.find_shared_data()
    monkeypatch.setenv("MC_REQUIRE_SHARED", "0")
    with pytest.raises(pytest.skip.Exception):
        conftest.find_shared_data()


def test_missing_shared_data_fails_when_required(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "SHARED_DATA", tmp_path / "nowhere")
    monkeypatch.setenv("MC_REQUIRE_SHARED", "1")
    with pytest.raises(pytest.fail.Exception, match="MC_REQUIRE_SHARED is set"):
        conftest.find_shared_data()


def test_the_test_tables_are_the_shared_ones_unchanged(shared_data: Path) -> None:
    """tests/data/untc-2015 is a copy, so the suite reads the tables wherever it runs."""
    shared = shared_data / "untc-2015"
    copied = sorted(p.relative_to(UNTC_COPY) for p in UNTC_COPY.rglob("*") if p.is_file())
    assert copied == sorted(p.relative_to(shared) for p in shared.rglob("*") if p.is_file())
    for name in copied:
        assert (UNTC_COPY / name).read_bytes() == (shared / name).read_bytes(), name

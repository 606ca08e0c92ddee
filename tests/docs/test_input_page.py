"""The page "What the library promises about input" names tests that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "explanation" / "input.md"


def test_every_test_the_page_names_exists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    named = 0
    current: Path | None = None
    for file, test in re.findall(r"`(tests/[\w/]+\.py)?(?:::(test_\w+))?`", text):
        if file:
            current = ROOT / file
            assert current.exists(), file
        if test:
            assert current is not None
            assert re.search(rf"^def {test}\(", current.read_text(encoding="utf-8"),
                             re.MULTILINE), f"{current.name} has no {test}"
            named += 1
    assert named >= 20

"""Shared pytest set-up: the golden-file option and the hypothesis profile.

Golden files pin exact output. To regenerate them after an intended change, run
``pytest --update-golden`` (or set ``UPDATE_GOLDEN=1``), then review the diff before committing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check rules, not speed: no per-example deadline, which would make them flaky on
# a loaded machine (CI shares its two cores). Tests that set their own settings still may.
settings.register_profile("coprod", deadline=None)
settings.load_profile("coprod")

GOLDEN_DIR = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing with them.",
    )


def updating_golden(config: pytest.Config) -> bool:
    return bool(config.getoption("--update-golden")) or "1" in (
        os.environ.get("UPDATE_GOLDEN"),
        os.environ.get("COPROD_UPDATE_GOLDEN"),
    )


def pytest_configure(config: pytest.Config) -> None:
    """One switch for every golden file: modules that read ``COPROD_UPDATE_GOLDEN`` when they
    are collected see ``--update-golden`` and ``UPDATE_GOLDEN=1`` too."""
    if updating_golden(config):
        os.environ["COPROD_UPDATE_GOLDEN"] = "1"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden("reporters/x.md", text)``: compare ``text`` with the file, or rewrite it."""
    update = updating_golden(request.config)

    def check(relative: str, text: str) -> None:
        path = GOLDEN_DIR / relative
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"output differs from {path}; if intended, --update-golden"

    return check


@pytest.fixture(autouse=True)
def _report_width_from_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Terminal reports follow COLUMNS; tests draw at the default width unless they set it."""
    monkeypatch.delenv("COLUMNS", raising=False)

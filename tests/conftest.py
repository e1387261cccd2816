"""Shared pytest set-up: the one golden-file mechanism and the hypothesis profile.

Golden files pin exact output. Every test compares with one through the ``golden`` fixture. To
regenerate them after an intended change, run ``pytest --update-golden`` (or set
``UPDATE_GOLDEN=1``), then review the diff before committing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def pytest_configure(config: pytest.Config) -> None:
    """The bundled-bank cache of the commands the tests run goes in a folder of the run's own,
    never in the user's cache (``tests/bank/test_bank_cache.py`` tests the cache itself)."""
    if "COPROD_CHECK_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="coprod-test-cache-")
        os.environ["COPROD_CHECK_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def updating_golden(config: pytest.Config) -> bool:
    return bool(config.getoption("--update-golden")) or os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str | Path, str], None]:
    """``golden("reporters/x.md", text)``: compare ``text`` with the file (a path relative to
    ``tests/golden``, or any path, such as a fixture folder's ``expected.txt``), or rewrite it."""
    update = updating_golden(request.config)

    def check(relative: str | Path, text: str) -> None:
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for a module's browser tests; skipped, saying why, when Chromium,
    axe-core or Playwright is missing (``.ci/run`` installs all three)."""
    from browser_support import ARGS, CHROMIUM, missing

    reason = missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()

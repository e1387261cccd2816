"""Run ``coprod-check validate`` on a fixture folder (a "case"): every file in it but its golden
``expected.txt``, from inside the folder so that output names files as a user would see them.

Shared by the case-folder tests of mapping files and id clashes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app


def case_inputs(case: Path) -> list[str]:
    return sorted(path.name for path in case.iterdir() if path.name != "expected.txt")


def run_case(case: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> tuple[int, str]:
    """Exit code and standard output of validate on the case, with no GitHub Actions set."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(case)
    result = CliRunner().invoke(app, ["validate", *options, *case_inputs(case)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def check_golden(
    case: Path,
    monkeypatch: pytest.MonkeyPatch,
    exit_code: int,
    golden: Callable[[str | Path, str], None],
) -> None:
    """The text output equals the case's ``expected.txt`` (the ``golden`` fixture)."""
    code, out = run_case(case, monkeypatch)
    golden(case / "expected.txt", out)
    assert code == exit_code

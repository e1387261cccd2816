"""Run ``coprod-check validate`` on a fixture folder (a "case"): every file in it but its golden
``expected.txt``, from inside the folder so that output names files as a user would see them.

Shared by the case-folder tests of mapping files and id clashes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app

UPDATE = os.environ.get("COPROD_UPDATE_GOLDEN") == "1"


def case_inputs(case: Path) -> list[str]:
    return sorted(path.name for path in case.iterdir() if path.name != "expected.txt")


def run_case(case: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> tuple[int, str]:
    """Exit code and standard output of validate on the case, with no GitHub Actions set."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(case)
    result = CliRunner().invoke(app, ["validate", *options, *case_inputs(case)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def check_golden(case: Path, monkeypatch: pytest.MonkeyPatch, exit_code: int) -> None:
    """The text output equals the case's ``expected.txt`` (rewritten when updating goldens)."""
    code, out = run_case(case, monkeypatch)
    golden = case / "expected.txt"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert code == exit_code

"""The pre-commit hook definition, and its entry run the way pre-commit runs it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "banks"


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert isinstance(hook, dict)
    return hook


def test_hook_definition() -> None:
    hook = _hook()
    assert hook["id"] == "coprod-check-validate"
    assert hook["entry"] == "coprod-check validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    assert files.search("questionnaires/a.yaml") and files.search("b/c.yml")
    assert not files.search("notes.txt") and not files.search("x.yaml.bak")


def test_entry_with_filenames_as_pre_commit_passes_them() -> None:
    """pre-commit appends the staged file names to ``entry``; the exit code decides."""
    command = shlex.split(_hook()["entry"])
    command[0] = str(Path(sys.executable).parent / command[0])
    env = {**os.environ, "GITHUB_ACTIONS": ""}
    good = [str(path) for path in sorted((FIXTURES / "valid").glob("*.yaml"))]
    passed = subprocess.run([*command, *good], capture_output=True, text=True, env=env, timeout=60)
    assert (passed.returncode, passed.stdout) == (0, "2 files checked, all valid\n")
    bad = str(FIXTURES / "invalid" / "thresholds" / "bank.yaml")
    failed = subprocess.run(
        [*command, *good, bad], capture_output=True, text=True, env=env, timeout=60
    )
    assert failed.returncode == 1
    assert failed.stdout.splitlines()[-1] == "3 files checked, 2 errors in 1 file"

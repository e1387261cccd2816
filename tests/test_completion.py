"""Shell completion (typer's own, as the README documents): the installed command prints a
completion script and completes commands, options and --format choices, in a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("coprod-check")


def complete(words: str) -> list[str]:
    """What bash would offer after ``words`` (the last word is the one being completed)."""
    env = dict(
        os.environ,
        _COPROD_CHECK_COMPLETE="complete_bash",
        COMP_WORDS=words,
        COMP_CWORD=str(len(words.split(" ")) - 1),
    )
    done = subprocess.run(
        [str(COMMAND)], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.split()


pytestmark = pytest.mark.skipif(
    not COMMAND.exists(), reason=f"no installed coprod-check beside {sys.executable}"
)


def test_the_bash_script_names_the_command() -> None:
    done = subprocess.run(
        [str(COMMAND), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=dict(os.environ, SHELL=shutil.which("bash") or "/bin/bash"),
    )
    assert "_coprod_check_completion()" in done.stdout
    assert "complete -o default -F _coprod_check_completion coprod-check" in done.stdout


def test_commands_options_and_formats_complete() -> None:
    assert complete("coprod-check sc") == ["score", "schema"]
    assert complete("coprod-check score --fo") == ["--format", "--force"]
    assert complete("coprod-check score -f ") == [
        "text",
        "json",
        "markdown",
        "html",
        "docx",
        "xlsx",
    ]

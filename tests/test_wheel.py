"""The built wheel works on its own: bundled banks are package data, found outside the repo.

Builds the wheel, installs it into a fresh virtual environment (no system site-packages; pip
fetches the dependencies from PyPI, so this needs the network) and runs the console script from
a folder outside the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from coprod_check import __version__

REPO = Path(__file__).resolve().parents[1]
BANKS = {
    "inclusion-and-conditions.yaml",
    "malby-do-dont.yaml",
    "needham-carr-levels.yaml",
    "right-circumstances.yaml",
    "sharing-the-work.yaml",
    "still-genuine.yaml",
}


def _run(
    command: list[str | Path], cwd: Path, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.slow
def test_wheel_installs_and_validates_its_bundled_banks(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, REPO], tmp_path)
    assert built.returncode == 0, built.stderr
    [wheel] = list(wheels.glob("coprod_check-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert {Path(n).name for n in names if n.startswith("coprod_check/questionnaires/")} == BANKS
    assert "coprod_check/validate/run.py" in names

    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", venv], tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = _run([python, "-m", "pip", "install", "--quiet", wheel], tmp_path)
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    checked = _run([venv / "bin" / "coprod-check", "validate", "--format", "json"], elsewhere)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    paths = [Path(file["path"]) for file in report["files"]]
    assert {path.name for path in paths} == BANKS
    assert all(path.is_relative_to(venv) for path in paths), paths  # not the repo's copies
    assert report["summary"] == {
        "files": 6,
        "valid": 6,
        "invalid": 0,
        "unreadable": 0,
        "problems": 0,
        "errors": 0,
        "warnings": 0,
        "exit_code": 0,
    }
    text = _run([venv / "bin" / "coprod-check", "validate"], elsewhere)
    assert (text.returncode, text.stdout) == (0, "6 files checked, all valid\n")

    version = _run([python, "-m", "coprod_check", "--version"], elsewhere)
    assert (version.returncode, version.stdout) == (0, f"coprod-check {__version__}\n")

"""On a full disk every command that writes a file leaves the previous file intact (issue 15).

A small tmpfs is mounted and filled to the last byte; each command then tries to replace a
file on it. Mounting needs root (or a user namespace); elsewhere the tests are skipped with
that reason. Standard output on a full disk is tested with /dev/full in test_output_safety.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from coprod_check.assess.runner import run
from coprod_check.bank.model import Bank
from coprod_check.files.yaml_source import load_yaml
from scripted_screen import Scripted

HERE = Path(__file__).parent
ROOT = HERE.parent
CONSOLE = Path(sys.executable).parent / "coprod-check"
AGGREGATE = HERE / "fixtures" / "aggregate"
ASSESS_BANK = HERE / "fixtures" / "assess" / "bank.yaml"
PREVIOUS = "the previous file, which must survive\n"


def _mount(point: Path) -> bool:
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(point)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def fill(folder: Path) -> None:
    """Write until the disk is full, to the last byte."""
    with open(folder / "filler", "ab", buffering=0) as filler:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    filler.write(b"\0" * size)
    with pytest.raises(OSError) as raised, open(folder / "probe", "wb", buffering=0) as probe:
        probe.write(b"x")
    assert raised.value.errno == errno.ENOSPC


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "disk"
    point.mkdir()
    if not _mount(point):
        pytest.skip("mounting a small tmpfs needs Linux and root (or a user namespace)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "examples" / "neighbourhood-peer-support.yaml", tmp_path / "answers.yaml")
    shutil.copy(AGGREGATE / "bank.yaml", tmp_path / "agg-bank.yaml")
    shutil.copy(AGGREGATE / "workshop.csv", tmp_path / "workshop.csv")
    return tmp_path


COMMANDS = {
    "score": ["score", "answers.yaml", "-f", "html"],
    "template": ["template"],
    "questionnaire": ["questionnaire", "-f", "html"],
    "compare": ["compare", "answers.yaml", "answers.yaml"],
    "aggregate": ["aggregate", "workshop.csv", "-b", "agg-bank.yaml", "-f", "json"],
    "mapping draft": ["mapping", "draft", "workshop.csv", "-b", "agg-bank.yaml"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_full_disk_leaves_the_previous_output_intact(
    disk: Path, inputs: Path, command: str
) -> None:
    target = disk / "out.file"
    target.write_text(PREVIOUS, encoding="utf-8")
    fill(disk)
    done = subprocess.run(
        [str(CONSOLE), *COMMANDS[command], "-o", str(target), "--force"],
        cwd=inputs,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"coprod-check: error: {target}: cannot write: No space left on device"
    )
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert not [p.name for p in disk.iterdir() if p.name.endswith(".tmp")]


def test_assess_on_a_full_disk_keeps_the_file_and_the_answers(disk: Path, tmp_path: Path) -> None:
    bank = Bank.model_validate(load_yaml(ASSESS_BANK).data)
    team = disk / "team.yaml"
    elsewhere = tmp_path / "elsewhere.yaml"
    screen = Scripted(["", "", "", "3", lambda: fill(disk), "1", "", str(elsewhere), "q"])
    code = run([bank], team, None, plain=True, report=lambda _: "", screen=screen,
               today=dt.date(2026, 1, 31))  # fmt: skip
    assert code == 0
    kept = yaml.safe_load(team.read_text(encoding="utf-8"))["answers"]
    assert kept["fx-authority"] == "agree"  # saved before the disk filled, intact
    moved = yaml.safe_load(elsewhere.read_text(encoding="utf-8"))["answers"]
    assert (moved["fx-authority"], moved["fx-budget"]) == ("agree", "strongly-disagree")
    assert any("No space left on device" in line for line in screen.shown)

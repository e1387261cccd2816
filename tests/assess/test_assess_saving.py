"""No answer is lost to a second writer, a failed save or a killed process (issue 17).

Scripted sessions (no terminal) check the saver's decisions exactly; the two-sessions test in
``test_assess_two_writers.py`` runs two real processes at once.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from coprod_check.assess.runner import EXIT_INTERRUPTED, run
from coprod_check.bank.model import Bank
from coprod_check.files.atomic import STALE_SECONDS, remove_stale_temporaries, write_atomic
from coprod_check.files.yaml_source import load_yaml
from scripted_screen import DETAILS, FIXTURE, INTERRUPT, TODAY, Scripted


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.model_validate(load_yaml(FIXTURE).data)


def play(bank: Bank, path: Path, lines: Sequence[object]) -> tuple[int, Scripted]:
    screen = Scripted(lines)
    code = run([bank], path, None, plain=True, report=lambda _: "", screen=screen, today=TODAY)
    return code, screen


def answers(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return {k: v for k, v in data["answers"].items() if v is not None}


def test_a_file_edited_by_hand_meanwhile_is_kept_and_the_session_goes_beside_it(
    bank: Bank, tmp_path: Path
) -> None:
    team = tmp_path / "team.yaml"

    def edit_by_hand() -> None:
        text = team.read_text(encoding="utf-8")
        team.write_text(text.replace("fx-networks: null", "fx-networks: 'yes'"), "utf-8")

    code, screen = play(bank, team, [*DETAILS, "3", edit_by_hand, "1", "yes", "q"])
    assert code == 0
    side = tmp_path / "team.2.yaml"
    # The hand edit survives where it was made, with what the session had saved before it.
    assert answers(team) == {"fx-authority": "agree", "fx-networks": "yes"}
    # Every answer of the session is in the file beside it.
    assert answers(side) == {
        "fx-authority": "agree",
        "fx-budget": "strongly-disagree",
        "fx-time": "yes",
    }
    warning = next(line for line in screen.shown if "was changed by something else" in line)
    assert f"Your answers are saved in {side} from now on" in warning
    assert f"diff {team} {side}" in warning
    assert f"coprod-check assess --resume {team}" in warning
    assert f"Stopped. Your answers are saved in {side}." in screen.text


def test_a_file_moved_away_meanwhile_is_written_again(bank: Bank, tmp_path: Path) -> None:
    team = tmp_path / "team.yaml"
    moved = tmp_path / "moved.yaml"
    code, screen = play(bank, team, [*DETAILS, "3", lambda: team.rename(moved), "1", "q"])
    assert code == 0
    assert answers(moved) == {"fx-authority": "agree"}
    assert answers(team) == {"fx-authority": "agree", "fx-budget": "strongly-disagree"}
    assert "has gone (moved or deleted?)" in screen.text


def test_a_failed_save_keeps_the_answer_and_can_save_elsewhere(bank: Bank, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    team = stick / "team.yaml"
    elsewhere = tmp_path / "elsewhere.yaml"

    code, screen = play(
        bank,
        team,
        [*DETAILS, "3", lambda: shutil.rmtree(stick), "1", "", str(elsewhere), "yes", "q"],
    )
    assert code == 0
    text = screen.text
    assert f"Could not save your answers to {team}: cannot write here:" in text
    assert "They are kept in memory" in text
    assert text.count("Press Enter to try again, type another file name") == 2  # retried once
    assert answers(elsewhere) == {
        "fx-authority": "agree",
        "fx-budget": "strongly-disagree",
        "fx-time": "yes",
    }
    assert f"Stopped. Your answers are saved in {elsewhere}." in text


def test_answers_never_saved_are_printed_at_the_end(bank: Bank, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    code, screen = play(
        bank,
        stick / "team.yaml",
        [*DETAILS, "3", lambda: shutil.rmtree(stick), "1", "s", INTERRUPT],
    )
    assert code == EXIT_INTERRUPTED
    assert "Your latest answers could not be saved" in screen.text
    rescued = next(line for line in screen.shown if line.startswith("REPORT "))
    data = yaml.safe_load(rescued.removeprefix("REPORT "))
    given = {key: value for key, value in data["answers"].items() if value is not None}
    assert given == {"fx-authority": "agree", "fx-budget": "strongly-disagree"}


def test_stale_temporaries_of_a_killed_write_are_removed_on_the_next_run(tmp_path: Path) -> None:
    old = tmp_path / ".team.yaml.k1ll3d_9.tmp"
    fresh = tmp_path / ".team.yaml.wr1t1ng_.tmp"  # another process may still be writing it
    unrelated = [tmp_path / ".other.yaml.k1ll3d_9.tmp", tmp_path / ".team.yaml.notours.tmp"]
    for item in (old, fresh, *unrelated):
        item.write_text("half", encoding="utf-8")
    long_ago = time.time() - STALE_SECONDS - 5
    for item in (old, *unrelated):
        os.utime(item, (long_ago, long_ago))
    write_atomic(tmp_path / "team.yaml", "answers_version: 1\n", overwrite=False)
    assert not old.exists()
    assert fresh.exists() and all(item.exists() for item in unrelated)
    assert remove_stale_temporaries(tmp_path, "team.yaml", now=time.time() + STALE_SECONDS + 5) == [
        fresh.name
    ]

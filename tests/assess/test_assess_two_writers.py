"""Two real `assess --resume` sessions on one answers file at once, and kill -9 at random moments.

Two writers: every answer from both sessions survives, in the file or in the file beside it
that the second session names (issue 17). Killed: after ``kill -9`` at any moment the answers
file is valid and holds every answer whose save was confirmed (the next prompt was shown)
before the kill (issue 15). ``COPROD_FUZZ_KILLS`` sets how many kills (default 3; the long run
of ``tests/fuzz`` uses at least 30).
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml

from coprod_check.answers.model import AnswersFile
from coprod_check.files.yaml_source import load_yaml

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parents[1] / "fixtures" / "assess" / "bank.yaml"
PROMPT = "q quit, h help: "
QUESTIONS = ["fx-authority", "fx-budget", "fx-time", "fx-assets", "fx-networks"]
CHOICES = {  # what typing "1" or "2" means for each question of the fixture bank
    "fx-authority": ["strongly-disagree", "disagree"],
    "fx-budget": ["strongly-disagree", "disagree"],
    "fx-time": ["no", "yes"],
    "fx-assets": ["strongly-disagree", "disagree"],
    "fx-networks": ["no", "yes"],
}


def spawn(cwd: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100", "LINES": "40"})
    return pexpect.spawn(
        sys.executable,
        ["-m", "coprod_check", "assess", "--bank", str(FIXTURE), "--plain", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def given(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {key: value for key, value in data["answers"].items() if value is not None}


def skip_details(child: pexpect.spawn) -> None:
    for prompt in ("a team name: ", "press Enter to skip: ", "you are assessing: "):
        child.expect_exact(prompt)
        child.sendline("")


def test_two_sessions_at_once_lose_no_answer_from_either(tmp_path: Path) -> None:
    first = spawn(tmp_path, "-o", "team.yaml")
    skip_details(first)
    first.expect_exact(PROMPT)
    second = spawn(tmp_path, "--resume", "team.yaml")
    skip_details(second)  # saves the same text again: nothing the first session would notice
    second.expect_exact(PROMPT)  # both now at question 1, from the same file

    first.sendline("1")  # fx-authority: strongly-disagree
    first.expect_exact(PROMPT)
    second.sendline("2")  # fx-authority: disagree; the file is no longer what it read
    second.expect_exact(PROMPT)
    told = str(second.before)
    first.sendline("2")  # fx-budget: disagree
    first.expect_exact(PROMPT)
    second.sendline("1")  # fx-budget: strongly-disagree
    second.expect_exact(PROMPT)
    for child in (first, second):
        child.sendline("q")
        child.expect(pexpect.EOF)
        child.close()
    told += str(second.before)

    team, side = tmp_path / "team.yaml", tmp_path / "team.2.yaml"
    assert given(team) == {"fx-authority": "strongly-disagree", "fx-budget": "disagree"}
    assert given(side) == {"fx-authority": "disagree", "fx-budget": "strongly-disagree"}
    flat = " ".join(told.split())
    assert "team.yaml was changed by something else" in flat
    assert "Your answers are saved in team.2.yaml from now on" in flat
    assert "diff team.yaml team.2.yaml" in flat
    assert "Stopped. Your answers are saved in team.2.yaml." in flat


KILLS = int(os.environ.get("COPROD_FUZZ_KILLS", "3"))


@pytest.mark.parametrize("seed", range(KILLS))
def test_kill_9_at_a_random_moment_loses_no_confirmed_answer(tmp_path: Path, seed: int) -> None:
    chance = random.Random(seed)
    child = spawn(tmp_path, "-o", "team.yaml")
    skip_details(child)
    confirmed: dict[str, str] = {}
    order = QUESTIONS * 3
    answered = chance.randint(0, len(order))
    position = 0
    child.expect_exact(PROMPT)
    for _ in range(answered):
        question = order[position % len(QUESTIONS)]
        pick = chance.randint(1, 2)
        child.sendline(str(pick))
        if position % len(QUESTIONS) == len(QUESTIONS) - 1:
            child.expect_exact("Press Enter to see your results")
            child.sendline("j 1")
        child.expect_exact(PROMPT)  # shown only after the save
        confirmed[question] = CHOICES[question][pick - 1]
        position += 1
    # One more answer typed, then killed at a random moment while it may be being saved.
    child.sendline(str(chance.randint(1, 2)))
    time.sleep(chance.random() * 0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()

    team = tmp_path / "team.yaml"
    AnswersFile.model_validate(load_yaml(team).data)  # valid, whole
    saved = given(team)
    last = order[position % len(QUESTIONS)]
    for question, answer in confirmed.items():
        if question == last and saved.get(question) != answer:
            assert saved.get(question) in CHOICES[question]  # the unconfirmed answer won
            continue
        assert saved.get(question) == answer
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1  # at most the temporary of the write that was killed

"""`coprod-check assess` driven through a real pseudo-terminal, checking the saved file each step.

Every step waits for the next prompt before reading the file: the file is saved before that
prompt is shown, so no step depends on timing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml

from coprod_check.assess.session import build_items

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parents[1] / "fixtures" / "assess" / "bank.yaml"
PROMPT = "q quit, h help: "
END = "Press Enter to see your results"


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100", "LINES": "40"})
    env.update(extra)
    return env


def spawn(cwd: Path, *args: str, **env: str) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "coprod_check", "assess", *args],
        cwd=str(cwd),
        env=environment(**env),
        encoding="utf-8",
        # Generous: on a loaded 2-core machine one answer's save and redraw has taken over 10 s.
        timeout=30,
        dimensions=(40, 100),
    )
    return child


def finish(child: pexpect.spawn) -> tuple[int, str]:
    """Wait for the end; the exit status and everything printed since the last expect."""
    child.expect(pexpect.EOF)
    output = str(child.before)
    child.close()
    assert child.exitstatus is not None, f"killed by signal {child.signalstatus}"
    return child.exitstatus, output


def saved(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def answers(path: Path) -> dict[str, Any]:
    result = saved(path)["answers"]
    assert isinstance(result, dict)
    return result


def at(child: pexpect.spawn, question: int, total: int = 5) -> str:
    """Wait until question ``question`` is shown and its prompt waits; the text shown so far."""
    child.expect_exact(f"Question {question} of {total}")
    shown = f"{child.before}{child.after}"
    child.expect_exact(PROMPT)
    return shown + str(child.before)


def skip_details(child: pexpect.spawn) -> None:
    child.expect_exact("a team name: ")
    child.sendline("")
    child.expect_exact("press Enter to skip: ")
    child.sendline("")
    child.expect_exact("you are assessing: ")
    child.sendline("")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path


EMPTY = dict.fromkeys(["fx-authority", "fx-budget", "fx-time", "fx-assets", "fx-networks"])


@pytest.mark.parametrize("mode", [[], ["--plain"]], ids=["rich", "plain"])
def test_answer_back_change_note_interrupt_resume_finish(folder: Path, mode: list[str]) -> None:
    out = folder / "team.yaml"
    child = spawn(folder, "--bank", str(FIXTURE), "-o", "team.yaml", *mode)
    child.expect_exact("a team name: ")
    assert saved(out)["answers"] == EMPTY  # claimed before the first question
    child.sendline("Team A")
    child.expect_exact("press Enter to skip: ")
    child.sendline("5")
    child.expect_exact("you are assessing: ")
    child.sendline("Falls service")

    at(child, 1)
    respondent = saved(out)["respondent"]
    assert (respondent["pseudonym"], respondent["role"]) == ("Team A", "commissioner")
    assert respondent["project"] == "Falls service"
    child.sendline("3")
    at(child, 2)
    assert answers(out) == {**EMPTY, "fx-authority": "agree"}

    child.sendline("b")
    assert "Your answer: Agree (3)" in at(child, 1)
    child.sendline("4")
    at(child, 2)
    assert answers(out) == {**EMPTY, "fx-authority": "strongly-agree"}

    child.sendline("n")
    child.expect_exact("Type your note")
    child.sendline("Board paper 12: budget delegated")
    child.expect_exact("Note saved.")
    child.expect_exact(PROMPT)
    expected = {**EMPTY, "fx-authority": "strongly-agree"}
    expected["fx-budget"] = {"note": "Board paper 12: budget delegated"}
    assert answers(out) == expected

    child.sendline("2")
    at(child, 3)
    expected["fx-budget"] = {"answer": "disagree", "note": "Board paper 12: budget delegated"}
    assert answers(out) == expected

    child.sendintr()
    status, output = finish(child)
    assert status == 130
    assert "Traceback" not in output
    assert "To carry on: coprod-check assess --resume team.yaml" in output
    assert answers(out) == expected

    child = spawn(folder, "--resume", "team.yaml", "--bank", str(FIXTURE), *mode)
    shown = at(child, 3)
    assert "About you" not in shown
    assert "Carrying on with team.yaml: 2 of 5 answered." in shown
    child.sendline("yes")
    at(child, 4)
    child.sendline("?")
    at(child, 5)
    child.sendline("j 1")
    assert "Your note:" not in at(child, 1)
    child.sendline("1")
    assert "Your note: Board paper 12: budget delegated" in at(child, 2)
    child.sendline("j fx-networks")
    at(child, 5)
    child.sendline("2")
    child.expect_exact(END)
    child.sendline("")
    status, output = finish(child)
    assert status == 0
    assert "Verdict" in output
    assert "Your answers are saved in team.yaml." in output
    assert answers(out) == {
        "fx-authority": "strongly-disagree",
        "fx-budget": {"answer": "disagree", "note": "Board paper 12: budget delegated"},
        "fx-time": "yes",
        "fx-assets": "dont-know",
        "fx-networks": "yes",
    }
    assert saved(out)["respondent"]["pseudonym"] == "Team A"


def test_the_bundled_banks_answer_a_few_then_quit(folder: Path) -> None:
    from coprod_check.answers.loader import select_banks

    items = build_items(select_banks([]))
    child = spawn(folder)
    skip_details(child)
    for number in (1, 2, 3):
        at(child, number, len(items))
        child.sendline("1")
    at(child, 4, len(items))
    child.sendline("q")
    status, output = finish(child)
    assert status == 0
    assert "To carry on: coprod-check assess --resume answers.yaml" in output
    data = saved(folder / "answers.yaml")
    assert [ref["id"] for ref in data["banks"]] == list(dict.fromkeys(i.bank.id for i in items))
    given = {key: value for key, value in data["answers"].items() if value is not None}
    assert given == {item.id: item.scale.options[0].id for item in items[:3]}
    assert list(data["answers"]) == [item.id for item in items]
    assert data["respondent"]["pseudonym"] is None


def test_an_existing_output_is_never_replaced(folder: Path) -> None:
    mine = folder / "answers.yaml"
    mine.write_text("my own answers\n", encoding="utf-8")
    status, output = finish(spawn(folder, "--bank", str(FIXTURE)))
    assert status == 2
    assert output.strip() == (
        "coprod-check: error: answers.yaml: already exists; to carry on with it use "
        "`coprod-check assess --resume answers.yaml`, or choose another file with -o"
    )
    assert mine.read_text(encoding="utf-8") == "my own answers\n"
    assert sorted(p.name for p in folder.iterdir()) == ["answers.yaml"]


def test_standard_input_that_is_not_a_terminal_is_refused(folder: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "coprod_check", "assess", "--bank", str(FIXTURE)],
        cwd=folder,
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == (
        "coprod-check: error: assess asks its questions in a terminal, but standard input is "
        "not a terminal; to answer in a file instead, run `coprod-check template -o "
        "answers.yaml`, fill it in, then run `coprod-check score answers.yaml`\n"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "status", "message"),
    [
        (
            "answers_version: 1\nbanks:\n  - id: assess-fixture\nanswers:\n  fx-time: maybe\n",
            1,
            "coprod-check: error: bad.yaml:5:3: 'maybe' is not an answer on the scale of 'fx-time'",
        ),
        ("answers_version: 1\nbanks: [\n", 2, "coprod-check: error: bad.yaml:3:1: YAML syntax"),
        ("", 2, "coprod-check: error: bad.yaml:1: the file is empty"),
    ],
    ids=["not-on-scale", "yaml-syntax", "empty"],
)
def test_a_bad_file_to_resume_gives_one_line_and_is_left_alone(
    folder: Path, content: str, status: int, message: str
) -> None:
    bad = folder / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    got, output = finish(spawn(folder, "--resume", "bad.yaml", "--bank", str(FIXTURE)))
    assert got == status
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), output
    assert bad.read_text(encoding="utf-8") == content


def test_resume_into_a_new_file_leaves_the_original_alone(folder: Path) -> None:
    child = spawn(folder, "--bank", str(FIXTURE), "-o", "first.yaml", "--plain")
    skip_details(child)
    at(child, 1)
    child.sendline("3")
    at(child, 2)
    child.sendline("q")
    assert finish(child)[0] == 0
    before = (folder / "first.yaml").read_text(encoding="utf-8")

    child = spawn(folder, "--resume", "first.yaml", "-o", "second.yaml", "--bank", str(FIXTURE))
    skip_details(child)  # none were given, so they are asked again
    at(child, 2)
    child.sendline("1")
    at(child, 3)
    child.sendline("q")
    assert finish(child)[0] == 0
    assert (folder / "first.yaml").read_text(encoding="utf-8") == before
    assert answers(folder / "second.yaml") == {
        **EMPTY,
        "fx-authority": "agree",
        "fx-budget": "strongly-disagree",
    }


def test_plain_mode_prints_no_escape_codes_even_on_a_colour_terminal(folder: Path) -> None:
    child = spawn(folder, "--bank", str(FIXTURE), "--plain", TERM="xterm-256color", NO_COLOR="")
    child.expect_exact("a team name: ")
    seen = str(child.before)
    child.sendline("")
    child.expect_exact("skip: ")
    child.sendline("")
    child.expect_exact("assessing: ")
    child.sendline("")
    seen += at(child, 1)
    assert "Question 1 of 5. Section: Authority to change." in seen
    child.sendline("q")
    assert finish(child)[0] == 0
    assert "\x1b" not in seen


def test_no_color_is_honoured_in_the_rich_mode(folder: Path) -> None:
    child = spawn(folder, "--bank", str(FIXTURE), TERM="xterm-256color")
    skip_details(child)
    seen = at(child, 1)
    child.sendline("q")
    assert finish(child)[0] == 0
    assert "[######" in seen  # the text progress bar
    assert "\x1b[" not in seen


def test_a_colour_terminal_gets_colour_without_no_color(folder: Path) -> None:
    child = spawn(folder, "--bank", str(FIXTURE), TERM="xterm-256color", NO_COLOR="")
    skip_details(child)
    seen = at(child, 1)
    child.sendline("q")
    assert finish(child)[0] == 0
    assert "\x1b[" in seen  # proves the NO_COLOR test above can fail


def test_ctrl_d_stops_like_quit(folder: Path) -> None:
    child = spawn(folder, "--bank", str(FIXTURE))
    skip_details(child)
    at(child, 1)
    child.sendline("2")
    at(child, 2)
    child.sendeof()
    status, output = finish(child)
    assert status == 0
    assert "To carry on: coprod-check assess --resume answers.yaml" in output
    assert answers(folder / "answers.yaml") == {**EMPTY, "fx-authority": "disagree"}

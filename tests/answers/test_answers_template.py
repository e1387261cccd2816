"""The blank answers file: every question present and null, its text and options as comments,
and it loads back as a valid answers file with nothing answered."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_check.answers.loader import parse_answers, select_banks
from coprod_check.answers.template import plain, render_template
from coprod_check.bank.loader import load_bank, load_bundled_banks
from coprod_check.bank.model import Bank
from coprod_check.cli import app

BANKS = Path(__file__).parents[1] / "fixtures" / "answers" / "banks"
MINI = load_bank(BANKS / "mini.yaml")
OTHER = load_bank(BANKS / "other.yaml")

OTHER_TEMPLATE_ANSWERS = """\
answers:

  # == Bank: Other bank (other 2.1.0) ============================================================

  # -- Only section ------------------------------------------------------------------------------

  # Is it so?
  # Options: no = No; yes = Yes
  o1: null
"""


def question_ids(banks: list[Bank]) -> list[str]:
    return [q.id for bank in banks for section in bank.sections for q in section.questions]


@pytest.mark.parametrize(
    "banks",
    [load_bundled_banks(), [MINI], [OTHER, MINI]],
    ids=["bundled", "mini", "other-and-mini"],
)
def test_template_loads_back_with_nothing_answered(banks: list[Bank]) -> None:
    text = render_template(banks)
    loaded = parse_answers(text, "template.yaml", banks)
    assert loaded.warnings == []
    assert [b.id for b in loaded.banks] == [b.id for b in banks]
    assert [ref.version for ref in loaded.answers.banks] == [b.version for b in banks]
    assert list(loaded.answers.answers) == question_ids(banks)
    assert all(value is None for value in loaded.answers.answers.values())
    assert loaded.answers.respondent.model_dump() == {
        "pseudonym": None,
        "role": None,
        "date": None,
        "project": None,
    }


def test_each_question_has_its_statement_and_options_above_it() -> None:
    lines = render_template([MINI]).splitlines()
    at = lines.index("  a2: null")
    assert lines[at - 3 : at] == [
        "  # Leaders back us.",
        "  # Options: strongly-disagree = Strongly disagree; disagree = Disagree; "
        "neither = Neither;",
        "  #          agree = Agree; strongly-agree = Strongly agree; dont-know = Don't know",
    ]


def test_a_small_bank_gives_exactly_this_answers_block() -> None:
    text = render_template([OTHER])
    assert text.endswith(OTHER_TEMPLATE_ANSWERS)
    assert "  # One of: person who uses services | carer | frontline staff | manager | " in text
    assert "  role: null\n" in text
    assert "  # Other bank\n  - id: other\n    version: 2.1.0\n" in text


def test_bundled_template_groups_by_bank_and_section() -> None:
    banks = load_bundled_banks()
    text = render_template(banks)
    for bank in banks:
        assert f"# == Bank: {bank.title} ({bank.id} {bank.version}) " in text
        for section in bank.sections:
            assert f"  # -- {section.title} -" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_hostile_text_stays_inside_comments() -> None:
    data = yaml.safe_load((BANKS / "mini.yaml").read_text(encoding="utf-8"))
    data["sections"][0]["questions"][0]["statement"] = "Line one\nkey: value # x\n- item"
    data["sections"][0]["title"] = "Title\nanswers: []"
    bank = Bank.model_validate(data)
    loaded = parse_answers(render_template([bank]), "t.yaml", [bank])
    assert list(loaded.answers.answers) == question_ids([bank])
    assert "  # Line one key: value # x - item\n" in render_template([bank])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a1", "a1"), ("no", '"no"'), ("yes", '"yes"'), ("1", '"1"'), ("null", '"null"')],
)
def test_keys_that_yaml_would_misread_are_quoted(text: str, expected: str) -> None:
    assert plain(text) == expected
    assert yaml.safe_load(f"{plain(text)}: null") == {text: None}


runner = CliRunner()


def test_template_command_prints_every_bundled_bank() -> None:
    result = runner.invoke(app, ["template"])
    assert result.exit_code == 0
    assert result.stdout == render_template(select_banks([]))


def test_template_command_with_chosen_banks(tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    result = runner.invoke(app, ["template", "--bank", str(BANKS / "other.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == render_template([OTHER])


def test_template_command_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    out.write_text("my precious answers\n", encoding="utf-8")
    result = runner.invoke(app, ["template", "-o", str(out)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"coprod-check: error: {out}: already exists; use --force to replace it\n"
    )
    assert out.read_text(encoding="utf-8") == "my precious answers\n"
    forced = runner.invoke(app, ["template", "-o", str(out), "--force"])
    assert forced.exit_code == 0
    default = [bank for bank in load_bundled_banks() if bank.default]
    assert out.read_text(encoding="utf-8") == render_template(default)
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"]  # no temporary file left


def test_template_command_unknown_bank() -> None:
    result = runner.invoke(app, ["template", "--bank", "nope"])
    assert result.exit_code == 2
    assert result.stderr.startswith("coprod-check: error: --bank nope: no bundled bank has this id")
    assert result.stdout == ""

"""``coprod-check plan draft``: a commented plan from an answers file, a score JSON or an
aggregate JSON, pinned by golden files (``tests/golden/plan/``) made from the current engine's
results for the bundled examples, so that they are regenerated, not edited, when the banks or
rules change (``pytest --update-golden``, then read the diff).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_check.answers.loader import available_banks
from coprod_check.cli import app
from coprod_check.plan.loader import read_plan
from coprod_check.plan.model import AIM_QUESTION, CHANGES_QUESTION, MEASURES_QUESTION

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
EXAMPLE = ROOT / "examples" / "borough-wide-redesign.yaml"

runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(arg) for arg in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the three kinds of input, made now by the current engine, as cwd."""
    (tmp_path / "answers.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke("score", EXAMPLE, "-f", "json", "-o", tmp_path / "score.json")[0] == 0
    code, _, _ = invoke("aggregate", *EXAMPLES, "-f", "json", "-o", tmp_path / "workshop.json")
    assert code == 0
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("source", "kind"),
    [("answers.yaml", "answers"), ("score.json", "score"), ("workshop.json", "aggregate")],
)
def test_draft_from_each_kind_of_input(
    inputs: Path, source: str, kind: str, golden: Callable[[str, str], None]
) -> None:
    code, out, err = invoke("plan", "draft", source, "-o", "plan.yaml")
    assert (code, out, err) == (0, "", "coprod-check: wrote plan.yaml\n")
    text = (inputs / "plan.yaml").read_text(encoding="utf-8")
    golden(f"plan/draft-{kind}.yaml", text)
    loaded = read_plan(inputs / "plan.yaml", available_banks([]))
    assert loaded.warnings == []
    plan = loaded.plan
    assert plan.drafted_from.kind == kind
    assert plan.drafted_from.file == source
    assert [cycle.cycle for cycle in plan.cycles] == [1]
    assert all(action.status == "planned" and action.cycle == 1 for action in plan.actions)
    assert [action.id for action in plan.actions] == [f"a{n}" for n in range(1, 6)]
    # The three questions of the Model for Improvement, quoted, as fields to fill.
    for question, key in (
        (AIM_QUESTION, "aim"),
        (MEASURES_QUESTION, "measures"),
        (CHANGES_QUESTION, "changes"),
    ):
        assert f"  # {question}\n  {key}: null\n" in text
    assert "Langley et al. (2009), The Improvement Guide" in text


def test_actions_are_the_results_first_recommendations_with_question_and_citation(
    inputs: Path,
) -> None:
    import json

    result = json.loads((inputs / "score.json").read_text(encoding="utf-8"))
    assert invoke("plan", "draft", "score.json", "-o", "plan.yaml")[0] == 0
    plan = read_plan(inputs / "plan.yaml", available_banks([])).plan
    recommendations = result["recommendations"][:5]
    assert [(a.bank, a.question, a.recommendation) for a in plan.actions] == [
        (r["bank_id"], r["question_id"], " ".join(r["text"].split())) for r in recommendations
    ]
    for action, item in zip(plan.actions, recommendations, strict=True):
        citation = item["citation"]
        assert action.citation is not None
        assert action.citation.startswith(citation["author"])
        assert " ".join(citation["item"].split()) in action.citation


def _uncomment(text: str) -> str:
    """What a person does to add every other recommendation: remove the first '# ' of each
    commented-out line below the note that introduces them."""
    head, marker, tail = text.partition("# The other recommendations")
    assert marker, "no other recommendations listed"
    body = tail.split("\n", 3)[3]  # the note's own lines stay comments
    return head + re.sub(r"(?m)^(\s*)# ", r"\1", body)


def test_the_other_recommendations_can_be_added_by_removing_the_comment_marks(
    inputs: Path,
) -> None:
    assert invoke("plan", "draft", "answers.yaml", "-o", "top.yaml")[0] == 0
    assert invoke("plan", "draft", "answers.yaml", "--all", "-o", "all.yaml")[0] == 0
    every = yaml.safe_load((inputs / "all.yaml").read_text(encoding="utf-8"))["actions"]
    assert len(every) > 5
    restored = _uncomment((inputs / "top.yaml").read_text(encoding="utf-8"))
    assert yaml.safe_load(restored)["actions"] == every
    (inputs / "restored.yaml").write_text(restored, encoding="utf-8")
    assert invoke("validate", "restored.yaml") == (0, "1 file checked, all valid\n", "")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_drafts_a_valid_plan(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    assert invoke("plan", "draft", example, "--all", "--cycle", "2", "-o", target)[0] == 0
    assert invoke("validate", target) == (0, "1 file checked, all valid\n", "")
    plan = read_plan(target, available_banks([])).plan
    assert [cycle.cycle for cycle in plan.cycles] == [2]
    assert {action.cycle for action in plan.actions} <= {2}


def test_without_output_the_draft_is_printed(inputs: Path) -> None:
    code, out, err = invoke("plan", "draft", "score.json")
    assert (code, err) == (0, "")
    assert out.startswith("# coprod-check action plan.\n")


def test_never_over_an_existing_file_without_force(inputs: Path) -> None:
    (inputs / "plan.yaml").write_text("my edited plan\n", encoding="utf-8")
    assert invoke("plan", "draft", "answers.yaml", "-o", "plan.yaml") == (
        2,
        "",
        "coprod-check: error: plan.yaml: already exists; use --force to replace it\n",
    )
    assert (inputs / "plan.yaml").read_text(encoding="utf-8") == "my edited plan\n"
    assert invoke("plan", "draft", "answers.yaml", "-o", "plan.yaml", "--force")[0] == 0
    assert (inputs / "plan.yaml").read_text(encoding="utf-8").startswith("# coprod-check")


def test_never_over_its_input(inputs: Path) -> None:
    before = (inputs / "answers.yaml").read_bytes()
    assert invoke("plan", "draft", "answers.yaml", "-o", "answers.yaml", "--force") == (
        2,
        "",
        "coprod-check: error: answers.yaml: refusing to write the plan over an input file\n",
    )
    assert (inputs / "answers.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--top", "0"],
            "coprod-check: error: --top 0: give 1 or more (or --all for every recommendation)\n",
        ),
        (["--cycle", "0"], "coprod-check: error: --cycle 0: cycles are numbered from 1\n"),
    ],
)
def test_bad_numbers_are_usage_errors(inputs: Path, args: list[str], message: str) -> None:
    assert invoke("plan", "draft", "answers.yaml", *args) == (2, "", message)


def test_a_plan_or_a_bank_is_not_something_to_draft_from(inputs: Path) -> None:
    assert invoke("plan", "draft", "answers.yaml", "-o", "plan.yaml")[0] == 0
    code, out, err = invoke("plan", "draft", "plan.yaml")
    assert (code, out) == (2, "")
    assert err == (
        "coprod-check: error: plan.yaml:1: this is an action plan, not an assessment; plan draft "
        "takes an answers file or a JSON result saved from 'coprod-check score' or "
        "'coprod-check aggregate'\n"
    )


def test_an_invalid_answers_file_exits_1_naming_the_line(inputs: Path) -> None:
    text = (inputs / "answers.yaml").read_text(encoding="utf-8")
    (inputs / "bad.yaml").write_text(text.replace("answers:\n", "answers:\n  no-such-q: agree\n"))
    code, out, err = invoke("plan", "draft", "bad.yaml", "-o", "plan.yaml")
    assert (code, out) == (1, "")
    assert err.startswith("coprod-check: error: bad.yaml:")
    assert "no listed bank has a question 'no-such-q'" in err
    assert not (inputs / "plan.yaml").exists()

"""``score --plan``: the plan in the report's summary and beside each recommendation.

The falls service's January and October assessments (``fixtures/plan/cycles/``) with its plan:
overdue is counted on the assessment's date, so the output does not depend on the day the tests
run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from html_checks import page_problems

CYCLES = Path(__file__).parents[1] / "fixtures" / "plan" / "cycles"

runner = CliRunner()


@pytest.fixture(autouse=True)
def in_cycles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CYCLES)


def score(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["score", *args, "-b", "../bank.yaml"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md")])
def test_report_with_plan(fmt: str, suffix: str, golden: Callable[[str, str], None]) -> None:
    code, out, err = score("oct.yaml", "--plan", "plan.yaml", "-f", fmt)
    assert (code, err) == (0, "")
    golden(f"plan/score-oct-with-plan.{suffix}", out)


def test_summary_counts_on_the_assessment_date_and_names_the_plan() -> None:
    _, out, _ = score("oct.yaml", "--plan", "plan.yaml", "-f", "json")
    plan = json.loads(out)["plan"]
    assert plan["as_of"] == "2026-10-15"
    assert plan["as_of_note"] == "the assessment's date"
    assert plan["headline"] == (
        "Community falls service (plan.yaml): 8 actions: 1 being done, 2 planned, 4 done, "
        "1 dropped; 2 overdue on 2026-10-15 (the assessment's date); every recommendation is "
        "in the plan."
    )
    assert plan["unplanned"] == 0
    assert [action["id"] for action in plan["no_longer_recommended"]] == ["a6", "a8"]


def test_each_recommendation_says_what_the_plan_does_about_it() -> None:
    _, out, _ = score("jan.yaml", "--plan", "plan.yaml", "-f", "json")
    data = json.loads(out)
    by = data["plan"]["by_recommendation"]
    keys = {f"{item['bank_id']}/{item['question_id']}" for item in data["recommendations"]}
    assert {key: [action["id"] for action in by[key]] for key in keys} == {
        "plan-fixture/cf-dont-no-funders": ["a1"],
        "plan-fixture/cf-authority-move-outside": ["a3", "a7"],
        "plan-fixture/cf-authority-senior-leaders": ["a2"],
        "plan-fixture/cf-aims-important": ["a4", "a8"],
        "plan-fixture/cf-level-shape": ["a5", "a6"],
    }
    # On 15 January nothing was overdue yet.
    assert "overdue" not in json.dumps(by).replace('"overdue": false', "")
    assert by["plan-fixture/cf-dont-no-funders"][0]["text"] == (
        "a1, done: Commissioning lead, done on 2026-03-01"
    )


def test_recommendations_without_an_action_say_so(tmp_path: Path) -> None:
    text = (CYCLES / "plan.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: a1\n")
    end = text.index("  - id: a2\n")
    (tmp_path / "plan.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    code, out, _ = score("jan.yaml", "--plan", str(tmp_path / "plan.yaml"))
    assert code == 0
    assert "In the plan: not in the plan yet" in out
    assert "1 of 5 recommendations not in the plan yet" in " ".join(out.split())


def test_html_shows_the_plan_and_keeps_the_page_rules() -> None:
    code, out, _ = score("oct.yaml", "--plan", "plan.yaml", "-f", "html")
    assert code == 0
    assert page_problems(out) == []
    assert "<dt>In the plan</dt><dd>a3, doing: Service manager, due 2026-04-10 (overdue); " in out


def test_a_result_saved_with_its_plan_can_still_be_compared(tmp_path: Path) -> None:
    for name in ("jan", "oct"):
        code, _, _ = score(
            f"{name}.yaml",
            "--plan",
            "plan.yaml",
            "-f",
            "json",
            "-o",
            str(tmp_path / f"{name}.json"),
        )
        assert code == 0
    result = runner.invoke(
        app, ["compare", str(tmp_path / "jan.json"), str(tmp_path / "oct.json"), "-f", "json"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert [point["date"] for point in json.loads(result.stdout)["points"]] == [
        "2026-01-15",
        "2026-10-15",
    ]


def test_an_invalid_plan_stops_the_report(tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    text = (CYCLES / "plan.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("question: cf-dont-no-funders", "question: cf-no-funders"))
    code, out, err = score("oct.yaml", "--plan", str(bad))
    assert (code, out) == (1, "")
    assert err == (
        f"coprod-check: error: {bad}:32:5: bank 'plan-fixture' has no question 'cf-no-funders'; "
        "did you mean 'cf-dont-no-funders'?\n"
    )


def test_the_plan_is_never_overwritten_by_the_report() -> None:
    before = (CYCLES / "plan.yaml").read_bytes()
    code, _, err = score("oct.yaml", "--plan", "plan.yaml", "-o", "plan.yaml", "--force")
    assert code == 2
    assert "refusing to write the report over an input file" in err
    assert (CYCLES / "plan.yaml").read_bytes() == before


def test_word_and_excel_reports_carry_the_plan(tmp_path: Path) -> None:
    import docx
    import openpyxl

    word, book = tmp_path / "report.docx", tmp_path / "report.xlsx"
    assert score("oct.yaml", "--plan", "plan.yaml", "-o", str(word))[0] == 0
    assert score("oct.yaml", "--plan", "plan.yaml", "-o", str(book))[0] == 0
    texts = [paragraph.text for paragraph in docx.Document(str(word)).paragraphs]
    assert any(
        text.startswith("Action plan: Community falls service (plan.yaml): 8 actions")
        for text in texts
    )
    rows = list(openpyxl.load_workbook(book)["Actions"].iter_rows(values_only=True))
    assert rows[0][-1] == "In the plan"
    assert rows[1][-1] == (
        "a3, doing: Service manager, due 2026-04-10 (overdue); "
        "a7, done: Director of adult services, done on 2026-09-01"
    )
    without = tmp_path / "plain.xlsx"
    assert score("oct.yaml", "-o", str(without))[0] == 0
    plain = list(openpyxl.load_workbook(without)["Actions"].iter_rows(values_only=True))
    assert "In the plan" not in plain[0]

"""``compare`` with a plan beside the assessments, across three Plan-Do-Study-Act cycles.

``fixtures/plan/cycles/``: a falls service team assessed in January, April, July and October
(four points, so three cycles) with the plan fixture bank, and its plan. What each cycle shows
was worked out by hand from the answers:

- cycle 1 (January to April): a1 done, funders "True" -> "Partly true": improved; a2 done, the
  senior leaders question stays "Disagree": done but did not improve; a3 still being done,
  "Disagree" -> "Agree": improved anyway;
- cycle 2 (April to July): a4 done, "Disagree" -> "Strongly agree": improved; a5 dropped;
- cycle 3 (July to October): a6 planned, its question answered "Don't know" in October: not
  comparable; a7 done, "Agree" -> "Disagree": done but got worse; a8 planned, no change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from html_checks import page_problems

CYCLES = Path(__file__).parents[1] / "fixtures" / "plan" / "cycles"
POINTS = ("jan.yaml", "apr.yaml", "jul.yaml", "oct.yaml")

runner = CliRunner()


@pytest.fixture(autouse=True)
def in_cycles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CYCLES)


def compare(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["compare", *args, "-b", "../bank.yaml"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def plans_json(*args: str) -> list[dict[str, Any]]:
    code, out, err = compare(*args, "-f", "json")
    assert (code, err) == (0, ""), err
    plans: list[dict[str, Any]] = json.loads(out)["plans"]
    return plans


def outcomes(cycle: dict[str, Any]) -> list[tuple[str, str, str, str | None, str | None]]:
    return [
        (item["id"], item["status"], item["move"], item["before"], item["after"])
        for item in cycle["actions"]
    ]


def test_three_cycles_show_what_was_done_and_how_each_question_moved() -> None:
    (plan,) = plans_json(*POINTS, "plan.yaml")
    assert plan["path"] == "plan.yaml"
    assert [(c["cycle"], c["from_point"], c["to_point"]) for c in plan["cycles"]] == [
        (1, 1, 2),
        (2, 2, 3),
        (3, 3, 4),
    ]
    first, second, third = plan["cycles"]
    assert outcomes(first) == [
        ("a1", "done", "better", "True", "Partly true"),
        ("a2", "done", "same", "Disagree", "Disagree"),
        ("a3", "doing", "better", "Disagree", "Agree"),
    ]
    assert outcomes(second) == [
        ("a4", "done", "better", "Disagree", "Strongly agree"),
        ("a5", "dropped", "same", "Disagree", "Disagree"),
    ]
    assert outcomes(third) == [
        ("a6", "planned", "not-comparable", "Disagree", "Don't know"),
        ("a7", "done", "worse", "Agree", "Disagree"),
        ("a8", "planned", "same", "Strongly agree", "Strongly agree"),
    ]
    assert [c["done"] for c in plan["cycles"]] == [2, 1, 1]
    assert [c["done_not_improved"] for c in plan["cycles"]] == [["a2"], [], ["a7"]]
    assert plan["summary"] == (
        "4 of 8 actions done; 2 done but their questions did not improve (a2, a7)."
    )


def test_a_done_action_that_did_not_improve_is_said_so() -> None:
    (plan,) = plans_json(*POINTS, "plan.yaml")
    words = {item["id"]: item["words"] for c in plan["cycles"] for item in c["actions"]}
    assert words["a2"] == "done, but the question did not improve (Disagree → Disagree)"
    assert words["a7"] == "done, but the question got worse (Agree → Disagree)"
    assert words["a1"] == "done; the question improved (True → Partly true)"
    assert words["a3"] == "not done (doing); the question improved anyway (Disagree → Agree)"
    assert words["a5"] == "dropped: The carers' forum already does this; we joined it instead."
    assert words["a6"] == (
        "not done (planned); the question cannot be compared (Disagree → Don't know)"
    )


def test_the_plan_may_come_first_or_last_or_with_plan() -> None:
    last = plans_json(*POINTS, "plan.yaml")
    assert plans_json("plan.yaml", *POINTS) == last
    assert plans_json(*POINTS, "--plan", "plan.yaml") == last


def test_inputs_out_of_order_are_lined_up_by_date_before_the_cycles() -> None:
    shuffled = plans_json("oct.yaml", "jan.yaml", "jul.yaml", "apr.yaml", "plan.yaml")
    assert shuffled == plans_json(*POINTS, "plan.yaml")


def test_cycles_without_a_later_assessment_are_not_assessed_yet() -> None:
    (plan,) = plans_json("jan.yaml", "apr.yaml", "plan.yaml")
    assert [(c["cycle"], c["from_point"], c["to_point"]) for c in plan["cycles"]] == [
        (1, 1, 2),
        (2, 2, None),
        (3, None, None),
    ]
    assert plan["cycles"][1]["note"] == "from point 2 (2026-04-15); not assessed again yet"
    assert plan["cycles"][2]["note"] == "no assessment at its start yet (only 2 compared)"
    assert {item["move"] for item in plan["cycles"][2]["actions"]} == {"not-assessed-yet"}
    assert plan["cycles"][2]["done_not_improved"] == []
    words = [item["words"] for item in plan["cycles"][2]["actions"]]
    assert words[1] == "done; not assessed again yet"


def test_without_a_plan_the_json_has_an_empty_list() -> None:
    code, out, _ = compare(*POINTS, "-f", "json")
    assert code == 0
    assert json.loads(out)["plans"] == []


@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md")])
def test_report_shows_the_plan(fmt: str, suffix: str, golden: Callable[[str, str], None]) -> None:
    code, out, err = compare(*POINTS, "plan.yaml", "-f", fmt)
    assert (code, err) == (0, "")
    golden(f"plan/compare-three-cycles.{suffix}", out)
    assert "done, but the question did not improve" in out
    assert "done, but the question got worse" in out


def test_html_report_shows_the_plan_and_keeps_the_page_rules() -> None:
    code, out, _ = compare(*POINTS, "plan.yaml", "-f", "html")
    assert code == 0
    assert page_problems(out) == []
    assert '<h2 id="plan-heading">Action plan: Community falls service</h2>' in out
    # a done action whose question did not improve stands out in words and in bold
    assert "<td><strong>done, but the question got worse (Agree → Disagree)</strong></td>" in out
    assert "<td>done; the question improved (True → Partly true)</td>" in out


def test_an_invalid_plan_stops_compare_with_its_first_problem(tmp_path: Path) -> None:
    text = (CYCLES / "plan.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "plan.yaml"
    bad.write_text(text.replace("status: dropped", "status: abandoned"), encoding="utf-8")
    code, out, err = compare(*POINTS, str(bad))
    assert (code, out) == (1, "")
    assert err.startswith(f"coprod-check: error: {bad}:")
    assert "'status' must be 'planned', 'doing', 'done' or 'dropped'" in err


def test_a_plan_alone_is_not_enough_to_compare() -> None:
    code, out, err = compare("jan.yaml", "plan.yaml")
    assert (code, out) == (2, "")
    assert err == "coprod-check: error: compare needs at least two inputs, earlier and later\n"

"""The judgement rules of the 2.0.0 bundled banks, one rule at a time, on small changes to a
ready team's answers (the expert case ``calm-peer-network-one-reason``).

Each test changes the fewest answers that exercise one rule and states the source passage the
rule follows; the expert cases in ``tests/cases`` check whole situations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from coprod_check.answers.loader import available_banks
from coprod_check.answers.model import AnswersFile
from coprod_check.scoring.engine import score
from coprod_check.scoring.report import render
from coprod_check.scoring.result import Result

CASE = Path(__file__).resolve().parent.parent / "cases" / "calm-peer-network-one-reason"
BANKS = available_banks([])
BASE: dict[str, Any] = yaml.safe_load((CASE / "answers.yaml").read_text(encoding="utf-8"))


def run(sensitivity: bool = False, banks: tuple[str, ...] | None = None, **changes: str) -> Result:
    data = {
        **BASE,
        "answers": {**BASE["answers"], **{k.replace("_", "-"): v for k, v in changes.items()}},
    }
    if banks is not None:
        data["banks"] = [b for b in data["banks"] if b["id"] in banks]
        ids = {
            q.id for bank in BANKS if bank.id in banks for s in bank.sections for q in s.questions
        }
        data["answers"] = {k: v for k, v in data["answers"].items() if k in ids}
    answers = AnswersFile.model_validate(data)
    chosen = [bank for bank in BANKS if any(b["id"] == bank.id for b in data["banks"])]
    return score(chosen, answers, sensitivity=sensitivity)


def test_the_base_team_is_ready_for_one_reason_alone() -> None:
    # Malby: "Do do coproduction if ... You need the active participation or acceptance of your
    # service users." One reason holds; the others are not true or only partly.
    result = run()
    assert (result.verdict.id, result.verdict.approach, result.level.id) == (
        "ready",
        "co-production",
        "intermediate",
    )
    case = next(s for s in result.sections if s.section_id == "malby-do")
    assert (case.status, case.score) == ("met", None)


def test_no_reason_at_all_is_voice() -> None:
    do = {
        q: "not-true"
        for q in (
            "malby-do-need-participation",
            "malby-do-honest-about-priorities",
            "malby-do-ideas-from-anywhere",
            "malby-do-go-where-patients-take-us",
            "malby-do-time-for-dark-weeks",
        )
    }
    result = run(**{k.replace("-", "_"): v for k, v in do.items()})
    assert (result.verdict.id, result.verdict.approach) == ("not-right-approach", "voice")
    assert {r.category for r in result.recommendations} == {"approach"}


@pytest.mark.parametrize(
    "question",
    [
        "malby-prepared-to-fail",
        "malby-agenda-at-door",
        "malby-connected-facilitator",
        "malby-funders-behind",
    ],
)
def test_every_dont_item_not_true_is_a_blocker_with_its_remedy(question: str) -> None:
    # Malby's fourteen "Don't do coproduction if" items are one list, equal in weight.
    result = run(**{question.replace("-", "_"): "not-true"})
    assert result.verdict.id == "not-yet"
    (reason,) = [r for r in result.verdict.decisive if r.kind == "blocker"]
    assert reason.question_ids == [question]
    assert reason.remedy
    assert "Malby says don't do co-production if so" in reason.text


def test_partly_true_dont_item_is_a_condition() -> None:
    result = run(malby_prepared_to_fail="partly-true")
    assert result.verdict.id == "ready-with-conditions"
    assert result.verdict.ranked_conditions[0].question_ids == ["malby-prepared-to-fail"]


def test_knowing_precisely_the_service_is_voice_not_a_blocker() -> None:
    result = run(malby_open_about_service="not-true")
    assert (result.verdict.id, result.verdict.approach) == ("not-right-approach", "voice")
    assert not [hit for hit in result.red_flags if hit.severity == "blocker"]


def test_choice_row_with_no_coproduction_row_is_choice() -> None:
    result = run(
        malby_approach_coproduction="not-true", malby_approach_choice_provider="fully-true"
    )
    assert [a.id for a in result.verdict.alternatives] == ["choice", "voice"]
    assert result.verdict.approach == "choice"
    assert result.recommendations[0].citation.item.startswith("Choice, 'How'")


def test_delivery_role_not_realistic_is_co_design() -> None:
    result = run(
        **{
            q.replace("-", "_"): "strongly-disagree"
            for q in (
                "inett-delivery-implementation-evaluation",
                "inett-delivery-role-realistic",
                "inett-delivery-assets",
            )
        }
    )
    assert (result.verdict.id, result.verdict.approach) == ("not-right-approach", "co-design")


def test_outcomes_not_met_is_a_condition_but_aims_not_met_is_not_yet() -> None:
    outcomes = {
        q.replace("-", "_"): "strongly-disagree"
        for q in (
            "inett-outcomes-measurable",
            "inett-outcomes-knowledge-culture",
            "inett-outcomes-success-looks-like",
            "inett-outcomes-evaluate-for-learning",
        )
    }
    assert run(**outcomes).verdict.id == "ready-with-conditions"
    aims = {
        q.replace("-", "_"): "strongly-disagree"
        for q in (
            "inett-aims-important-to-everyone",
            "inett-aims-input-valued-equally",
            "inett-aims-from-everyone",
        )
    }
    result = run(**aims)
    assert result.verdict.id == "not-yet"
    assert result.verdict.decisive[0].remedy is not None


def test_optional_intermediate_features_are_not_required() -> None:
    # Community Care: the intermediate level "may include" roles in recruiting and training staff
    result = run(
        nc_intermediate_recruit_and_train_staff="strongly-disagree",
        nc_intermediate_shared_responsibilities="strongly-disagree",
    )
    assert result.level.id == "intermediate"


def test_descriptive_is_the_baseline_and_its_step_is_given() -> None:
    lows = {
        q.replace("-", "_"): "strongly-disagree"
        for q in (
            "nc-descriptive-contribute-each-stage",
            "nc-descriptive-collaborate-in-delivery",
            "nc-descriptive-input-needed",
            "nc-intermediate-value-input",
            "nc-intermediate-feedback-channels",
            "nc-intermediate-support-networks",
        )
    }
    result = run(**lows)
    assert result.level.id == "descriptive"
    steps = [r for r in result.recommendations if r.category == "next-level"]
    assert steps[0].text.startswith("To move from descriptive to intermediate")


def test_too_few_level_answers_is_not_assessed_with_no_step_reached() -> None:
    unknown = {
        q.id.replace("-", "_"): "dont-know"
        for bank in BANKS
        if bank.id == "needham-carr-levels"
        for s in bank.sections
        for q in s.questions
    }
    result = run(**unknown)
    assert result.level.id is None and result.level.name == "Not assessed"
    assert not any(step.reached or step.assessed for step in result.level.steps)
    text = render(result, "text", color=False)
    assert "Not assessed" in text and "Not reached" not in text


def test_only_the_levels_bank_gives_a_level_but_no_verdict() -> None:
    result = run(banks=("needham-carr-levels",))
    assert (result.verdict.id, result.verdict.approach) == ("insufficient-answers", None)
    assert result.level.id == "intermediate"


def test_sensitivity_names_the_answers_one_step_from_another_result() -> None:
    result = run(sensitivity=True)
    assert result.sensitivity is not None
    flips = {(s.question_id, s.to_answer_id): (s.verdict, s.level) for s in result.sensitivity}
    # the only reason to co-produce: one step down and it is "partly true", which still holds
    assert ("malby-do-need-participation", "partly-true") not in flips
    # any "don't" item one step down is a caution: ready becomes ready on conditions
    assert flips[("malby-funders-behind", "partly-true")] == ("ready-with-conditions", None)
    explained = " ".join(render(result, "text", color=False, explain=True).split())
    assert "One step different would change the result" in explained


def test_conditions_beyond_three_only_with_all() -> None:
    result = run(
        malby_prepared_to_fail="partly-true",
        malby_agenda_at_door="partly-true",
        malby_small_steps="partly-true",
        malby_funders_behind="partly-true",
    )
    assert len(result.verdict.conditions) == 4
    short = render(result, "text", color=False)
    assert "1 more condition not shown; use --all to see every one." in short
    full = render(result, "text", color=False, show_all=True)
    assert "1 more condition not shown" not in full

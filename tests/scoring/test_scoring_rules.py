"""The scoring rules on a small hand-made bank (tests/fixtures/answers/banks/mini.yaml).

Every expected number here was worked out by hand from the rules in the brief:
value -> 0-1 (reversed when asked), section = 100 x weighted mean, thresholds, verdict rules in
order, cumulative levels, confidence from the answered share, ranked recommendations.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from coprod_check.answers.model import AnswersFile
from coprod_check.bank.loader import load_bank
from coprod_check.scoring.confidence import label_for
from coprod_check.scoring.engine import score
from coprod_check.scoring.result import Result, SectionResult

BANKS = Path(__file__).parents[1] / "fixtures" / "answers" / "banks"
MINI = load_bank(BANKS / "mini.yaml")
OTHER = load_bank(BANKS / "other.yaml")

#: The best answer to every question of the mini bank (a3 is reversed).
BEST: dict[str, str] = {
    "a1": "strongly-agree",
    "a2": "strongly-agree",
    "a3": "strongly-disagree",
    "b1": "strongly-agree",
    "b2": "strongly-agree",
    "c1": "fully-true",
    "c2": "fully-true",
    "l1": "strongly-agree",
    "l2": "strongly-agree",
}


def answers_file(answers: dict[str, Any], banks: tuple[str, ...] = ("mini",)) -> AnswersFile:
    return AnswersFile.model_validate(
        {"answers_version": 1, "banks": [{"id": b} for b in banks], "answers": answers}
    )


def run(**changes: Any) -> Result:
    """Score the best answers with ``changes`` applied (None removes an answer)."""
    answers: dict[str, Any] = {**BEST, **changes}
    return score([MINI], answers_file({k: v for k, v in answers.items() if v is not None}))


def section(result: Result, section_id: str) -> SectionResult:
    return next(s for s in result.sections if s.section_id == section_id)


def test_weighted_mean_with_reversal() -> None:
    # a1 agree = 0.75 (x1), a2 neither = 0.5 (x3), a3 disagree reversed = 1 - 0.25 = 0.75 (x1)
    # (0.75 + 1.5 + 0.75) / 5 = 0.6 -> 60: partly met (40 <= 60 < 75)
    result = run(a1="agree", a2="neither", a3="disagree")
    authority = section(result, "authority")
    assert authority.score == 60.0
    assert authority.status == "partly-met"
    assert (authority.answered, authority.total) == (3, 3)
    assert [a.value for a in authority.answers] == [0.75, 0.5, 0.75]
    assert [a.weight for a in authority.answers] == [1.0, 3.0, 1.0]
    assert "a1=0.75, a2=0.5×3, a3=0.75 (reversed)" in authority.explanation
    assert authority.explanation.endswith("so partly met.")
    assert result.verdict.id == "ready-with-conditions"
    # the middle answer holds the score down: it is never "in its favour"
    assert result.verdict.conditions == [
        "“Authority” is partly met (score 60; met at 75, partly met at 40): you answered "
        "“Neither” to “Leaders back us.”; in its favour, “Agree” to “We have authority.”; "
        "“Disagree” to “Hierarchy gets in the way.”. Source: Test Author (2020)"
    ]


def test_score_exactly_on_the_threshold_is_met() -> None:
    # three answers worth 0.75 each: exactly 75, which must count as met (no float error)
    result = run(a1="agree", a2="agree", a3="disagree")
    assert section(result, "authority").score == 75.0
    assert section(result, "authority").status == "met"


def test_dont_know_counts_as_unanswered() -> None:
    # a1 don't know: only a2 (x3) and a3 count: (3 x 1 + 1 x 1) / 4 = 1 -> 100
    result = run(a1="dont-know")
    authority = section(result, "authority")
    assert (authority.score, authority.answered, authority.status) == (100.0, 2, "met")
    trace = authority.answers[0]
    assert (trace.answer_id, trace.answer_label, trace.value) == ("dont-know", "Don't know", None)
    assert result.confidence.answered == 8


def test_section_unknown_below_min_answered_keeps_its_score() -> None:
    # 1 of 3 answered is below min_answered 0.5: unknown, though the score is shown
    result = run(a2=None, a3=None)
    authority = section(result, "authority")
    assert (authority.score, authority.status) == (100.0, "unknown")
    assert "min_answered" in authority.explanation
    # half answered is enough: resource has 1 of 2
    resource = section(run(b2=None), "resource")
    assert (resource.score, resource.status) == (100.0, "met")


def test_section_without_answers_has_no_score() -> None:
    resource = section(run(b1=None, b2="dont-know"), "resource")
    assert (resource.score, resource.answered, resource.status) == (None, 0, "unknown")


def test_section_thresholds_override_the_bank() -> None:
    # resource is met at 50 and partly met at 25: b1 neither, b2 neither -> 50 -> met
    resource = section(run(b1="neither", b2="neither"), "resource")
    assert (resource.score, resource.status, resource.met_at, resource.partly_met_at) == (
        50.0,
        "met",
        50.0,
        25.0,
    )


def test_rule_1_too_few_answers() -> None:
    result = score([MINI], answers_file({"a1": "agree", "b1": "agree", "l1": "dont-know"}))
    assert result.verdict.id == "insufficient-answers"
    assert result.verdict.label == "Too few answers to say"
    assert result.confidence.label == "insufficient"
    assert (result.confidence.answered, result.confidence.total) == (2, 9)
    assert result.verdict.reasons[0] == (
        "Only 2 of 9 questions are answered (22.2%); answer more before relying on a verdict"
    )
    assert result.verdict.explanation.endswith("Rule 1 applied.")


def test_rule_1_applies_per_bank() -> None:
    # every mini question answered, but the other bank (also listed) not at all
    result = score([MINI, OTHER], answers_file(BEST, ("mini", "other")))
    assert result.confidence.fraction == 0.9
    assert result.confidence.label == "insufficient"
    assert result.verdict.id == "insufficient-answers"
    assert result.verdict.reasons[1] == (
        "Bank “Other bank” has 0 of 1 answered; it needs at least 50%"
    )


def test_rule_2_decisive_criterion_not_met_suggests_voice() -> None:
    result = run(a1="strongly-disagree", a2="strongly-disagree", a3="strongly-agree")
    assert section(result, "authority").score == 0.0
    assert result.verdict.id == "not-right-approach"
    assert result.verdict.reasons == [
        "Voice fits this work better: “Authority” is not met. Source: Test Author (2020)"
    ]
    assert result.verdict.approach == "voice"
    assert result.verdict.decisive[0].question_ids == ["a1", "a2", "a3"]
    assert [a.id for a in result.verdict.alternatives] == ["voice"]
    assert result.verdict.alternatives[0].because == ["“Authority” is not met"]
    citation = result.verdict.alternatives[0].citation
    assert citation.short == 'Test Author (2020), "A test source": Voice'


def test_rule_2_case_not_met_suggests_choice() -> None:
    result = run(c1="not-true", c2="not-true")
    assert result.verdict.id == "not-right-approach"
    choice = result.verdict.alternatives
    assert [a.id for a in choice] == ["choice"]
    assert choice[0].because == [
        "You answered “Not true” to “People are outraged.” and “Reasons to co-produce” is not met",
        "You answered “Not true” to “There is doubt about the design.” and “Reasons to "
        "co-produce” is not met",
    ]
    assert result.verdict.reasons == [
        "Choice fits this work better: "
        + "; ".join(b[0].lower() + b[1:] for b in choice[0].because)
        + ". Source: Test Author (2020)"
    ]


def test_rule_2_comes_before_blockers() -> None:
    result = run(c1="not-true", c2="not-true", b1="strongly-disagree")
    assert result.verdict.id == "not-right-approach"
    assert [hit.severity for hit in result.red_flags] == ["blocker"]


def test_rule_3_blocker() -> None:
    # b1 strongly disagree (0) and b2 (1): resource 50, met at 50; the blocker decides
    result = run(b1="strongly-disagree")
    assert section(result, "resource").status == "met"
    assert result.verdict.id == "not-yet"
    assert result.verdict.reasons == [
        "No funding at all. (you answered “Strongly disagree” to “We have funding.”). Source: "
        "Test Author (2020). What to do: Find a funder."
    ]
    assert result.verdict.decisive[0].remedy == "Find a funder."
    hit = result.red_flags[0]
    assert (hit.severity, hit.bank_id, hit.question_id, hit.answer_id) == (
        "blocker",
        "mini",
        "b1",
        "strongly-disagree",
    )
    assert hit.citation.item == "B1"


def test_rule_3_criterion_not_met() -> None:
    # b1 disagree 0.25, b2 strongly disagree 0: 12.5 < 25 -> not met; b2 also raises a caution
    result = run(b1="disagree", b2="strongly-disagree")
    assert section(result, "resource").score == 12.5
    assert result.verdict.id == "not-yet"
    assert result.verdict.reasons == [
        "“Resource” is not met (score 12.5; met at 50, partly met at 25): you answered "
        "“Disagree” to “We have funding.”; “Strongly disagree” to “We have time.”. Source: Test "
        "Author (2020)"
    ]
    assert result.verdict.decisive[0].question_ids == ["b1", "b2"]
    assert [hit.severity for hit in result.red_flags] == ["caution"]


def test_rule_4_caution_is_a_named_condition() -> None:
    result = run(b2="disagree")
    assert section(result, "resource").status == "met"
    assert result.verdict.id == "ready-with-conditions"
    assert result.verdict.conditions == [
        "Time is short. (you answered “Disagree” to “We have time.”). Source: Test Author (2020). "
        "What to do: Make time."
    ]


def test_rule_4_case_partly_met() -> None:
    # c1 fully true (1), c2 not true (0): 50 -> partly met
    result = run(c2="not-true")
    assert result.verdict.id == "ready-with-conditions"
    assert result.verdict.conditions == [
        "“Reasons to co-produce” is partly met (score 50; met at 75, partly met at 40): you "
        "answered “Not true” to “There is doubt about the design.”; in its favour, “True” to "
        "“People are outraged.”. Source: Test Author (2020)"
    ]


def test_rule_5_all_best_is_ready_at_the_top_level() -> None:
    result = run()
    assert result.verdict.id == "ready"
    assert result.verdict.label == "Ready to co-produce"
    assert result.verdict.conditions == []
    assert result.level.id == "two"
    assert result.confidence.label == "high"
    assert result.red_flags == []
    assert result.recommendations == []


@pytest.mark.parametrize(
    ("l1", "l2", "level", "reached"),
    [
        ("strongly-agree", "strongly-agree", "two", [True, True]),
        ("neither", "agree", "two", [True, True]),  # 50 >= 50, 75 >= 75: on the thresholds
        ("agree", "neither", "one", [True, False]),  # 50 < 75
        ("disagree", "strongly-agree", None, [False, False]),  # cumulative: no skipping
        ("dont-know", "strongly-agree", None, [False, False]),  # level one unknown
    ],
)
def test_levels_are_cumulative(l1: str, l2: str, level: str | None, reached: list[bool]) -> None:
    result = run(l1=l1, l2=l2)
    assert result.level.id == level
    assert [step.reached for step in result.level.steps] == reached


def test_level_name_for_none_and_explanation() -> None:
    result = run(l1="disagree")
    assert result.level.name == "No level reached"  # the mini bank has no baseline level
    assert result.level.explanation.startswith("Level one not reached (indicators 25 < 50)")
    assert "Level two indicators score 100 but a lower level is not reached" in (
        result.level.explanation
    )


def test_level_not_given_without_indicator_answers() -> None:
    result = run(l1=None, l2="dont-know")
    assert result.level.id is None
    assert result.level.confidence == "insufficient"
    assert result.level.name == "Not assessed"
    assert [step.assessed for step in result.level.steps] == [False, False]
    assert not any(step.reached for step in result.level.steps)


def test_level_not_assessed_without_a_level_bank() -> None:
    result = score([OTHER], answers_file({"o1": "yes"}, ("other",)))
    assert (result.level.id, result.level.name, result.level.steps) == (None, "Not assessed", [])
    assert result.case is None
    assert result.verdict.id == "ready"


@pytest.mark.parametrize(
    ("answered", "total", "needed", "label"),
    [
        (8, 10, Fraction(1, 2), "high"),
        (79, 100, Fraction(1, 2), "medium"),
        (5, 10, Fraction(1, 2), "medium"),
        (49, 100, Fraction(1, 2), "insufficient"),
        (4, 10, Fraction(3, 10), "low"),
        (3, 10, Fraction(3, 10), "low"),
        (29, 100, Fraction(3, 10), "insufficient"),
        (65, 100, Fraction(7, 10), "insufficient"),
        (7, 10, Fraction(7, 10), "medium"),
    ],
)
def test_confidence_labels(answered: int, total: int, needed: Fraction, label: str) -> None:
    assert label_for(Fraction(answered, total), needed) == label


def test_confidence_of_a_result() -> None:
    result = run(l2=None, a1="dont-know")  # 7 of 9 = 0.7778
    assert (result.confidence.answered, result.confidence.total) == (7, 9)
    assert result.confidence.fraction == 0.7778
    assert result.confidence.label == "medium"
    assert result.confidence.explanation.startswith("7 of 9 questions answered (77.8%)")


def test_case_counts_items_that_hold() -> None:
    # "Partly true" is exactly half way: it does not hold (a reason holds above the middle), so
    # the report never says "2 of 2 reasons hold" beside a section that is only partly met.
    case = run(c2="partly-true").case
    assert case is not None
    assert (case.holds, case.answered, case.total, case.score, case.status) == (
        1,
        2,
        2,
        75.0,
        "met",
    )
    assert "1 of 2 reasons to co-produce hold" in case.explanation
    case = run(c1="fully-true", c2="fully-true").case
    assert case is not None and case.holds == 2


def test_recommendations_are_ranked_and_unique() -> None:
    result = run(
        b1="strongly-disagree",  # blocker; resource (0 + 0.25) / 2 = 12.5 -> not met
        b2="disagree",  # "when" matches; in a criterion that must be in place first
        a1="disagree",  # authority (0.25 + 1.5 + 1) / 5 = 55 -> partly met: a condition
        a2="neither",
        l1="disagree",  # level one not reached: a step to the next level
        l2="disagree",  # a higher level: other
        c2="not-true",  # case (1 + 0) / 2 = 50 -> partly met: a condition, scored 50 < 55
    )
    assert [s.score for s in result.sections if s.role == "criterion"] == [55.0, 12.5]
    assert result.verdict.id == "not-yet"
    got = [(r.rank, r.category, r.question_id, r.text) for r in result.recommendations]
    assert got == [
        (1, "blocker", "b1", "Find a funder."),
        (2, "criterion", "b2", "Make time."),
        (3, "condition", "c2", "Listen to the outrage."),
        (4, "condition", "a1", "Get authority."),
        (5, "next-level", "l1", "Ask people to contribute."),
        (6, "other", "l2", "Let people lead."),
    ]
    first = result.recommendations[0]
    assert first.because == (
        "You answered “Strongly disagree” to “We have funding.”, in the weaker half of its "
        "scale; it raises a blocker."
    )
    assert first.citation.short == 'Test Author (2020), "A test source": B1 advice'
    assert result.recommendations[1].because == (
        "You answered “Disagree” to “We have time.”; “Resource” is not met (score 12.5)."
    )


def test_not_the_right_approach_recommends_only_the_approach() -> None:
    # the case is not met: choice fits; nothing about preparing for co-production is advised
    result = run(b1="strongly-disagree", c1="not-true", c2="not-true")
    assert result.verdict.id == "not-right-approach"
    assert result.recommendations == []


def test_recommendation_needs_the_weaker_half_or_a_when_answer() -> None:
    # neither = 0.5 is not below half: no recommendation; b2 neither is not in its "when"
    result = run(a1="neither", b2="neither")
    assert result.recommendations == []


def test_respondent_and_banks_are_carried_over() -> None:
    file = AnswersFile.model_validate(
        {
            "answers_version": 1,
            "banks": [{"id": "mini", "version": "1.0.0"}],
            "respondent": {"pseudonym": "Team A", "role": "carer", "date": "2026-11-25"},
            "answers": {"a1": {"answer": "agree", "note": "See minutes."}},
        }
    )
    result = score([MINI], file)
    assert result.respondent.model_dump() == {
        "pseudonym": "Team A",
        "role": "carer",
        "date": "2026-11-25",
        "project": None,
    }
    assert [(b.id, b.version, b.title) for b in result.banks] == [("mini", "1.0.0", "Mini bank")]
    assert section(result, "authority").answers[0].note == "See minutes."
    assert result.tool_version


def test_off_scale_answer_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not on its scale"):
        score([MINI], answers_file({"a1": "fully-true"}))


def test_every_conclusion_is_explained() -> None:
    result = run(b2="disagree", l2="disagree")
    assert all(s.explanation for s in result.sections)
    assert result.level.explanation and result.confidence.explanation
    assert result.case is not None and result.case.explanation
    assert result.verdict.explanation.endswith("Rule 4 applied.")
    assert all(r.because for r in result.recommendations)


def test_answers_without_the_levels_bank_say_levels_were_not_available() -> None:
    from coprod_check.answers.model import AnswersFile
    from coprod_check.bank.loader import load_bundled_banks
    from coprod_check.scoring.engine import score
    from coprod_check.scoring.report import render

    inett = [bank for bank in load_bundled_banks() if bank.id == "right-circumstances"]
    answers = AnswersFile.model_validate(
        {
            "answers_version": 1,
            "banks": [{"id": "right-circumstances"}],
            "answers": {
                question.id: "agree"
                for section in inett[0].sections
                for question in section.questions
            },
        }
    )
    result = score(inett, answers)
    assert (result.level.id, result.level.available, result.level.steps) == (None, False, [])
    assert result.verdict.id != "insufficient-answers"
    text = render(result, "text", color=False)
    assert (
        "Level: Not assessed; confidence none: no answered bank defines Needham & Carr levels"
        in text
    )

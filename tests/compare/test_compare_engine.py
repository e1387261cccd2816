"""The compare engine on hand-built sequences: exact changes, statuses and regressions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_samples import MALBY, RIGHT, point, values
from coprod_check.compare.comparability import IncomparableError
from coprod_check.compare.engine import compare
from coprod_check.compare.point import Point
from coprod_check.errors import EXIT_USAGE, UsageError
from coprod_check.scoring.result import Result

FUNDERS = "malby-dont-no-funders"
LEADERS = "inett-authority-senior-leaders"
AMBITION = "inett-aims-important-to-everyone"


def run(*results: Result, allow: bool = False, labels: list[str] | None = None):  # type: ignore[no-untyped-def]
    names = labels or [f"p{index}.json" for index in range(1, len(results) + 1)]
    points = [Point(name, "score", result) for name, result in zip(names, results, strict=True)]
    return compare(points, allow_bank_change=allow, tool_version="0.1.0")


def january() -> Result:
    return point(
        "2026-01-15",
        values(
            inett_authority_move_outside=0.25,
            inett_authority_senior_leaders=0.25,
            malby_dont_no_funders=0.0,
        ),
        level="none",
        verdict="not-yet",
        flags=[(FUNDERS, "blocker"), (FUNDERS, "caution")],
        recommendations=[FUNDERS, LEADERS, AMBITION],
    )


def april() -> Result:
    return point(
        "2026-04-15",
        values(
            inett_authority_move_outside=0.75,
            inett_authority_senior_leaders=0.75,
            inett_aims_important_to_everyone=0.75,
        ),
        level="descriptive",
        verdict="ready-with-conditions",
        flags=[(FUNDERS, "caution")],
        recommendations=[FUNDERS, AMBITION],
    )


def test_improvement_between_two_cycles() -> None:
    result = run(january(), april())
    assert result.order == "date"
    assert result.order_note == "By the respondent dates the inputs carry, earliest first."
    assert [p.level_id for p in result.points] == ["none", "descriptive"]
    assert [p.level_rank for p in result.points] == [0, 1]
    step = result.steps[0]
    assert (step.from_point, step.to_point) == (1, 2)
    assert step.level.direction == "better"
    assert step.verdict.direction == "better"
    assert step.verdict.to_label == "Ready to co-produce, on conditions"
    assert [(f.question_id, f.text) for f in step.red_flags_resolved] == [
        (
            FUNDERS,
            "You haven't got the funders behind you: Malby says don't do co-production if so.",
        )
    ]
    assert step.red_flags_new == []
    assert [r.question_id for r in step.recommendations_acted_on] == [LEADERS]
    assert step.recommendations_new == []
    assert step.regressions == []
    assert result.regressions == []
    assert [(c.section_id, c.scores, c.change, c.direction) for c in result.criteria] == [
        ("inett-authority", [25.0, 75.0], 50.0, "better"),
        ("inett-aims", [50.0, 62.5], 12.5, "better"),
        ("inett-resource", [50.0, 50.0], 0.0, "same"),
        ("malby-dont", [25.0, 50.0], 25.0, "better"),
    ]
    assert [c.statuses for c in result.criteria] == [
        ["not-met", "met"],
        ["partly-met", "partly-met"],
        ["partly-met", "partly-met"],
        ["not-met", "partly-met"],
    ]
    assert all(not c.recomputed and c.questions_compared == 2 for c in result.criteria)
    assert [(f.severity, f.status, f.present, f.since) for f in result.red_flags] == [
        ("caution", "open", [True, True], 1),
        ("blocker", "resolved", [True, False], None),
    ]
    assert [(r.question_id, r.status, r.since) for r in result.recommendations] == [
        (FUNDERS, "still-open", 1),
        (AMBITION, "still-open", 1),
        (LEADERS, "acted-on", None),
    ]
    assert result.comparability.bank_changed is False
    assert result.comparability.note == "Every point was assessed with the same 8 questions."
    assert result.summary == (
        "From point 1 to point 2: level Not yet co-producing → Descriptive (better); verdict "
        "Not ready yet → Ready to co-produce, on conditions (better); 3 sections better, 0 "
        "worse, 1 the same, 0 not comparable; 1 red flag resolved, 0 new, 1 still open; "
        "1 recommendation acted on, 2 open."
    )


def test_regression_reports_level_verdict_and_new_blocker() -> None:
    # Given later first on the command line: the dates put them back in time order.
    result = run(
        april().model_copy(update={"respondent": january().respondent}),
        january().model_copy(update={"respondent": april().respondent}),
    )
    assert result.order_note == "By the respondent dates the inputs carry, earliest first."
    assert result.regressions == [
        "level dropped from Descriptive to Not yet co-producing",
        "verdict worsened from Ready to co-produce, on conditions to Not ready yet",
        "new blocker: You haven't got the funders behind you: Malby says don't do co-production "
        "if so. (malby-do-dont/malby-dont-no-funders)",
    ]
    assert [c.direction for c in result.criteria] == ["worse", "worse", "same", "worse"]
    assert [(f.severity, f.status, f.since) for f in result.red_flags] == [
        ("blocker", "new", 2),
        ("caution", "open", 1),
    ]
    assert [(r.question_id, r.status, r.since) for r in result.recommendations] == [
        (FUNDERS, "still-open", 1),
        (LEADERS, "new", 2),
        (AMBITION, "still-open", 1),
    ]


def test_dates_reorder_inputs_given_out_of_order() -> None:
    result = run(april(), january(), labels=["apr.json", "jan.json"])
    assert [p.label for p in result.points] == ["jan.json", "apr.json"]
    assert result.order == "date"
    assert result.order_note == (
        "By the respondent dates the inputs carry, earliest first (not the order given)."
    )
    assert result.regressions == []


def test_a_missing_date_keeps_the_order_given_and_says_why() -> None:
    undated = april().model_copy(
        update={"respondent": april().respondent.model_copy(update={"date": None})}
    )
    result = run(undated, january(), labels=["apr.json", "jan.json"])
    assert [p.label for p in result.points] == ["apr.json", "jan.json"]
    assert result.order == "given"
    assert result.order_note == (
        "In the order given on the command line: apr.json carries no respondent date."
    )
    assert result.regressions[0] == "level dropped from Descriptive to Not yet co-producing"


def test_new_blocker_alone_is_a_regression() -> None:
    before = point("2026-01-15", values(), level="descriptive", verdict="not-yet")
    after = point(
        "2026-04-15",
        values(malby_dont_no_funders=0.0),
        level="descriptive",
        verdict="not-yet",
        flags=[(FUNDERS, "blocker")],
        recommendations=[FUNDERS],
    )
    result = run(before, after)
    assert result.steps[0].level.direction == "same"
    assert result.steps[0].verdict.direction == "same"
    assert [f.question_id for f in result.steps[0].red_flags_new] == [FUNDERS]
    assert [r.question_id for r in result.steps[0].recommendations_new] == [FUNDERS]
    assert result.regressions == [
        "new blocker: You haven't got the funders behind you: Malby says don't do co-production "
        "if so. (malby-do-dont/malby-dont-no-funders)"
    ]


def test_a_new_caution_is_not_a_regression() -> None:
    before = point("2026-01-15", values(), verdict="ready")
    after = point(
        "2026-04-15", values(), verdict="ready", flags=[("malby-dont-save-money", "caution")]
    )
    result = run(before, after)
    assert result.regressions == []
    assert [(f.severity, f.status) for f in result.red_flags] == [("caution", "new")]


def test_regressions_are_those_of_the_latest_cycle_only() -> None:
    first = point("2026-01-15", values(), level="intermediate", verdict="ready")
    dip = point("2026-04-15", values(), level="none", verdict="not-yet")
    recovered = point("2026-07-15", values(), level="descriptive", verdict="not-yet")
    result = run(first, dip, recovered)
    assert result.steps[0].regressions == [
        "level dropped from Intermediate to Not yet co-producing",
        "verdict worsened from Ready to co-produce to Not ready yet",
    ]
    assert result.steps[1].regressions == []
    assert result.steps[1].level.direction == "better"
    assert result.regressions == []
    # The summary still compares the first point with the last.
    assert result.summary.startswith(
        "From point 1 to point 3: level Intermediate → Descriptive (worse); verdict Ready to "
        "co-produce → Not ready yet (worse)"
    )


def test_insufficient_answers_and_unassessed_levels_are_not_comparable() -> None:
    before = point("2026-01-15", values(), level="descriptive", verdict="ready")
    after = point("2026-04-15", values(), level="descriptive", verdict="insufficient-answers")
    after = after.model_copy(
        update={"level": after.level.model_copy(update={"id": None, "name": "Not assessed"})}
    )
    result = run(before, after)
    assert result.steps[0].level.direction == "not-comparable"
    assert result.steps[0].verdict.direction == "not-comparable"
    assert result.regressions == []
    assert result.points[1].level_rank is None


def test_flag_and_recommendation_gone_because_unanswered_are_not_resolved() -> None:
    before = point(
        "2026-01-15",
        values(malby_dont_no_funders=0.0),
        flags=[(FUNDERS, "blocker")],
        recommendations=[FUNDERS],
    )
    after = point("2026-04-15", values(malby_dont_no_funders=None))
    result = run(before, after)
    assert [(f.status, f.present) for f in result.red_flags] == [("unanswered", [True, False])]
    assert [(r.status, r.present) for r in result.recommendations] == [
        ("unanswered", [True, False])
    ]
    # Per step it is still absent later, so listed as such; the trend says why.
    assert [f.question_id for f in result.steps[0].red_flags_resolved] == [FUNDERS]


def test_score_missing_at_one_point_is_not_comparable() -> None:
    before = point(
        "2026-01-15",
        values(inett_resource_understand_process=None, inett_resource_build_relationships=None),
    )
    after = point("2026-04-15", values())
    result = run(before, after)
    resource = next(c for c in result.criteria if c.section_id == "inett-resource")
    assert resource.scores == [None, 50.0]
    assert resource.statuses == ["unknown", "partly-met"]
    assert resource.change is None
    assert resource.direction == "not-comparable"
    assert resource.step_changes == [None]


def test_three_points_step_changes_and_since() -> None:
    one = point("2026-01-15", values(inett_authority_move_outside=0.0), recommendations=[LEADERS])
    two = point("2026-04-15", values(inett_authority_move_outside=0.25), recommendations=[])
    three = point("2026-07-15", values(inett_authority_move_outside=1.0), recommendations=[LEADERS])
    result = run(one, two, three)
    authority = result.criteria[0]
    assert authority.scores == [25.0, 37.5, 75.0]
    assert authority.step_changes == [12.5, 37.5]
    assert authority.change == 50.0
    assert [(r.status, r.present, r.since) for r in result.recommendations] == [
        ("new", [True, False, True], 3)
    ]
    assert [len(step.recommendations_acted_on) for step in result.steps] == [1, 0]


def test_fewer_than_two_inputs_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        run(january())
    assert caught.value.exit_code == EXIT_USAGE
    assert str(caught.value) == (
        "compare needs at least two inputs (earlier and later assessments)"
    )


# -- bank changes --------------------------------------------------------------------------------

REWORDED = "Everyone's input must be valued equally."
NEW_QUESTION = {
    "inett-resource-right-skills": (
        "inett-resource",
        "People are joining with the right skills, knowledge and experience.",
    )
}


def changed_bank() -> Result:
    answers = values(inett_authority_move_outside=0.75, inett_aims_input_valued_equally=1.0)
    del answers["inett-resource-build-relationships"]
    answers["inett-resource-right-skills"] = 1.0
    return point(
        "2026-04-15",
        answers,
        versions={RIGHT: "1.1.0"},
        statements={"inett-aims-input-valued-equally": REWORDED},
        extra_questions=NEW_QUESTION,
        level="descriptive",
    )


def test_bank_change_stops_and_names_what_changed() -> None:
    with pytest.raises(IncomparableError) as caught:
        run(january(), changed_bank(), labels=["jan.json", "apr.json"])
    assert caught.value.exit_code == EXIT_USAGE
    assert str(caught.value) == (
        "apr.json: the questions differ: right-circumstances 1.0.0 (jan.json) -> 1.1.0 "
        "(apr.json): added inett-resource-right-skills; removed "
        "inett-resource-build-relationships; reworded inett-aims-input-valued-equally; compare "
        "only the questions they share with --allow-bank-change"
    )


def test_bank_change_allowed_compares_only_the_shared_questions() -> None:
    result = run(january(), changed_bank(), allow=True, labels=["jan.json", "apr.json"])
    comparability = result.comparability
    assert comparability.bank_changed is True
    assert comparability.allowed is True
    assert comparability.questions_compared == 6
    assert comparability.left_out == [
        "right-circumstances/inett-aims-input-valued-equally",
        "right-circumstances/inett-resource-build-relationships",
        "right-circumstances/inett-resource-right-skills",
    ]
    assert comparability.note.startswith(
        "The banks changed between points (1 change); as asked (--allow-bank-change), only the "
        "6 questions identical at every point are compared and 3 are left out."
    )
    [change] = comparability.changes
    assert (change.bank_id, change.from_version, change.to_version) == (RIGHT, "1.0.0", "1.1.0")
    assert [(q.kind, q.question_id, q.before, q.after) for q in change.questions] == [
        (
            "reworded",
            "inett-aims-input-valued-equally",
            "Everyone's input is valued equally.",
            REWORDED,
        ),
        (
            "removed",
            "inett-resource-build-relationships",
            "We have the time and resource to build relationships.",
            None,
        ),
        (
            "added",
            "inett-resource-right-skills",
            None,
            "People are joining with the right skills, knowledge and experience.",
        ),
    ]
    by_id = {c.section_id: c for c in result.criteria}
    # Shared questions only: aims = important-to-everyone (0.5, 0.5); resource = understand.
    assert by_id["inett-aims"].scores == [50.0, 50.0]
    assert by_id["inett-aims"].recomputed is True
    assert by_id["inett-aims"].questions_compared == 1
    assert by_id["inett-resource"].scores == [50.0, 50.0]
    assert by_id["inett-authority"].scores == [25.0, 62.5]
    assert by_id["inett-authority"].recomputed is False
    assert by_id["inett-authority"].questions_compared == 2


def test_version_bump_with_identical_questions_is_comparable() -> None:
    later = april().model_copy(
        update={
            "banks": [
                b.model_copy(update={"version": "1.0.1"}) if b.id == MALBY else b
                for b in april().banks
            ]
        }
    )
    result = run(january(), later, labels=["jan.json", "apr.json"])
    assert result.comparability.bank_changed is False
    assert result.comparability.note == (
        "Every point was assessed with the same 8 questions. Bank versions differ but their "
        "questions are identical: malby-do-dont 1.0.0 (jan.json) -> 1.0.1 (apr.json): same "
        "questions."
    )


def test_same_version_with_a_reworded_question_is_still_a_bank_change() -> None:
    edited = point("2026-04-15", values(), statements={LEADERS: "Our senior leaders approve it."})
    with pytest.raises(IncomparableError, match=r"reworded inett-authority-senior-leaders"):
        run(january(), edited)


def test_moved_and_reweighted_questions_are_bank_changes() -> None:
    moved = point(
        "2026-04-15",
        values(),
        extra_questions={LEADERS: ("inett-aims", QUESTIONS_LEADERS)},
        weights={"inett-resource-understand-process": 2.0},
    )
    with pytest.raises(IncomparableError) as caught:
        run(january(), moved)
    assert "moved inett-authority-senior-leaders; reweighted inett-resource-understand-process" in (
        str(caught.value)
    )
    result = run(january(), moved, allow=True)
    changes = result.comparability.changes[0].questions
    assert [(q.kind, q.before, q.after) for q in changes] == [
        ("moved", "inett-authority", "inett-aims"),
        ("reweighted", "1", "2"),
    ]


QUESTIONS_LEADERS = (
    "Our senior leaders are actively involved and visibly support this work, not just approving it."
)


def test_a_bank_answered_at_one_point_only_is_a_bank_change() -> None:
    later = april().model_copy(
        update={
            "banks": [b for b in april().banks if b.id != MALBY],
            "sections": [s for s in april().sections if s.bank_id != MALBY],
            "red_flags": [],
            "recommendations": [r for r in april().recommendations if r.bank_id != MALBY],
        }
    )
    with pytest.raises(IncomparableError) as caught:
        run(january(), later, labels=["jan.json", "apr.json"])
    assert str(caught.value).startswith(
        "apr.json: the questions differ: malby-do-dont 1.0.0 (jan.json) -> (not answered) "
        "(apr.json): removed malby-dont-no-funders, malby-dont-save-money;"
    )
    result = run(january(), later, allow=True)
    assert [c.section_id for c in result.criteria] == [
        "inett-authority",
        "inett-aims",
        "inett-resource",
    ]
    assert result.red_flags == []  # flags on questions left out are not compared
    assert [r.question_id for r in result.recommendations] == [AMBITION, LEADERS]


def test_answers_of_another_bank_version_are_unverifiable() -> None:
    later = Point("apr.yaml", "answers", april(), answered_versions={RIGHT: "0.9.0"})
    with pytest.raises(IncomparableError) as caught:
        compare([Point("jan.json", "score", january()), later], tool_version="0.1.0")
    assert str(caught.value) == (
        "apr.yaml: the questions differ: apr.yaml answered right-circumstances 0.9.0 but was "
        "scored with 1.0.0, so its wording cannot be checked; compare only the questions they "
        "share with --allow-bank-change"
    )
    result = compare(
        [Point("jan.json", "score", january()), later],
        allow_bank_change=True,
        tool_version="0.1.0",
    )
    assert result.comparability.bank_changed is True
    assert result.comparability.changes[0].unverifiable is True
    assert result.comparability.questions_compared == 8


# -- properties ----------------------------------------------------------------------------------

VALUE = st.sampled_from([None, 0.0, 0.25, 0.5, 0.75, 1.0])
LEVEL = st.sampled_from(["none", "descriptive", "intermediate", "transformative"])
VERDICT = st.sampled_from(
    ["ready", "ready-with-conditions", "not-yet", "not-right-approach", "insufficient-answers"]
)
FLAGS = st.lists(
    st.sampled_from(
        [(FUNDERS, "blocker"), (FUNDERS, "caution"), ("malby-dont-save-money", "caution")]
    ),
    unique=True,
)


@st.composite
def results(draw: st.DrawFn, date: str) -> Result:
    answers = {key: draw(VALUE) for key in values()}
    return point(date, answers, level=draw(LEVEL), verdict=draw(VERDICT), flags=draw(FLAGS))


@settings(max_examples=60, deadline=None)
@given(results("2026-01-15"), results("2026-04-15"))
def test_reversing_two_points_mirrors_every_change(a: Result, b: Result) -> None:
    forward = run(a, b)
    backward = run(
        b.model_copy(update={"respondent": a.respondent}),
        a.model_copy(update={"respondent": b.respondent}),
    )
    mirror = {
        "better": "worse",
        "worse": "better",
        "same": "same",
        "not-comparable": "not-comparable",
    }
    for there, back in zip(forward.criteria, backward.criteria, strict=True):
        assert back.direction == mirror[there.direction]
        assert back.change == (None if there.change is None else -there.change + 0.0)
    assert backward.steps[0].level.direction == mirror[forward.steps[0].level.direction]
    assert backward.steps[0].verdict.direction == mirror[forward.steps[0].verdict.direction]
    assert forward.steps[0].red_flags_new == backward.steps[0].red_flags_resolved


@settings(max_examples=60, deadline=None)
@given(results("2026-01-15"))
def test_a_result_compared_with_itself_has_no_change(a: Result) -> None:
    result = run(a, a)
    assert result.regressions == []
    assert all(c.direction in ("same", "not-comparable") for c in result.criteria)
    assert all(f.status == "open" for f in result.red_flags)
    assert result.steps[0].level.direction in ("same", "not-comparable")


@settings(max_examples=60, deadline=None)
@given(results("2026-01-15"), results("2026-04-15"))
def test_regression_exactly_when_level_drops_verdict_worsens_or_blocker_appears(
    a: Result, b: Result
) -> None:
    result = run(a, b)
    order = ["not-right-approach", "not-yet", "ready-with-conditions", "ready"]
    ranks = ["none", "descriptive", "intermediate", "transformative"]
    worse_verdict = (
        a.verdict.id in order
        and b.verdict.id in order
        and order.index(b.verdict.id) < order.index(a.verdict.id)
    )
    level_drop = ranks.index(b.level.id or "none") < ranks.index(a.level.id or "none")
    new_blocker = any(f.severity == "blocker" for f in b.red_flags) and not any(
        f.severity == "blocker" for f in a.red_flags
    )
    assert bool(result.regressions) == (worse_verdict or level_drop or new_blocker)

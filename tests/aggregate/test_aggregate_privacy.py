"""Small groups stay hidden against arithmetic: complementary suppression in every view.

Everyone is always shown, so Everyone minus the groups shown is the answers of everyone else.
The property: for any workshop, that remainder is never a small set of answers (some, but fewer
than ``k`` valued ones), and nothing a shown group reports (section scores, typical answers,
gaps, disagreement medians) uses answers that are not shown.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from aggregate_samples import fixture_bank, settings
from coprod_check.aggregate.engine import aggregate_respondents
from coprod_check.aggregate.report import render
from coprod_check.aggregate.result import AggregateResult, GroupDistribution, QuestionStats
from coprod_check.aggregate.suppression import shown_for_question, shown_groups

BANK = fixture_bank()
QUESTIONS = ("power-shared", "power-hierarchy", "aims-shared")
ANSWERS = ("strongly-disagree", "disagree", "neither", "agree", "strongly-agree", "dont-know")
ROLE_CHOICES = ("person who uses services", "carer", "frontline staff", "manager", None)
VALUED = 5  # the first five options have a value; "dont-know" has none

people = st.lists(
    st.tuples(
        st.sampled_from(ROLE_CHOICES),
        st.fixed_dictionaries(
            {q: st.one_of(st.none(), st.sampled_from(ANSWERS)) for q in QUESTIONS}
        ),
    ),
    min_size=1,
    max_size=25,
)


def _visible(question: QuestionStats) -> list[GroupDistribution]:
    return [g for g in question.groups if g.group != "everyone" and not g.suppressed]


def _everyone(question: QuestionStats) -> GroupDistribution:
    return next(g for g in question.groups if g.group == "everyone")


def _true_counts(
    respondents: list[tuple[str | None, dict[str, str | None]]], role: str | None, question: str
) -> list[int]:
    counts = [0] * len(ANSWERS)
    for who, answers in respondents:
        if who == role and answers[question] is not None:
            counts[ANSWERS.index(answers[question])] += 1  # type: ignore[arg-type]
    return counts


def assert_nothing_small_derivable(
    result: AggregateResult,
    respondents: list[tuple[str | None, dict[str, str | None]]],
    k: int,
) -> None:
    shown = [g for g in result.groups if g.shown and g.id != "everyone"]
    rest = result.respondents - sum(g.respondents or 0 for g in shown)
    assert not shown or rest == 0 or rest >= k, "Everyone minus the groups shown is a small group"
    for question in result.questions:
        everyone = _everyone(question)
        visible = _visible(question)
        assert everyone.counts is not None
        remainder = list(everyone.counts)
        for item in visible:
            assert item.counts is not None and item.n is not None and item.n >= k
            remainder = [a - b for a, b in zip(remainder, item.counts, strict=True)]
        valued = sum(remainder[:VALUED])
        given_answers = sum(remainder)
        if visible:
            assert given_answers == 0 or valued >= k, (question.question_id, remainder)
        # The arithmetic attack of the issue: no hidden small group is Everyone minus others.
        for role in {who for who, _ in respondents}:
            if role is not None and role in {g.group for g in visible}:
                continue
            true = _true_counts(respondents, role, question.question_id)
            if 0 < sum(true[:VALUED]) < k and visible:
                assert remainder != true
        # Means and medians shown come only from shown answers.
        medians = {
            d.question_id: d.group_medians
            for d in result.disagreements
            if d.question_id == question.question_id
        }
        for group_medians in medians.values():
            assert set(group_medians) <= {g.group for g in visible}
    # A shown group's section score is the weighted mean of its *shown* question means.
    weights = {q.id: Fraction(str(q.weight)) for s in BANK.sections for q in s.questions}
    for section in result.sections:
        for score in section.groups:
            if score.group == "everyone":
                continue
            means = []
            for question in result.questions:
                if question.section_id != section.section_id:
                    continue
                item = next((g for g in question.groups if g.group == score.group), None)
                if item is not None and not item.suppressed and item.mean is not None:
                    means.append((weights[question.question_id], Fraction(str(item.mean))))
            assert score.answered == len(means)
            if means:
                expected = sum(w * m for w, m in means) / sum(w for w, _ in means)
                assert score.score == pytest.approx(float(expected), abs=0.011)
    hidden = {g.id for g in result.groups if not g.shown}
    for gap in result.gaps:
        assert gap.higher not in hidden and gap.lower not in hidden
    assert {o.group for o in result.outcomes} == {g.id for g in result.groups if g.shown}
    for note in result.notes or []:
        assert note.group is None or note.group not in hidden


@hypothesis_settings(max_examples=150)
@given(people, st.integers(1, 5))
def test_no_hidden_group_can_be_derived_from_the_numbers_shown(
    respondents: list[tuple[str | None, dict[str, str | None]]], k: int
) -> None:
    result = aggregate_respondents([BANK], respondents, settings(min_group_size=k))
    assert_nothing_small_derivable(result, respondents, k)
    # The CSV and JSON formats show exactly the groups of the result, nothing more.
    visible = {
        (q.question_id, g.group) for q in result.questions for g in q.groups if not g.suppressed
    }
    rows = list(csv.DictReader(io.StringIO(render(result, "csv"))))
    assert {(r["question_id"], r["group"]) for r in rows if r["suppressed"] == "no"} == visible
    data = json.loads(render(result, "json"))
    assert data == json.loads(result.model_dump_json())


def test_the_issue_workshop_three_carers_and_one_manager() -> None:
    """3 carers, 1 manager, k = 3: the carers' counts beside Everyone's gave the manager away."""
    respondents: list[tuple[str | None, dict[str, str | None]]] = [
        ("carer", {"power-shared": "agree", "power-hierarchy": "agree", "aims-shared": "agree"})
        for _ in range(3)
    ]
    respondents.append(
        ("manager", {"power-shared": "disagree", "power-hierarchy": "neither", "aims-shared": None})
    )
    result = aggregate_respondents([BANK], respondents, settings(min_group_size=3))
    assert [(g.id, g.shown, g.hidden_because) for g in result.groups] == [
        ("everyone", True, None),
        ("carer", False, "complement"),
        ("manager", False, "small"),
    ]
    assert_nothing_small_derivable(result, respondents, 3)
    for fmt in ("text", "markdown", "html"):
        report = render(result, fmt, color=False)
        assert "Carers (" not in report and "Managers (" not in report
        assert "Not shown: Carers, Managers." in report
    rows = list(csv.DictReader(io.StringIO(render(result, "csv"))))
    assert {row["group"] for row in rows} == {"everyone"}
    assert '"group":"carer"' not in result.model_dump_json()


def test_a_question_hidden_for_one_group_hides_another_on_that_question() -> None:
    """Everyone minus two shown groups would be one person's answer to power-shared."""
    full = {"power-shared": "agree", "power-hierarchy": "agree", "aims-shared": "agree"}
    respondents: list[tuple[str | None, dict[str, str | None]]] = [
        *(("carer", dict(full)) for _ in range(3)),
        *(("manager", dict(full)) for _ in range(4)),
        ("manager", {**full, "power-shared": "strongly-disagree"}),
        *(("frontline staff", {**full, "power-shared": None}) for _ in range(2)),
        ("frontline staff", {**full, "power-shared": "disagree"}),
    ]
    result = aggregate_respondents([BANK], respondents, settings(min_group_size=3))
    assert all(g.shown for g in result.groups)
    question = next(q for q in result.questions if q.question_id == "power-shared")
    states = {g.group: (g.suppressed, g.hidden_because) for g in question.groups}
    assert states == {
        "everyone": (False, None),
        "carer": (True, "complement"),  # 3 answers, fewer than the managers' 5
        "frontline staff": (True, "small"),  # 1 valued answer
        "manager": (False, None),
    }
    assert_nothing_small_derivable(result, respondents, 3)


@pytest.mark.parametrize(
    ("sizes", "total", "k", "expected"),
    [
        ({"a": 3, "b": 1}, 4, 3, []),
        ({"a": 3, "b": 3, "c": 1}, 7, 3, ["a"]),
        ({"a": 5, "b": 4, "c": 1}, 10, 3, ["a"]),
        ({"a": 5, "b": 4, "c": 3}, 12, 3, ["a", "b", "c"]),
        ({"a": 5, "b": 4}, 11, 3, ["a"]),  # 2 without a role: b is hidden too
        ({"a": 5, "b": 4}, 12, 3, ["a", "b"]),  # 3 without a role: enough
        ({"a": 1, "b": 1}, 2, 1, ["a", "b"]),
    ],
)
def test_group_rule(sizes: dict[str, int], total: int, k: int, expected: list[str]) -> None:
    order = ["a", "b", "c"]
    present = [g for g in order if g in sizes]
    assert shown_groups(sizes, present, total, k) == expected


def test_question_rule_hides_the_group_with_fewest_answers() -> None:
    answers = {"a": (5, 5), "b": (3, 3), "c": (1, 1)}
    assert shown_for_question(answers, ["a", "b", "c"], (9, 9), 3) == ["a"]
    assert shown_for_question(answers, ["a", "b", "c"], (12, 12), 3) == ["a", "b"]
    assert shown_for_question({"a": (5, 5)}, ["a"], (5, 6), 3) == []  # one "don't know" left

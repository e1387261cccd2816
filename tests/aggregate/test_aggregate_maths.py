"""The aggregation maths on a small workshop, checked by hand, and properties of the statistics.

The workshop (``fixtures/aggregate/workshop.csv``) has 7 respondents: 3 frontline staff, 3
people who use services and 1 carer. Values are on each question's 0-1 scale after reversal
(strongly disagree 0, disagree .25, neither .5, agree .75, strongly agree 1; power-hierarchy is
reversed, so strongly agree is 0). Working for each expected number is in the comments.
"""

from __future__ import annotations

import statistics
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aggregate_samples import RESPONDENTS, fixture_bank, settings
from coprod_check.aggregate.bank_index import BankIndex
from coprod_check.aggregate.engine import aggregate_respondents
from coprod_check.aggregate.gaps import most_disagreement
from coprod_check.aggregate.result import AggregateResult, GroupDistribution
from coprod_check.aggregate.stats import NO_ANSWER, distribution


@pytest.fixture(scope="module")
def result() -> AggregateResult:
    """Every group shown (k = 1), so the arithmetic of each can be checked; privacy is below."""
    return aggregate_respondents([fixture_bank()], RESPONDENTS, settings(min_group_size=1))


@pytest.fixture(scope="module")
def private() -> AggregateResult:
    return aggregate_respondents([fixture_bank()], RESPONDENTS, settings())


def group(result: AggregateResult, question: str, name: str) -> GroupDistribution:
    stats = next(q for q in result.questions if q.question_id == question)
    return next(g for g in stats.groups if g.group == name)


def test_everyone_power_shared_by_hand(result: AggregateResult) -> None:
    # Answers with a value: .25 .75 .75 1 (n 4); one "don't know", two blank.
    # Median: position (4-1)/2 = 1.5, between .75 and .75 -> 75.
    # Q1: position .75 -> .25 + .75 x (.75 - .25) = .625; Q3: position 2.25 -> .75 + .25 x .25
    # = .8125; IQR = 18.75. Mean 2.75 / 4 = .6875. Population SD: sqrt(.296875 / 4) = .2724.
    everyone = group(result, "power-shared", "everyone")
    assert everyone.model_dump() == {
        "group": "everyone",
        "suppressed": False,
        "hidden_because": None,
        "n": 4,
        "dont_know": 1,
        "unanswered": 2,
        "counts": [0, 1, 0, 2, 1, 1],
        "median": 75.0,
        "q1": 62.5,
        "q3": 81.25,
        "iqr": 18.75,
        "mean": 68.75,
        "sd": 27.24,
        "typical": "agree",
        "typical_label": "Agree",
    }


def test_reversed_question_and_tie_by_hand(result: AggregateResult) -> None:
    # power-hierarchy is reversed: values .75 .5 .75 0 .25 0 (n 6), sorted 0 0 .25 .5 .75 .75.
    # Median: position 2.5 -> .375. Q1: 1.25 -> .0625; Q3: 3.75 -> .5 + .75 x .25 = .6875.
    # The two middle answers differ (agree .25, neither .5): the typical answer is the less
    # favourable, agree.
    everyone = group(result, "power-hierarchy", "everyone")
    assert (everyone.n, everyone.median, everyone.q1, everyone.q3, everyone.iqr) == (
        6,
        37.5,
        6.25,
        68.75,
        62.5,
    )
    assert (everyone.mean, everyone.typical) == (37.5, "agree")
    assert everyone.typical_label == "Agree / Neither agree nor disagree"


def test_section_scores_are_weighted_means_of_question_means(result: AggregateResult) -> None:
    # power, staff: (mean .8333 + mean .6667) / 2 = .75 -> 75, met (at 75).
    # power, people who use services: power-shared has one answer (.25) and power-hierarchy
    # 0 0 .25 (mean 1/12): (.25 + 1/12) / 2 = 1/6 -> 16.67, not met.
    # power, everyone: (.6875 + .375) / 2 = .53125 -> 53.12 (rounded half to even).
    # aims (one question, weight 2): staff 1 .75 .75 -> 83.33; people who use services
    # .25 .5 .25 -> 33.33; everyone 4.25 / 7 -> 60.71.
    scores = {
        (section.section_id, item.group): (item.score, item.status, item.answered)
        for section in result.sections
        for item in section.groups
    }
    assert scores == {
        ("power", "everyone"): (53.12, "partly-met", 2),
        ("power", "person who uses services"): (16.67, "not-met", 2),
        ("power", "frontline staff"): (75.0, "met", 2),
        ("aims", "everyone"): (60.71, "partly-met", 1),
        ("aims", "person who uses services"): (33.33, "not-met", 1),
        ("aims", "frontline staff"): (83.33, "met", 1),
        # The carer answered aims-shared only: agree (.75) -> 75, met; power has no answers.
        ("power", "carer"): (None, "unknown", 0),
        ("aims", "carer"): (75.0, "met", 1),
    }


def test_verdicts_come_from_typical_answers(result: AggregateResult) -> None:
    # Staff typical answers: agree, disagree (reversed: .75), agree -> power 75 met, aims 75
    # met -> ready. People who use services: power-shared has 1 answer of 3 asked (under half),
    # so no typical answer; power-hierarchy strongly agree (0) -> power 0 from 1 of 2 answered
    # (the bank's min_answered is .5) -> not met -> not yet.
    outcomes = {item.group: (item.verdict.id, item.answered_questions) for item in result.outcomes}
    assert outcomes == {
        "everyone": ("ready-with-conditions", 3),
        "person who uses services": ("not-yet", 2),
        "frontline staff": ("ready", 3),
        "carer": ("insufficient-answers", 1),
    }
    assert result.overall.respondent.pseudonym == "Everyone: typical answers of 7 respondents"
    power = next(s for s in result.overall.sections if s.section_id == "power")
    # Everyone's typical answers: agree (.75) and agree on the reversed question (.25) -> 50.
    assert (power.score, power.status) == (50.0, "partly-met")


def test_gaps_and_disagreement_by_hand(result: AggregateResult) -> None:
    assert [(g.section_id, g.higher, g.lower, g.gap) for g in result.gaps] == [
        ("power", "frontline staff", "person who uses services", 58.33),
        ("aims", "frontline staff", "person who uses services", 50.0),
        # carer 75 - people who use services 33.33 (carer - staff: 8.33, under 20).
        ("aims", "carer", "person who uses services", 41.67),
    ]
    # IQR among everyone: power-hierarchy 62.5, aims-shared 37.5 (Q1 .375, Q3 .75),
    # power-shared 18.75.
    assert [(d.question_id, d.iqr) for d in result.disagreements] == [
        ("power-hierarchy", 62.5),
        ("aims-shared", 37.5),
        ("power-shared", 18.75),
    ]
    assert result.disagreements[0].group_medians == {
        "person who uses services": 0.0,
        "frontline staff": 75.0,
    }


def test_gap_threshold_is_inclusive_and_configurable() -> None:
    bank = fixture_bank()
    exact = aggregate_respondents(
        [bank], RESPONDENTS, settings(gap_threshold=50.0, min_group_size=1)
    )
    assert [g.gap for g in exact.gaps] == [58.33, 50.0]
    above = aggregate_respondents(
        [bank], RESPONDENTS, settings(gap_threshold=50.01, min_group_size=1)
    )
    assert [g.gap for g in above.gaps] == [58.33]


def test_small_groups_are_not_shown_on_their_own(private: AggregateResult) -> None:
    # 1 carer is below k = 3. Showing staff and people who use services would make Everyone
    # minus them the carer's answers, so the smaller shown group (a tie: the last in role
    # order, frontline staff) is hidden too.
    groups = {g.id: (g.shown, g.respondents, g.hidden_because) for g in private.groups}
    assert groups == {
        "everyone": (True, 7, None),
        "person who uses services": (True, 3, None),
        "carer": (False, None, "small"),
        "frontline staff": (False, None, "complement"),
    }
    text = private.model_dump_json()
    for hidden in ("carer", "frontline staff"):
        assert f'"group":"{hidden}"' not in text
        assert f'"higher":"{hidden}"' not in text and f'"lower":"{hidden}"' not in text
    # The carer still counts for everyone: aims-shared has all 7 answers.
    assert group(private, "aims-shared", "everyone").n == 7
    # A shown group with fewer answers than k to one question has that question hidden.
    hidden = group(private, "power-shared", "person who uses services")
    assert hidden.model_dump(exclude_defaults=True) == {
        "group": "person who uses services",
        "suppressed": True,
        "hidden_because": "small",
    }
    # Its section score and typical answers leave that question out: power is scored from
    # power-hierarchy alone (0 0 .25 -> 8.33), which the shown answers already give.
    power = next(s for s in private.sections if s.section_id == "power")
    people = next(g for g in power.groups if g.group == "person who uses services")
    assert (people.score, people.answered) == (8.33, 1)
    assert private.gaps == []


def test_min_group_size_one_shows_every_group() -> None:
    shown = aggregate_respondents([fixture_bank()], RESPONDENTS, settings(min_group_size=1))
    assert [g.id for g in shown.groups if g.shown] == [
        "everyone",
        "person who uses services",
        "carer",
        "frontline staff",
    ]
    assert group(shown, "aims-shared", "carer").n == 1


# -- properties of the statistics ----------------------------------------------------------------

INFO = BankIndex([fixture_bank()]).find("power-shared")
REVERSED = BankIndex([fixture_bank()]).find("power-hierarchy")
counts = st.lists(st.integers(0, 30), min_size=7, max_size=7)


def expand(info: object, raw: list[int]) -> list[Fraction]:
    from coprod_check.aggregate.bank_index import QuestionInfo

    assert isinstance(info, QuestionInfo)
    return sorted(
        value
        for index, value in enumerate(info.values)
        if value is not None
        for _ in range(raw[index])
    )


@given(counts, st.booleans())
def test_statistics_from_counts_equal_those_of_the_answers(raw: list[int], reverse: bool) -> None:
    info = REVERSED if reverse else INFO
    assert info is not None
    found = distribution(info, raw)
    values = expand(info, raw)
    assert found.n == len(values)
    assert found.dont_know == raw[5] and found.unanswered == raw[NO_ANSWER]
    if len(values) == 0:
        assert found.median is None and found.mean is None and found.typical is None
        return
    assert found.median == statistics.median(values)
    assert found.mean == sum(values) / len(values)
    if len(values) >= 2:
        quartiles = statistics.quantiles(values, n=4, method="inclusive")
        assert (found.q1, found.q3) == (quartiles[0], quartiles[2])
    assert found.sd == pytest.approx(statistics.pstdev([float(v) for v in values]))
    assert found.typical is not None
    assert info.values[found.typical] == values[(len(values) - 1) // 2]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["frontline staff", "carer", "manager", None]),
            st.sampled_from(["agree", "disagree", "dont-know", None]),
        ),
        max_size=30,
    )
)
def test_results_do_not_depend_on_respondent_order(
    people: list[tuple[str | None, str | None]],
) -> None:
    bank = fixture_bank()
    respondents = [
        (role, {"power-shared": answer, "aims-shared": "agree"}) for role, answer in people
    ]
    respondents.append(("manager", {"power-shared": "agree"}))
    forward = aggregate_respondents([bank], respondents, settings(min_group_size=2))
    backward = aggregate_respondents([bank], respondents[::-1], settings(min_group_size=2))
    assert forward == backward


def test_disagreement_leaves_out_questions_everyone_agreed_on() -> None:
    bank = fixture_bank()
    same = [("manager", {"power-shared": "agree", "aims-shared": "agree"})] * 4
    result = aggregate_respondents([bank], same, settings())
    assert result.disagreements == []
    assert most_disagreement(result.questions, 0) == []

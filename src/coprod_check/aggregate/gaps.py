"""Where groups and people disagree: perception gaps between role groups, and spread questions.

A perception gap is a section one role group scores at least ``threshold`` points higher than
another (default 20). On the five-option agreement scales of the bundled banks one step ("agree"
to "strongly agree") is 25 points, so 20 points means the two groups' answers across the whole
section sit most of a step apart on average: large enough to be a finding worth discussing, not
rounding noise. Gaps are descriptive, not a statistical test; only groups large enough to be
shown take part, and the size of each group is printed beside it.

The questions with most disagreement are those with the widest spread (interquartile range)
among everyone, ties broken by the standard deviation, then bank order. Questions on which
everyone gave the same answer are never listed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from coprod_check.aggregate.result import (
    Disagreement,
    Gap,
    GroupDistribution,
    QuestionStats,
    SectionStats,
)

GAP_THRESHOLD = 20.0
TOP_DISAGREEMENTS = 5
EVERYONE = "everyone"


def perception_gaps(
    sections: Sequence[SectionStats], group_order: Sequence[str], threshold: float = GAP_THRESHOLD
) -> list[Gap]:
    """Every pair of role groups whose scores for a section differ by ``threshold`` or more."""
    rank = {group: position for position, group in enumerate(group_order)}
    found: list[tuple[float, int, int, int, Gap]] = []
    for number, section in enumerate(sections):
        scored = sorted(
            (
                item
                for item in section.groups
                if item.group != EVERYONE and item.score is not None and item.status != "unknown"
            ),
            key=lambda item: rank.get(item.group, len(rank)),
        )
        for first, second in combinations(scored, 2):
            assert first.score is not None and second.score is not None
            size = round(abs(first.score - second.score), 2)
            if size < threshold or size == 0:
                continue
            higher, lower = (first, second) if first.score > second.score else (second, first)
            assert higher.score is not None and lower.score is not None
            gap = Gap(
                bank_id=section.bank_id,
                section_id=section.section_id,
                title=section.title,
                higher=higher.group,
                higher_score=higher.score,
                lower=lower.group,
                lower_score=lower.score,
                gap=size,
            )
            found.append((-size, number, rank.get(first.group, 0), rank.get(second.group, 0), gap))
    found.sort(key=lambda item: item[:4])
    return [item[-1] for item in found]


def most_disagreement(
    questions: Sequence[QuestionStats], top: int = TOP_DISAGREEMENTS
) -> list[Disagreement]:
    """The ``top`` questions with the widest spread among everyone (at least two answers)."""
    ranked: list[tuple[float, float, int, QuestionStats, GroupDistribution]] = []
    for number, question in enumerate(questions):
        everyone = _group(question.groups, EVERYONE)
        if everyone is None or everyone.n is None or everyone.n < 2:
            continue
        if everyone.iqr is None or everyone.sd is None or everyone.sd == 0:
            continue
        ranked.append((-everyone.iqr, -everyone.sd, number, question, everyone))
    ranked.sort(key=lambda item: item[:3])
    result: list[Disagreement] = []
    for position, (_, _, _, question, everyone) in enumerate(ranked[:top], start=1):
        assert everyone.n is not None and everyone.iqr is not None and everyone.sd is not None
        assert everyone.q1 is not None and everyone.q3 is not None
        result.append(
            Disagreement(
                rank=position,
                bank_id=question.bank_id,
                question_id=question.question_id,
                statement=question.statement,
                n=everyone.n,
                iqr=everyone.iqr,
                sd=everyone.sd,
                q1=everyone.q1,
                q3=everyone.q3,
                group_medians=_medians(question.groups),
            )
        )
    return result


def _group(items: Sequence[GroupDistribution], group: str) -> GroupDistribution | None:
    return next((item for item in items if item.group == group), None)


def _medians(items: Sequence[GroupDistribution]) -> Mapping[str, float]:
    return {
        item.group: item.median
        for item in items
        if item.group != EVERYONE and not item.suppressed and item.median is not None
    }

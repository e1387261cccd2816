"""``score``: the one entry point of the engine."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check import __version__
from coprod_check.answers.model import AnswersFile
from coprod_check.bank.model import Bank
from coprod_check.scoring.answers import YOU_ANSWERED, ScoredAnswer, resolve
from coprod_check.scoring.case import case_result
from coprod_check.scoring.confidence import confidence
from coprod_check.scoring.flags import red_flag_hits
from coprod_check.scoring.levels import level_result
from coprod_check.scoring.recommendations import recommend
from coprod_check.scoring.result import (
    BankInfo,
    ConfidenceLabel,
    LevelResult,
    RespondentInfo,
    Result,
    SectionResult,
    Verdict,
)
from coprod_check.scoring.sections import score_section
from coprod_check.scoring.sensitivity import one_step_changes
from coprod_check.scoring.settled import settled_verdict
from coprod_check.scoring.verdict import decide


class Judgement:
    """The verdict and level alone: what :func:`one_step_changes` compares."""

    __slots__ = ("confidence_label", "items", "level", "sections", "verdict")

    def __init__(
        self,
        items: list[ScoredAnswer],
        sections: list[SectionResult],
        verdict: Verdict,
        level: LevelResult,
        confidence_label: ConfidenceLabel,
    ) -> None:
        self.items = items
        self.sections = sections
        self.verdict = verdict
        self.level = level
        self.confidence_label = confidence_label


def judge(banks: Sequence[Bank], answers: AnswersFile, who: str = YOU_ANSWERED) -> Judgement:
    """Score the sections and decide the verdict and the level, without the report's extras."""
    items = resolve(banks, answers)
    sections = [
        score_section(
            bank,
            section,
            [i for i in items if i.bank is bank and i.section is section],
        )
        for bank in banks
        for section in bank.sections
    ]
    flags = red_flag_hits(items)
    sure = confidence(banks, items)
    level = level_result(banks, items, sections)
    verdict = decide(banks, items, sections, flags, sure, who=who)
    if verdict.id == "insufficient-answers" and sure.total and sure.answered:
        # rule 1 holds back a verdict the missing answers might change; when none could, say so
        given = decide(banks, items, sections, flags, sure, settled=True, who=who)
        if settled_verdict(banks, answers, items, judge) == given.id:
            verdict = given
    return Judgement(items, sections, verdict, level, sure.label)


def score(
    banks: Sequence[Bank],
    answers: AnswersFile,
    *,
    sensitivity: bool = False,
    who: str = YOU_ANSWERED,
) -> Result:
    """Score ``answers`` against ``banks`` (in the order given; answers to other banks ignored).

    Pure and deterministic. ``answers`` must already have passed ``answers_checks``; an option
    that is not on its question's scale raises ``ValueError``. With ``sensitivity``, the result
    also lists each single answer that, one step different, would change the verdict or level.
    ``who`` names whose answers the reasons quote (a workshop group's typical answers in
    ``aggregate``).
    """
    judgement = judge(banks, answers, who)
    items, sections, verdict, level = (
        judgement.items,
        judgement.sections,
        judgement.verdict,
        judgement.level,
    )
    flags = red_flag_hits(items)
    sure = confidence(banks, items)
    if verdict.settled:
        missing = sure.total - sure.answered
        sure = sure.model_copy(
            update={
                "explanation": f"{sure.explanation}; the verdict is given all the same, because "
                f"no answers to the other {missing} questions could change it"
            }
        )
    respondent = answers.respondent
    return Result(
        tool_version=__version__,
        banks=[BankInfo(id=bank.id, version=bank.version, title=bank.title) for bank in banks],
        respondent=RespondentInfo(
            pseudonym=respondent.pseudonym,
            role=respondent.role,
            date=respondent.date.isoformat() if respondent.date else None,
            project=respondent.project,
        ),
        verdict=verdict,
        level=level,
        confidence=sure,
        sections=sections,
        red_flags=flags,
        case=case_result(items, sections),
        recommendations=recommend(banks, items, sections, flags, level, verdict, who),
        sensitivity=(
            one_step_changes(banks, answers, items, verdict, level, judge) if sensitivity else None
        ),
    )

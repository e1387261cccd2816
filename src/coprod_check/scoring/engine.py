"""``score``: the one entry point of the engine."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check import __version__
from coprod_check.answers.model import AnswersFile
from coprod_check.bank.model import Bank
from coprod_check.scoring.answers import resolve
from coprod_check.scoring.case import case_result
from coprod_check.scoring.confidence import confidence
from coprod_check.scoring.flags import red_flag_hits
from coprod_check.scoring.levels import level_result
from coprod_check.scoring.recommendations import recommend
from coprod_check.scoring.result import BankInfo, RespondentInfo, Result
from coprod_check.scoring.sections import score_section
from coprod_check.scoring.verdict import decide


def score(banks: Sequence[Bank], answers: AnswersFile) -> Result:
    """Score ``answers`` against ``banks`` (in the order given; answers to other banks ignored).

    Pure and deterministic. ``answers`` must already have passed ``answers_checks``; an option
    that is not on its question's scale raises ``ValueError``.
    """
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
        verdict=decide(banks, items, sections, flags, sure),
        level=level,
        confidence=sure,
        sections=sections,
        red_flags=flags,
        case=case_result(items, sections),
        recommendations=recommend(items, sections, flags, level),
    )

"""Hand-built :class:`Result` objects for the compare tests: one team's assessment at a date.

Built directly from the result models (not through the scoring engine), so the compare tests
pin the comparison alone. Wording is taken from the bundled banks (Inett's right circumstances,
Malby 2014). :func:`point` takes each question's value on a 0-1 scale (after reversal; ``None``
for unanswered) and works out section scores and statuses with the brief's rules (thresholds
75 / 40, weights 1, rounded to two decimals).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from coprod_check.scoring.result import (
    AnswerTrace,
    BankInfo,
    CitationText,
    Confidence,
    LevelResult,
    LevelStep,
    RecommendationItem,
    RedFlagHit,
    RespondentInfo,
    Result,
    SectionResult,
    StatusId,
    Verdict,
    VerdictId,
)

RIGHT = "right-circumstances"
MALBY = "malby-do-dont"

INETT = CitationText(
    source_id="inett",
    author="Steve Inett",
    year=None,
    title="Examining Co-production Part 1 – The Right Circumstances",
    item="The right circumstances",
)
MALBY_2014 = CitationText(
    source_id="malby-2014",
    author="Becky Malby",
    year=2014,
    title="Coproducing Health – a briefing",
    item="Don't do coproduction if",
)
NEEDHAM_CARR = CitationText(
    source_id="needham-carr-2009",
    author="Catherine Needham and Sarah Carr",
    year=2009,
    title="Co-production: an emerging evidence base for adult social care transformation",
    item="Levels of co-production",
)

#: section id -> (bank id, title, role)
SECTIONS: dict[str, tuple[str, str, str]] = {
    "inett-authority": (
        RIGHT,
        "Authority to move outside the normal way of doing things",
        "criterion",
    ),
    "inett-aims": (RIGHT, "Aims shared by everyone", "criterion"),
    "inett-resource": (RIGHT, "Sufficient resource, time and support", "criterion"),
    "malby-dont": (MALBY, "Don't do co-production if…", "cautions"),
}

#: question id -> (section id, statement)
QUESTIONS: dict[str, tuple[str, str]] = {
    "inett-authority-move-outside": (
        "inett-authority",
        "Everyone involved has the authority to move outside of the normal way of doing things.",
    ),
    "inett-authority-senior-leaders": (
        "inett-authority",
        "Our senior leaders are actively involved and visibly support this work, not just "
        "approving it.",
    ),
    "inett-aims-important-to-everyone": (
        "inett-aims",
        "What we hope to achieve with the co-production process is important to everyone involved.",
    ),
    "inett-aims-input-valued-equally": ("inett-aims", "Everyone's input is valued equally."),
    "inett-resource-understand-process": (
        "inett-resource",
        "We have the time and resource to ensure everyone understands the process.",
    ),
    "inett-resource-build-relationships": (
        "inett-resource",
        "We have the time and resource to build relationships.",
    ),
    "malby-dont-no-funders": ("malby-dont", "We haven't got the funders behind us."),
    "malby-dont-save-money": (
        "malby-dont",
        "We think co-production is a way to save money on services.",
    ),
}

FLAG_MESSAGES: dict[tuple[str, str], str] = {
    ("malby-dont-no-funders", "blocker"): (
        "You haven't got the funders behind you: Malby says don't do co-production if so."
    ),
    ("malby-dont-no-funders", "caution"): (
        "The funders are not fully behind you: Malby says don't do co-production without them."
    ),
    ("malby-dont-save-money", "caution"): (
        "Saving money is at least part of why you want to co-produce: Malby says don't do "
        "co-production if you think it is a way to save money on services."
    ),
}

RECOMMENDATIONS: dict[str, str] = {
    "inett-authority-senior-leaders": (
        "Seek more than the approval of your senior leaders: you'll need their active "
        "involvement and visible support (Point of Care Foundation, as reported by Inett)."
    ),
    "inett-aims-important-to-everyone": (
        "Find out what you are ambitious for together (Coproducing Leeds principles, quoted by "
        "Malby)."
    ),
    "malby-dont-no-funders": "Get the funders behind you before you start (Malby).",
}

LEVELS = (
    ("descriptive", "Descriptive"),
    ("intermediate", "Intermediate"),
    ("transformative", "Transformative"),
)
LEVEL_NAMES = {"none": "Not yet co-producing", **dict(LEVELS)}

VERDICT_LABELS: dict[str, str] = {
    "ready": "Ready to co-produce",
    "ready-with-conditions": "Ready to co-produce, on conditions",
    "not-yet": "Not ready yet",
    "not-right-approach": "Co-production is not the right approach for now",
    "insufficient-answers": "Too few answers to say",
}


def _status(score: float | None) -> StatusId:
    if score is None:
        return "unknown"
    return "met" if score >= 75 else "partly-met" if score >= 40 else "not-met"


def point(
    date: str | None,
    values: Mapping[str, float | None],
    *,
    level: str = "descriptive",
    verdict: VerdictId = "not-yet",
    flags: Iterable[tuple[str, str]] = (),
    recommendations: Iterable[str] = (),
    versions: Mapping[str, str] | None = None,
    statements: Mapping[str, str] | None = None,
    extra_questions: Mapping[str, tuple[str, str]] | None = None,
    weights: Mapping[str, float] | None = None,
    pseudonym: str | None = "Falls service team",
) -> Result:
    """A result for one point. ``values``: question id -> 0-1 value (None = unanswered).

    Questions missing from ``values`` are left out of the result altogether (as if the bank did
    not ask them); ``extra_questions`` adds questions, ``statements`` rewords them.
    """
    versions = {RIGHT: "1.0.0", MALBY: "1.0.0", **(versions or {})}
    questions = {**QUESTIONS, **(extra_questions or {})}
    sections: list[SectionResult] = []
    for section_id, (bank_id, title, role) in SECTIONS.items():
        traces = [
            AnswerTrace(
                bank_id=bank_id,
                question_id=question_id,
                statement=(statements or {}).get(question_id, statement),
                answer_id=None if values[question_id] is None else "chosen",
                answer_label=None if values[question_id] is None else "Chosen",
                value=values[question_id],
                weight=(weights or {}).get(question_id, 1.0),
            )
            for question_id, (section, statement) in questions.items()
            if section == section_id and question_id in values
        ]
        answered = [t for t in traces if t.value is not None]
        weight = sum(t.weight for t in answered)
        score = (
            round(100 * sum(t.weight * (t.value or 0.0) for t in answered) / weight, 2)
            if answered
            else None
        )
        sections.append(
            SectionResult(
                bank_id=bank_id,
                section_id=section_id,
                title=title,
                role=role,
                score=score,
                answered=len(answered),
                total=len(traces),
                status=_status(score),
                met_at=75,
                partly_met_at=40,
                citation=INETT if bank_id == RIGHT else MALBY_2014,
                answers=traces,
                explanation="hand-built",
            )
        )
    answered_count = sum(1 for value in values.values() if value is not None)
    fraction = round(answered_count / len(values), 4)
    label = "high" if fraction >= 0.8 else "medium" if fraction >= 0.5 else "insufficient"
    hits = [
        RedFlagHit(
            severity="blocker" if severity == "blocker" else "caution",
            bank_id=MALBY,
            question_id=question_id,
            statement=questions[question_id][1],
            answer_id="fully-true",
            answer_label="True",
            message=FLAG_MESSAGES[(question_id, severity)],
            citation=MALBY_2014,
        )
        for question_id, severity in flags
    ]
    items = [
        RecommendationItem(
            rank=rank,
            category="criterion",
            bank_id=MALBY if question_id.startswith("malby") else RIGHT,
            question_id=question_id,
            text=RECOMMENDATIONS[question_id],
            because="hand-built",
            citation=MALBY_2014 if question_id.startswith("malby") else INETT,
        )
        for rank, question_id in enumerate(recommendations, start=1)
    ]
    reached = [level_id for level_id, _ in LEVELS]
    reached = reached[: reached.index(level) + 1] if level in reached else []
    return Result(
        tool_version="0.1.0",
        banks=[
            BankInfo(
                id=RIGHT,
                version=versions[RIGHT],
                title="Inett: the right circumstances for co-production",
            ),
            BankInfo(
                id=MALBY,
                version=versions[MALBY],
                title="Malby (2014): do and don't do co-production",
            ),
        ],
        respondent=RespondentInfo(
            pseudonym=pseudonym, role="manager", date=date, project="Community falls service"
        ),
        verdict=Verdict(
            id=verdict, label=VERDICT_LABELS[verdict], reasons=[], conditions=[], alternatives=[]
        ),
        level=LevelResult(
            id=level,
            name=LEVEL_NAMES[level],
            confidence=label,
            steps=[
                LevelStep(
                    id=level_id,
                    name=name,
                    aliases=[],
                    description=name,
                    score=None,
                    threshold=60,
                    answered=0,
                    total=0,
                    reached=level_id in reached,
                    citation=NEEDHAM_CARR,
                )
                for level_id, name in LEVELS
            ],
            explanation="hand-built",
        ),
        confidence=Confidence(
            answered=answered_count,
            total=len(values),
            fraction=fraction,
            label=label,
            explanation="hand-built",
        ),
        sections=sections,
        red_flags=hits,
        case=None,
        recommendations=items,
    )


ALL_HALF: dict[str, float | None] = {question_id: 0.5 for question_id in QUESTIONS}


def values(**changes: float | None) -> dict[str, float | None]:
    """Every question at 0.5, with ``changes`` (underscores stand for hyphens in ids)."""
    result = dict(ALL_HALF)
    for key, value in changes.items():
        question_id = key.replace("_", "-")
        assert question_id in result, question_id
        result[question_id] = value
    return result


def save(result: Result, path: Path) -> Path:
    """Write a result as ``coprod-check score --format json`` would."""
    path.write_text(
        json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return path

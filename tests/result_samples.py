"""Hand-made :class:`Result` objects for the reporter tests, built directly from the models.

They do not go through the scoring engine, so reporter tests pin rendering alone. Wording is taken
from the source texts (Inett's right circumstances, Malby 2014, Needham & Carr 2009).

- :func:`ready_transformative`: ready to co-produce, transformative level, high confidence;
- :func:`not_yet_with_blockers`: blockers and a caution, a hostile note (``<script>``, ``&``),
  more than five recommendations;
- :func:`insufficient_answers`: one bank, most sections unknown, no respondent details, no case;
- :func:`not_right_approach`: a variant with suggested alternative approaches.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.scoring.result import (
    AnswerTrace,
    ApproachSuggestion,
    BankInfo,
    CaseResult,
    CitationText,
    Confidence,
    LevelResult,
    LevelStep,
    RecommendationItem,
    RedFlagHit,
    RespondentInfo,
    Result,
    SectionResult,
    Verdict,
)

HOSTILE_NOTE = "<script>alert(1)</script> & the board said no"

RIGHT = BankInfo(id="right-circumstances", version="1.0.0", title="The right circumstances")
MALBY = BankInfo(id="malby-do-and-dont", version="1.0.0", title="Do and don't do co-production")
LEVELS = BankInfo(id="needham-carr-levels", version="1.0.0", title="Needham & Carr's levels")

AGREEMENT: dict[str, tuple[str, float | None]] = {
    "strongly-disagree": ("Strongly disagree", 0.0),
    "disagree": ("Disagree", 0.25),
    "neither": ("Neither agree nor disagree", 0.5),
    "agree": ("Agree", 0.75),
    "strongly-agree": ("Strongly agree", 1.0),
    "dont-know": ("Don't know", None),
}


def inett(item: str) -> CitationText:
    return CitationText(
        source_id="inett",
        author="Steve Inett, The Consultation Institute",
        year=None,
        title="Examining Co-production Part 1 – The Right Circumstances",
        item=item,
    )


def malby(item: str) -> CitationText:
    return CitationText(
        source_id="malby-2014",
        author="Becky Malby",
        year=2014,
        title="Coproducing Health – a briefing",
        item=item,
    )


def needham_carr(item: str) -> CitationText:
    return CitationText(
        source_id="needham-carr-2009",
        author="Needham and Carr",
        year=2009,
        title="Co-production: an emerging evidence base for adult social care transformation",
        item=item,
    )


def answer(
    bank: BankInfo,
    question_id: str,
    statement: str,
    option: str | None,
    *,
    reverse: bool = False,
    weight: float = 1.0,
    note: str | None = None,
) -> AnswerTrace:
    label, value = AGREEMENT[option] if option is not None else (None, None)
    if reverse and value is not None:
        value = 1 - value
    return AnswerTrace(
        bank_id=bank.id,
        question_id=question_id,
        statement=statement,
        answer_id=option,
        answer_label=label,
        value=value,
        weight=weight,
        note=note,
    )


def section(
    bank: BankInfo,
    section_id: str,
    title: str,
    role: str,
    citation: CitationText,
    answers: Sequence[AnswerTrace],
    *,
    met_at: float = 75,
    partly_met_at: float = 40,
    min_share: float = 0.5,
) -> SectionResult:
    answered = [trace for trace in answers if trace.value is not None]
    total = len(answers)
    if answered:
        weights = sum(trace.weight for trace in answered)
        score: float | None = round(
            100
            * sum(trace.value * trace.weight for trace in answered if trace.value is not None)
            / weights,
            1,
        )
    else:
        score = None
    if score is None or len(answered) < min_share * total:
        status = "unknown"
        explanation = f"{len(answered)} of {total} questions answered, fewer than needed: unknown."
    else:
        if score >= met_at:
            status, rule = "met", f"at or above the met threshold {met_at:g}"
        elif score >= partly_met_at:
            status, rule = "partly-met", f"at or above the partly met threshold {partly_met_at:g}"
        else:
            status, rule = "not-met", f"below the partly met threshold {partly_met_at:g}"
        explanation = (
            f"{len(answered)} of {total} questions answered; the weighted mean of their values "
            f"is {score:g}, {rule}: {status.replace('-', ' ')}."
        )
    return SectionResult(
        bank_id=bank.id,
        section_id=section_id,
        title=title,
        role=role,
        score=score,
        answered=len(answered),
        total=total,
        status=status,  # type: ignore[arg-type]
        met_at=met_at,
        partly_met_at=partly_met_at,
        citation=citation,
        answers=list(answers),
        explanation=explanation,
    )


# -- the questions, shared by the samples -------------------------------------------------------

Q_AUTHORITY = "Everyone involved has the authority to move outside the normal way of doing things."
Q_LEADERS = (
    "Senior leaders are actively involved and visibly support the work, not just approve it."
)
Q_AIMS = "What we hope to achieve matters to everyone involved, not only to our organisation."
Q_SCALE = "The work is at a neighbourhood or local scale, not borough-wide or regional."
Q_OUTCOMES = "We know what success looks like and how we will measure progress."
Q_RESOURCE = (
    "We have the time and resource to build relationships and support everyone to take part."
)
Q_DELIVERY = "People who use services will have a role in delivering the service and evaluating it."
Q_DOUBT = "There is doubt about the design of the service we want."
Q_PARTICIPATION = (
    "We need the active participation or acceptance of the people who use the service."
)
Q_HONEST = "We can be honest with people about our priorities and resources."
Q_PRECISE = "We think we know precisely the service we require."
Q_MONEY = "We think co-production is a way to save money on services."
Q_FUNDERS = "We have the funders behind us."
Q_CONTRIBUTE = "People who use services contribute at each stage, from assessment to evaluation."
Q_CHANNELS = (
    "People who use services and carers have channels through which they shape the service."
)
Q_RECRUIT = "People who use services have roles in recruiting and training staff."
Q_POWER = "Power and control are shared through user-led planning, delivery and governance."
Q_RISK = "Professionals and people who use services identify and manage risks together."


def _criteria(
    options: dict[str, str | None], notes: dict[str, str] | None = None
) -> list[SectionResult]:
    notes = notes or {}

    def a(qid: str, statement: str) -> AnswerTrace:
        return answer(RIGHT, qid, statement, options.get(qid), note=notes.get(qid))

    return [
        section(
            RIGHT,
            "authority",
            "Authority to work differently",
            "criterion",
            inett("Criterion 1: everyone involved has the authority to move outside the norm"),
            [a("inett-authority", Q_AUTHORITY), a("inett-leaders-involved", Q_LEADERS)],
        ),
        section(
            RIGHT,
            "shared-aims",
            "Shared aims",
            "criterion",
            inett("Criterion 2: the aims will be shared by everyone"),
            [a("inett-aims-shared", Q_AIMS)],
        ),
        section(
            RIGHT,
            "right-scale",
            "The right scale",
            "criterion",
            inett("Criterion 3: the right scale"),
            [a("inett-right-scale", Q_SCALE)],
        ),
        section(
            RIGHT,
            "measurable-outcomes",
            "Clear, measurable outcomes",
            "criterion",
            inett("Criterion 4: the intended outcomes are clear and can be measured"),
            [a("inett-outcomes-measured", Q_OUTCOMES)],
        ),
        section(
            RIGHT,
            "resource-time-support",
            "Resource, time and support",
            "criterion",
            inett("Criterion 5: there is sufficient resource, time and support"),
            [a("inett-resource", Q_RESOURCE)],
        ),
        section(
            RIGHT,
            "implementation-evaluation",
            "Included in delivery and evaluation",
            "criterion",
            inett(
                "Criterion 6: everyone involved will be included in implementation and evaluation"
            ),
            [a("inett-delivery-role", Q_DELIVERY)],
        ),
    ]


def _malby(
    options: dict[str, str | None], notes: dict[str, str] | None = None
) -> list[SectionResult]:
    notes = notes or {}

    def a(qid: str, statement: str, *, reverse: bool = False) -> AnswerTrace:
        return answer(MALBY, qid, statement, options.get(qid), reverse=reverse, note=notes.get(qid))

    return [
        section(
            MALBY,
            "do-do",
            "Reasons to co-produce",
            "case",
            malby("Do do coproduction if"),
            [
                a("malby-doubt-design", Q_DOUBT),
                a("malby-need-participation", Q_PARTICIPATION),
                a("malby-honest-priorities", Q_HONEST),
            ],
        ),
        section(
            MALBY,
            "dont-do",
            "Reasons for caution",
            "cautions",
            malby("Don't do coproduction if"),
            [
                a("malby-know-precisely", Q_PRECISE, reverse=True),
                a("malby-save-money", Q_MONEY, reverse=True),
                a("malby-funders-behind", Q_FUNDERS),
            ],
        ),
    ]


def _levels(options: dict[str, str | None]) -> list[SectionResult]:
    def a(qid: str, statement: str) -> AnswerTrace:
        return answer(LEVELS, qid, statement, options.get(qid))

    return [
        section(
            LEVELS,
            "descriptive-indicators",
            "Descriptive (compliance) indicators",
            "level",
            needham_carr("Descriptive co-production"),
            [a("nc-contribute-each-stage", Q_CONTRIBUTE)],
        ),
        section(
            LEVELS,
            "intermediate-indicators",
            "Intermediate (support) indicators",
            "level",
            needham_carr("Intermediate co-production"),
            [a("nc-feedback-channels", Q_CHANNELS), a("nc-recruit-train", Q_RECRUIT)],
        ),
        section(
            LEVELS,
            "transformative-indicators",
            "Transformative indicators",
            "level",
            needham_carr("Transformative co-production"),
            [a("nc-share-power", Q_POWER), a("nc-manage-risk", Q_RISK)],
        ),
    ]


LEVEL_DEFS = (
    (
        "descriptive",
        "Descriptive",
        ["compliance"],
        "People who use services contribute to each stage of the service, with little "
        "consideration of more meaningful involvement.",
        60.0,
        "Descriptive co-production",
    ),
    (
        "intermediate",
        "Intermediate",
        ["support"],
        "The input of people who use services and carers is valued, and better channels let "
        "them shape services.",
        65.0,
        "Intermediate co-production",
    ),
    (
        "transformative",
        "Transformative",
        ["transformation"],
        "Relationships between people who use services and staff change; power and control are "
        "reallocated.",
        70.0,
        "Transformative co-production",
    ),
)


def _steps(level_sections: Sequence[SectionResult]) -> list[LevelStep]:
    steps: list[LevelStep] = []
    lower_reached = True
    for (level_id, name, aliases, description, threshold, item), indicators in zip(
        LEVEL_DEFS, level_sections, strict=True
    ):
        reached = (
            lower_reached
            and indicators.score is not None
            and indicators.status != "unknown"
            and indicators.score >= threshold
        )
        steps.append(
            LevelStep(
                id=level_id,
                name=name,
                aliases=aliases,
                description=description,
                score=indicators.score,
                threshold=threshold,
                answered=indicators.answered,
                total=indicators.total,
                reached=reached,
                citation=needham_carr(item),
            )
        )
        lower_reached = reached
    return steps


def ready_transformative() -> Result:
    """A team that is ready and already co-produces at the transformative level."""
    criteria = _criteria(
        {
            "inett-authority": "strongly-agree",
            "inett-leaders-involved": "agree",
            "inett-aims-shared": "strongly-agree",
            "inett-right-scale": "agree",
            "inett-outcomes-measured": "agree",
            "inett-resource": "strongly-agree",
            "inett-delivery-role": "strongly-agree",
        },
        notes={"inett-authority": "Board paper 12 agreed this."},
    )
    malby_sections = _malby(
        {
            "malby-doubt-design": "agree",
            "malby-need-participation": "strongly-agree",
            "malby-honest-priorities": "agree",
            "malby-know-precisely": "disagree",
            "malby-save-money": "strongly-disagree",
            "malby-funders-behind": "agree",
        }
    )
    level_sections = _levels(
        {
            "nc-contribute-each-stage": "strongly-agree",
            "nc-feedback-channels": "agree",
            "nc-recruit-train": "agree",
            "nc-share-power": "agree",
            "nc-manage-risk": "agree",
        }
    )
    steps = _steps(level_sections)
    return Result(
        tool_version="0.1.0",
        banks=[RIGHT, MALBY, LEVELS],
        respondent=RespondentInfo(
            pseudonym="Team A",
            role="commissioner",
            date="2026-11-25",
            project="Community falls service",
        ),
        verdict=Verdict(
            id="ready",
            label="Ready to co-produce",
            reasons=[
                "Every criterion for co-production is met.",
                "The case for co-production holds and no red flag was raised.",
            ],
            conditions=[],
            alternatives=[],
        ),
        level=LevelResult(
            id="transformative",
            name="Transformative",
            confidence="high",
            steps=steps,
            explanation=(
                "Descriptive reached (100 ≥ 60); intermediate reached (75 ≥ 65); "
                "transformative reached (75 ≥ 70)."
            ),
        ),
        confidence=Confidence(
            answered=18,
            total=18,
            fraction=1.0,
            label="high",
            explanation="18 of 18 questions answered (100%); high needs at least 80%.",
        ),
        sections=[*criteria, *malby_sections, *level_sections],
        red_flags=[],
        case=CaseResult(
            holds=3,
            answered=3,
            total=3,
            score=83.3,
            status="met",
            explanation="3 of 3 reasons to co-produce hold (in the top half of their scale).",
        ),
        recommendations=[
            RecommendationItem(
                rank=1,
                category="other",
                bank_id=RIGHT.id,
                question_id="inett-outcomes-measured",
                text=(
                    "Include changes in knowledge, confidence, culture and behaviour among the "
                    "outcomes you measure."
                ),
                because="Measurable outcomes scored 75, the lowest of your criteria.",
                citation=inett("Criterion 4: the intended outcomes are clear and can be measured"),
            )
        ],
    )


def not_yet_with_blockers() -> Result:
    """Blockers and a caution; a note that tries to inject HTML; seven recommendations."""
    criteria = _criteria(
        {
            "inett-authority": "disagree",
            "inett-leaders-involved": "strongly-disagree",
            "inett-aims-shared": "agree",
            "inett-right-scale": "neither",
            "inett-outcomes-measured": "disagree",
            "inett-resource": "dont-know",
            "inett-delivery-role": "agree",
        },
        notes={"inett-authority": HOSTILE_NOTE},
    )
    malby_sections = _malby(
        {
            "malby-doubt-design": "agree",
            "malby-need-participation": "agree",
            "malby-honest-priorities": "neither",
            "malby-know-precisely": "agree",
            "malby-save-money": "disagree",
            "malby-funders-behind": "strongly-disagree",
        },
        notes={"malby-funders-behind": "Funding ends in March | no renewal *yet*."},
    )
    level_sections = _levels(
        {
            "nc-contribute-each-stage": "agree",
            "nc-feedback-channels": "neither",
            "nc-recruit-train": "disagree",
            "nc-share-power": "strongly-disagree",
            "nc-manage-risk": None,
        }
    )
    steps = _steps(level_sections)

    def rec(
        rank: int,
        category: str,
        bank: BankInfo,
        qid: str,
        text: str,
        because: str,
        cite: CitationText,
    ) -> RecommendationItem:
        return RecommendationItem(
            rank=rank,
            category=category,  # type: ignore[arg-type]
            bank_id=bank.id,
            question_id=qid,
            text=text,
            because=because,
            citation=cite,
        )

    return Result(
        tool_version="0.1.0",
        banks=[RIGHT, MALBY, LEVELS],
        respondent=RespondentInfo(
            pseudonym="Ward 7 & friends",
            role="frontline staff",
            date="2026-11-20",
            project="Falls & fractures <pilot>",
        ),
        verdict=Verdict(
            id="not-yet",
            label="Not yet: resolve the blockers first",
            reasons=[
                "Blocker: the funders are not behind the work.",
                "Blocker: not everyone involved has the authority to work differently.",
                "Criterion not met: authority to work differently (scored 12.5).",
                "Criterion not met: clear, measurable outcomes (scored 25).",
            ],
            conditions=[],
            alternatives=[],
            explanation=(
                "Rule 3 applies: 2 blocker red flags were raised and 2 criteria are not met."
            ),
        ),
        level=LevelResult(
            id="descriptive",
            name="Descriptive",
            confidence="medium",
            steps=steps,
            explanation=(
                "Descriptive reached (75 ≥ 60); intermediate not reached (37.5 < 65), so "
                "transformative cannot be reached."
            ),
        ),
        confidence=Confidence(
            answered=16,
            total=18,
            fraction=16 / 18,
            label="high",
            explanation=(
                '16 of 18 questions answered (89%); 1 answer was "Don\'t know" and 1 left blank.'
            ),
        ),
        sections=[*criteria, *malby_sections, *level_sections],
        red_flags=[
            RedFlagHit(
                severity="caution",
                bank_id=MALBY.id,
                question_id="malby-know-precisely",
                statement=Q_PRECISE,
                answer_id="agree",
                answer_label="Agree",
                message="If you already know precisely the service you want, co-production may "
                "only confirm it.",
                citation=malby(
                    "Don't do coproduction if: you think you know precisely the service"
                ),
            ),
            RedFlagHit(
                severity="blocker",
                bank_id=MALBY.id,
                question_id="malby-funders-behind",
                statement=Q_FUNDERS,
                answer_id="strongly-disagree",
                answer_label="Strongly disagree",
                message="Get the funders behind the work before you start.",
                citation=malby("Don't do coproduction if: you haven't got the funders behind you"),
            ),
            RedFlagHit(
                severity="blocker",
                bank_id=RIGHT.id,
                question_id="inett-authority",
                statement=Q_AUTHORITY,
                answer_id="disagree",
                answer_label="Disagree",
                message="Without authority to work differently, shared power stays on paper.",
                citation=inett("Criterion 1: everyone involved has the authority to move outside"),
            ),
        ],
        case=CaseResult(
            holds=2,
            answered=3,
            total=3,
            score=66.7,
            status="partly-met",
            explanation="2 of 3 reasons to co-produce hold; the case scores 66.7: partly met.",
        ),
        recommendations=[
            rec(
                1,
                "blocker",
                MALBY,
                "malby-funders-behind",
                "Secure the funders' support before inviting people to take part.",
                'You answered "Strongly disagree" to "We have the funders behind us."',
                malby("Don't do coproduction if: you haven't got the funders behind you"),
            ),
            rec(
                2,
                "blocker",
                RIGHT,
                "inett-authority",
                "Agree with senior leaders what the group may change outside the normal rules.",
                'You answered "Disagree" to the authority question.',
                inett("Criterion 1: everyone involved has the authority to move outside"),
            ),
            rec(
                3,
                "criterion",
                RIGHT,
                "inett-leaders-involved",
                "Ask senior leaders to take an active, visible part, not only to approve.",
                "Authority to work differently scored 12.5.",
                inett("Criterion 1: active involvement and visible support of senior leaders"),
            ),
            rec(
                4,
                "criterion",
                RIGHT,
                "inett-outcomes-measured",
                "Agree what success looks like and how you will measure it.",
                "Clear, measurable outcomes scored 25.",
                inett("Criterion 4: the intended outcomes are clear and can be measured"),
            ),
            rec(
                5,
                "criterion",
                RIGHT,
                "inett-right-scale",
                "Check the work is at a scale where shared aims and leadership buy-in are real.",
                "The right scale scored 50.",
                inett("Criterion 3: the right scale"),
            ),
            rec(
                6,
                "next-level",
                LEVELS,
                "nc-recruit-train",
                "Give people who use services roles in recruiting and training staff.",
                "The intermediate level needs 65; its indicators scored 37.5.",
                needham_carr("Intermediate co-production"),
            ),
            rec(
                7,
                "other",
                MALBY,
                "malby-honest-priorities",
                "Be open with people about your priorities and resources from the start.",
                'You answered "Neither agree nor disagree".',
                malby("Do do coproduction if: you can be honest about priorities and resources"),
            ),
        ],
    )


def insufficient_answers() -> Result:
    """Too few answers: one bank, no respondent details, no case for co-production."""
    criteria = _criteria({"inett-aims-shared": "agree", "inett-authority": "dont-know"})
    return Result(
        tool_version="0.1.0",
        banks=[RIGHT],
        respondent=RespondentInfo(),
        verdict=Verdict(
            id="insufficient-answers",
            label="Not enough answers to say",
            reasons=["1 of 7 questions answered (14%); at least 50% are needed."],
            conditions=[],
            alternatives=[],
        ),
        level=LevelResult(
            id=None,
            name="Not assessed",
            confidence="insufficient",
            steps=[],
            explanation="The Needham & Carr levels bank was not answered.",
            available=False,
        ),
        confidence=Confidence(
            answered=1,
            total=7,
            fraction=1 / 7,
            label="insufficient",
            explanation="1 of 7 questions answered (14%), below the 50% needed.",
        ),
        sections=criteria,
        red_flags=[],
        case=None,
        recommendations=[],
    )


def not_right_approach() -> Result:
    """The not-yet sample with the verdict turned into "not the right approach"."""
    base = not_yet_with_blockers()
    return base.model_copy(
        update={
            "verdict": Verdict(
                id="not-right-approach",
                label="Co-production is not the right approach for this work now",
                reasons=[
                    "Decisive criterion not met: included in delivery and evaluation.",
                ],
                explanation="Rule 2 applies: the decisive criterion 6 is not met.",
                conditions=[],
                alternatives=[
                    ApproachSuggestion(
                        id="co-design",
                        name="Co-design",
                        description=(
                            "Work with people on the problem and a solution, without asking them "
                            "to deliver it."
                        ),
                        because=[
                            "People who use services will not have a role in delivering the "
                            "service."
                        ],
                        citation=inett(
                            "Criterion 6: what makes co-production different to co-design"
                        ),
                    ),
                    ApproachSuggestion(
                        id="voice",
                        name="Voice",
                        description=(
                            "Ask for feedback through surveys and interviews to do your part "
                            "better."
                        ),
                        because=["Service delivery is distinctly the service's responsibility."],
                        citation=malby("Voice, Choice and Coproduction: voice"),
                    ),
                ],
            )
        }
    )


ALL_SAMPLES = {
    "ready": ready_transformative,
    "not-yet": not_yet_with_blockers,
    "insufficient": insufficient_answers,
    "not-right-approach": not_right_approach,
}

"""Profile sections describe where things stand; they are shown in reports and never decide.

Where people share the work today (the Co-production Star and The Access Group's stages) and the
"still genuine?" check are profiles: no source says how much of either a team needs before it is
ready, so whatever is answered there leaves the verdict, the level and the confidence alone.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from coprod_check.answers.loader import available_banks, load_answers, select_banks
from coprod_check.answers.model import AnswersFile
from coprod_check.bank.model import Bank
from coprod_check.scoring.engine import score
from coprod_check.scoring.report import render

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "neighbourhood-peer-support.yaml"
BANKS = available_banks([])
PROFILE_IDS = [
    question.id
    for bank in BANKS
    for section in bank.sections
    if section.role == "profile"
    for question in section.questions
]
OPTIONS = ["not-true", "partly-true", "fully-true", "dont-know", None]


def _with(answers: AnswersFile, banks: list[Bank], changes: dict[str, str | None]) -> AnswersFile:
    data = answers.model_dump(mode="json")
    data["banks"] = [{"id": bank.id, "version": bank.version} for bank in banks]
    data["answers"] = {**data["answers"], **changes}
    return AnswersFile.model_validate(data)


def test_the_bundled_profiles_are_the_sharing_stages_and_the_still_genuine_check() -> None:
    profiles = {
        (bank.id, section.id)
        for bank in BANKS
        for section in bank.sections
        if section.role == "profile"
    }
    assert profiles == {
        ("sharing-the-work", "share-stages"),
        ("still-genuine", "genuine-horne-shirley"),
        ("still-genuine", "genuine-stephens"),
        ("still-genuine", "genuine-six-principles"),
    }
    assert not [
        question.id
        for bank in BANKS
        for section in bank.sections
        if section.role == "profile"
        for question in section.questions
        if question.red_flags
    ]


@given(st.lists(st.sampled_from(OPTIONS), min_size=len(PROFILE_IDS), max_size=len(PROFILE_IDS)))
def test_profile_answers_never_change_the_verdict_level_or_confidence(
    choices: list[str | None],
) -> None:
    answers, banks = load_answers(EXAMPLE, BANKS)
    everything = banks + [b for b in BANKS if b.id in ("sharing-the-work", "still-genuine")]
    blank = score(everything, _with(answers, everything, dict.fromkeys(PROFILE_IDS)))
    given_ = score(
        everything, _with(answers, everything, dict(zip(PROFILE_IDS, choices, strict=True)))
    )
    assert given_.verdict == blank.verdict
    assert given_.level == blank.level
    assert given_.confidence == blank.confidence
    assert given_.red_flags == blank.red_flags


def test_a_profile_is_shown_answer_by_answer_in_every_report() -> None:
    answers, banks = load_answers(EXAMPLE, BANKS)
    sharing = [b for b in BANKS if b.id == "sharing-the-work"]
    changes = {
        "share-deciding": "partly-true",
        "share-designing": "fully-true",
        "share-delivering": None,
    }
    result = score(banks + sharing, _with(answers, banks + sharing, changes))
    text = " ".join(render(result, "text", color=False, width=120).split())
    assert "Where things stand today" in text
    assert "never change the verdict, the level or the confidence" in text
    assert "Today, people who use services and carers help plan and design the service." in text
    markdown = render(result, "markdown")
    assert (
        "| Today, people who use services and carers help decide what is needed and how the "
        "money is spent. | Partly true |"
    ) in markdown
    assert (
        "| Today, people who use services and carers help to run the service. | Not answered |"
        in (markdown)
    )
    page = render(result, "html")
    assert '<h2 id="profile">Where things stand today</h2>' in page
    assert (
        '<tr><th scope="row">Today, people who use services and carers help plan and design the '
        "service.</th><td>True</td></tr>" in page
    )


def test_a_bank_that_only_describes_gives_no_verdict() -> None:
    [genuine] = select_banks(["still-genuine"])
    answers = AnswersFile.model_validate(
        {
            "answers_version": 1,
            "banks": [{"id": "still-genuine"}],
            "answers": {q.id: "fully-true" for s in genuine.sections for q in s.questions},
        }
    )
    result = score([genuine], answers)
    assert result.verdict.id == "insufficient-answers"
    assert result.verdict.reasons == [
        "None of the answered banks asks anything that decides the verdict: they only describe "
        "where things stand today (see that part of the report)"
    ]
    assert [s.status for s in result.sections] == ["met", "met", "met"]

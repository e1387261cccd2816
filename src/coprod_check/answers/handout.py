"""Question banks as a printable handout, for workshops where people answer on paper.

The handout is laid out from plain data built here (numbered questions, resolved citations,
tick-box options) and rendered by the ``questionnaire.md.j2`` / ``questionnaire.html.j2``
templates. Question ids are printed small beside each question so that whoever types the answers
up (into a file from ``coprod-check template``) can match them. Source URLs are printed as text,
never as links: the HTML loads nothing and links nowhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_check.answers.introduction import INTRODUCTION, Introduction
from coprod_check.answers.model import ROLES
from coprod_check.bank.model import Bank, Source
from coprod_check.errors import UsageError
from coprod_check.scoring.citations import cite

HANDOUT_FORMATS: tuple[str, ...] = ("markdown", "html")
HANDOUT_TITLE = "Co-production readiness questionnaire"

INSTRUCTIONS: tuple[str, ...] = (
    "Read each statement and tick one box: the answer that best describes this piece of work "
    "and your team today.",
    "If you cannot say, tick \u201cDon't know\u201d where it is offered, or leave the statement "
    "blank. Either way it counts as unanswered, not as a low score.",
    "Use the space for notes to say why you answered as you did, or what evidence you have.",
    "The small code beside each question is for whoever types the answers up: "
    "“coprod-check template” makes a blank answers file that uses the same codes.",
)


@dataclass(frozen=True, slots=True)
class HandoutQuestion:
    number: int
    id: str
    statement: str
    guidance: str | None
    options: list[str]


@dataclass(frozen=True, slots=True)
class HandoutSection:
    anchor: str
    title: str
    description: str | None
    citation: str
    questions: list[HandoutQuestion]


@dataclass(frozen=True, slots=True)
class HandoutSource:
    """A source as text, and its web address apart so it can be printed as text, not a link."""

    text: str
    url: str | None


@dataclass(frozen=True, slots=True)
class HandoutBank:
    id: str
    version: str
    title: str
    description: str
    sources: list[HandoutSource]
    sections: list[HandoutSection]


@dataclass(frozen=True, slots=True)
class Handout:
    title: str
    introduction: Introduction
    instructions: tuple[str, ...]
    roles: tuple[str, ...]
    banks: list[HandoutBank]
    question_count: int


def source_text(source: Source) -> str:
    """``Author (year), "Title". Publisher`` with whatever parts the source has (no URL)."""
    year = f" ({source.year})" if source.year is not None else ""
    text = f'{source.author}{year}, "{source.title}"'
    if source.publisher:
        text += f". {source.publisher}"
    return text


def build_handout(banks: Sequence[Bank]) -> Handout:
    """The handout's content, questions numbered 1, 2, 3... across every bank in order."""
    number = 0
    handout_banks: list[HandoutBank] = []
    for bank in banks:
        scales = {scale.id: scale for scale in bank.scales}
        sections: list[HandoutSection] = []
        for section in bank.sections:
            questions: list[HandoutQuestion] = []
            for question in section.questions:
                number += 1
                scale = scales.get(question.scale)
                questions.append(
                    HandoutQuestion(
                        number=number,
                        id=question.id,
                        statement=question.statement,
                        guidance=question.guidance,
                        options=[option.label for option in scale.options] if scale else [],
                    )
                )
            sections.append(
                HandoutSection(
                    anchor=f"{bank.id}--{section.id}",
                    title=section.title,
                    description=section.description,
                    citation=cite(bank, section.citation).short,
                    questions=questions,
                )
            )
        handout_banks.append(
            HandoutBank(
                id=bank.id,
                version=bank.version,
                title=bank.title,
                description=bank.description,
                sources=[HandoutSource(source_text(source), source.url) for source in bank.sources],
                sections=sections,
            )
        )
    return Handout(
        title=HANDOUT_TITLE,
        introduction=INTRODUCTION,
        instructions=INSTRUCTIONS,
        roles=ROLES,
        banks=handout_banks,
        question_count=number,
    )


def render_handout(banks: Sequence[Bank], fmt: str, *, tool_version: str | None = None) -> str:
    """The handout as ``markdown`` or ``html`` (one self-contained, printable page)."""
    if fmt not in HANDOUT_FORMATS:
        raise UsageError(
            f"unknown questionnaire format {fmt!r}; choose one of: {', '.join(HANDOUT_FORMATS)}"
        )
    if not banks:
        raise UsageError("no question banks to print")
    from coprod_check import __version__
    from coprod_check.render.jinja_env import render_template

    name = "questionnaire.md.j2" if fmt == "markdown" else "questionnaire.html.j2"
    return render_template(
        name, handout=build_handout(banks), tool_version=tool_version or __version__
    )

"""Draft a plan from an assessment's recommendations: a commented YAML file people edit.

Like ``template``, the draft explains itself in comments and loads back as a valid plan (tested):
the Model for Improvement's three questions to answer, the first cycle, and one action per
chosen recommendation, in the result's rank order, each keeping its question and citation so
that ``compare`` can later say whether that question moved. The recommendations not chosen
follow as commented-out actions, ready to be added by removing the ``#``.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from coprod_check.answers.template import WIDTH, comment_lines, plain
from coprod_check.plan.model import (
    AIM_QUESTION,
    CHANGES_QUESTION,
    IMPROVEMENT_CITATION,
    MEASURES_QUESTION,
    PLAN_VERSION,
    SourceKind,
)
from coprod_check.scoring.result import RecommendationItem, Result

_INTRO = (
    "The Model for Improvement asks three questions, then tests changes in Plan-Do-Study-Act "
    "cycles ({citation}). Answer the three questions under 'improvement:'. For each action "
    "below, name an owner and a due date (YYYY-MM-DD) and say how you will know the change is "
    "an improvement ('measure'). Keep each status up to date: planned, doing, done (then add "
    "done_on, the date it was done) or dropped (then add a reason). Delete the actions you will "
    "not take; the other recommendations are at the end, ready to add."
)
_COMMANDS = (
    "Check it:         coprod-check validate THIS-FILE",
    "See what is due:  coprod-check plan status THIS-FILE",
    "After the cycle:  coprod-check compare EARLIER LATER THIS-FILE",
)

CATEGORY_WORDS = {
    "blocker": "blocker",
    "criterion": "criterion not met",
    "next-level": "step to the next level",
    "other": "other",
}


@dataclass(frozen=True, slots=True)
class DraftSource:
    """The assessment a plan is drafted from: its result and where it came from."""

    file: str
    kind: SourceKind
    result: Result
    respondents: int | None = None


def _scalar(text: str, indent: str, key: str) -> list[str]:
    """``key: text`` as YAML that reads back as ``text`` (whitespace folded), wrapped as a
    folded block scalar when it does not fit on one line."""
    flat = " ".join(text.split())
    line = f"{indent}{key}: {plain(flat)}"
    if len(line) <= WIDTH or not flat:
        return [line]
    wrapped = textwrap.wrap(
        flat, width=WIDTH - len(indent) - 2, break_on_hyphens=False, break_long_words=False
    )
    return [f"{indent}{key}: >-", *(f"{indent}  {part}" for part in wrapped)]


def _date(value: str | None) -> str:
    """A result's date (``2026-09-02`` or a timestamp) as a YAML date, or null."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return "null"


def _action(number: int, item: RecommendationItem, cycle: int) -> list[str]:
    """One action's lines (not yet commented out), indented under ``actions:``."""
    category = CATEGORY_WORDS.get(item.category, item.category)
    lines = comment_lines(f"{item.rank}. ({category}) {item.because}", "  ")
    lines += [
        f"  - id: a{number}",
        f"    bank: {plain(item.bank_id)}",
        f"    question: {plain(item.question_id)}",
        *_scalar(item.text, "    ", "recommendation"),
        *_scalar(item.citation.short, "    ", "citation"),
        "    owner: null",
        "    due: null",
        "    measure: null",
        "    status: planned",
        "    done_on: null",
        "    reason: null",
        f"    cycle: {cycle}",
    ]
    return lines


def _commented(lines: Sequence[str]) -> list[str]:
    """Lines commented out so that removing the first ``# `` of each (an editor's "toggle
    comment") restores them; comments among them become ``# #``."""
    out: list[str] = []
    for line in lines:
        stripped = line.lstrip(" ")
        indent = line[: len(line) - len(stripped)]
        out.append(f"{indent}# {stripped}")
    return out


def draft_plan(source: DraftSource, *, top: int | None = 5, cycle: int = 1) -> str:
    """The text of a draft plan: the first ``top`` recommendations as actions (all when
    ``top`` is None), the others commented out."""
    result = source.result
    chosen = list(result.recommendations if top is None else result.recommendations[:top])
    rest = result.recommendations[len(chosen) :]
    lines = ["# coprod-check action plan.", "#"]
    lines += comment_lines(_INTRO.format(citation=IMPROVEMENT_CITATION), "")
    lines += [f"# {command}" for command in _COMMANDS]
    lines += ["", f"plan_version: {PLAN_VERSION}"]
    title = result.respondent.project or result.respondent.pseudonym
    lines.append(f"title: {plain(title) if title else 'null'}")
    lines += [
        "",
        "# The assessment this plan was drafted from.",
        "drafted_from:",
        f"  file: {json.dumps(source.file, ensure_ascii=False)}",
        f"  kind: {source.kind}",
        f"  date: {_date(result.respondent.date)}",
        *_scalar(result.verdict.label, "  ", "verdict"),
        *_scalar(result.level.name, "  ", "level"),
    ]
    if source.respondents is not None:
        lines.append(f"  respondents: {source.respondents}")
    lines += ["", "# The banks the actions' questions come from.", "banks:"]
    for bank in result.banks:
        lines += comment_lines(bank.title, "  ")
        lines += [f"  - id: {plain(bank.id)}", f"    version: {plain(bank.version)}"]
    lines += [
        "",
        *comment_lines(
            f"The Model for Improvement's three questions ({IMPROVEMENT_CITATION}).", ""
        ),
        "improvement:",
        f"  # {AIM_QUESTION}",
        "  aim: null",
        f"  # {MEASURES_QUESTION}",
        "  measures: null",
        f"  # {CHANGES_QUESTION}",
        "  changes: null",
        "",
        *comment_lines(
            f"Plan-Do-Study-Act cycles. Cycle {cycle} runs from this assessment to the next "
            "one; 'coprod-check compare' lines the cycles up with the assessments in date order "
            "(cycle 1 from the first to the second).",
            "",
        ),
        "cycles:",
        f"  - cycle: {cycle}",
        f"    starts: {_date(result.respondent.date)}",
        "    # When you will assess again and study the results (YYYY-MM-DD).",
        "    study_on: null",
        "    # Study: what did the results show, against what you expected?",
        "    study: null",
        "    # Act: what will you change, keep or drop in the next cycle?",
        "    act: null",
        "",
    ]
    if chosen:
        lines.append("actions:")
        for number, item in enumerate(chosen, start=1):
            lines += ["", *_action(number, item, cycle)]
    else:
        lines += [
            "# The assessment made no recommendations; add your own actions here.",
            "actions: []",
        ]
    if rest:
        lines += [
            "",
            *comment_lines(
                "The other recommendations of the same assessment, not in this plan. To add "
                "one, remove the '# ' at the start of each of its lines (keep the indent).",
                "",
            ),
        ]
        for number, item in enumerate(rest, start=len(chosen) + 1):
            lines += ["", *_commented(_action(number, item, cycle))]
    return "\n".join(lines) + "\n"

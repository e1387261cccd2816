"""A blank answers file for some banks: every question present as ``question-id: null``.

Each question carries its statement, guidance and answer options as YAML comments, grouped by
bank and section, so a team can fill the file in with any text editor. The file loads back as
a valid answers file with nothing answered (tested).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

import yaml

from coprod_check.answers.model import ANSWERS_VERSION, ROLES
from coprod_check.bank.model import Bank, Question, Scale

WIDTH = 98

_HEADER = """\
coprod-check answers file.

How to fill it in: under "answers:", replace each null with one of the option ids listed
above the question (for example: agree). Leave null, or choose a "don't know" option, when
you do not know; unanswered questions lower the confidence of the result. To add a note or
evidence, use the long form:
  question-id:
    answer: agree
    note: Board paper 12 agreed this.
Then run: coprod-check score THIS-FILE"""


def comment_lines(text: str, indent: str, prefix: str = "") -> list[str]:
    """``text`` as wrapped comment lines; whitespace (including newlines) is folded."""
    flat = " ".join(text.split())
    lines = textwrap.wrap(
        flat,
        width=WIDTH - len(indent) - 2,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix) if prefix else "",
        break_on_hyphens=False,
        break_long_words=False,
    )
    return [f"{indent}# {line}".rstrip() for line in lines or [prefix]]


def _rule(indent: str, title: str, char: str) -> str:
    flat = " ".join(title.split())
    line = f"{indent}# {char * 2} {flat} "
    return line + char * max(3, WIDTH - len(line))


def plain(text: str) -> str:
    """``text`` as a YAML scalar that reads back as that string (ids such as ``no`` or ``1``
    would otherwise read as false or a number)."""
    try:
        if yaml.safe_load(text) == text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text)


def _options(scale: Scale, indent: str) -> list[str]:
    """``Options: a = A; b = B`` wrapped between options, never inside one."""
    items = [f"{option.id} = {' '.join(option.label.split())}" for option in scale.options]
    lines: list[str] = []
    current = "Options: "
    for index, item in enumerate(items):
        piece = item + (";" if index < len(items) - 1 else "")
        if (
            current.strip() not in ("Options:",)
            and len(indent) + 2 + len(current) + len(piece) > WIDTH
        ):
            lines.append(current.rstrip())
            current = " " * len("Options: ")
        current += piece + " "
    lines.append(current.rstrip())
    return [f"{indent}# {line}" for line in lines]


def _question(question: Question, scale: Scale) -> list[str]:
    indent = "  "
    lines = comment_lines(question.statement, indent)
    if question.guidance:
        lines += comment_lines(question.guidance, indent, "Guidance: ")
    lines += _options(scale, indent)
    lines.append(f"{indent}{plain(question.id)}: null")
    return lines


def render_template(banks: Sequence[Bank]) -> str:
    """The text of a blank answers file for ``banks``, in the order given."""
    lines = [f"# {line}".rstrip() for line in _HEADER.splitlines()]
    lines.append("")
    lines.append(f"answers_version: {ANSWERS_VERSION}")
    lines.append("banks:")
    for bank in banks:
        lines += comment_lines(bank.title, "  ")
        lines.append(f"  - id: {plain(bank.id)}")
        lines.append(f"    version: {plain(bank.version)}")
    lines += [
        "",
        "# Who answered: every field is optional.",
        "respondent:",
        "  # A name or pseudonym for the person or group answering.",
        "  pseudonym: null",
        "  # One of: " + " | ".join(ROLES),
        "  role: null",
        "  # When the answers were given, as YYYY-MM-DD.",
        "  date: null",
        "  # The service or project being assessed.",
        "  project: null",
        "",
        "answers:",
    ]
    for bank in banks:
        scales = {scale.id: scale for scale in bank.scales}
        lines.append("")
        lines.append(_rule("  ", f"Bank: {bank.title} ({bank.id} {bank.version})", "="))
        for section in bank.sections:
            lines.append("")
            lines.append(_rule("  ", f"{section.title}", "-"))
            if section.description:
                lines += comment_lines(section.description, "  ")
            for question in section.questions:
                lines.append("")
                lines += _question(question, scales[question.scale])
    return "\n".join(lines) + "\n"

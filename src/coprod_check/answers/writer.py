"""Write the answers file of an assessment as stable, commented YAML, atomically.

The text is the blank file of ``coprod-check template`` (statement, guidance and options as
comments above each question) with the answers given so far filled in, so a saved file reads
well, diffs cleanly and can be finished by hand. The same answers always give the same bytes.
Before it is written the text is read back and compared with the answers; should the two ever
differ, a plain file without comments is written instead, so no answer can be lost. Every save
goes through :func:`atomic.write_atomic`: a crash or Ctrl-C leaves the last save intact.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from coprod_check.answers.model import Answer, AnswersFile, BankRef
from coprod_check.answers.template import plain, render_template
from coprod_check.bank.model import Bank
from coprod_check.errors import CoprodError
from coprod_check.files.atomic import write_atomic
from coprod_check.files.yaml_source import parse_yaml

HEADER = (
    "# Saved by `coprod-check assess` after every answer.\n"
    "# Carry on answering: coprod-check assess --resume {name}\n"
    "#\n"
)
OTHERS = "  # -- Answers to questions not in these banks (kept as they were) --\n"


def render_answers(answers: AnswersFile, banks: Sequence[Bank], name: str = "answers.yaml") -> str:
    """The YAML text of ``answers``: the template for ``banks`` with the answers filled in.

    ``name`` is the file name the comments tell people to pass back to coprod-check.
    """
    name = " ".join(name.split())
    text = _filled_template(answers, banks, name)
    if _reads_back(text, answers):
        return text
    return plain_text(answers, name)


def save_answers(
    path: Path, answers: AnswersFile, banks: Sequence[Bank], *, overwrite: bool
) -> None:
    """Write ``answers`` to ``path`` atomically (``overwrite=False`` refuses an existing file)."""
    write_atomic(path, render_answers(answers, banks, path.name), overwrite=overwrite)


def _filled_template(answers: AnswersFile, banks: Sequence[Bank], name: str) -> str:
    head, marker, body = render_template(banks).partition("\nanswers:\n")
    head = HEADER.format(name=name) + head.replace("THIS-FILE", name)
    respondent = answers.respondent.model_dump(exclude_none=True)
    for field, value in respondent.items():
        head = head.replace(f"\n  {field}: null\n", f"\n{_indent(_dump({field: value}))}", 1)
    if answers.banks != [BankRef(id=bank.id, version=bank.version) for bank in banks]:
        return ""  # the template lists other banks: let the plain form be written
    lines = body.split("\n")
    index = {line: number for number, line in enumerate(lines)}
    others: list[str] = []
    for question_id, value in answers.answers.items():
        entry = _indent(_dump({question_id: _plain(value)})).rstrip("\n")
        where = index.get(f"  {plain(question_id)}: null")
        if where is None:
            others.append(entry)
        else:
            lines[where] = entry
    text = head + marker + "\n".join(lines)
    if others:
        text += "\n" + OTHERS + "\n".join(others) + "\n"
    return text


def _reads_back(text: str, answers: AnswersFile) -> bool:
    if not text:
        return False
    try:
        again = AnswersFile.model_validate(parse_yaml(text, "answers").data)
    except (CoprodError, ValidationError):
        return False
    return again == answers


def plain_text(answers: AnswersFile, name: str) -> str:
    """The answers without the template's comments: the fallback that always reads back."""
    data = answers.model_dump(mode="json", exclude_none=True)
    data["answers"] = {key: _plain(value) for key, value in answers.answers.items()}
    return HEADER.format(name=name) + _dump(data)


def _plain(value: Answer | str | None) -> Any:
    if isinstance(value, Answer):
        return value.model_dump(exclude_none=True) or None
    return value


class _Dumper(yaml.SafeDumper):
    """Safe dumper: multi-line notes as ``|`` blocks when YAML allows, odd line breaks escaped."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # PyYAML writes NEL and the Unicode line and paragraph separators raw inside quotes, where
    # reading folds them into spaces; double quotes make it escape them.
    style = '"' if any(c in text for c in "\x85\u2028\u2029") else "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def _indent(text: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in text.splitlines(True))

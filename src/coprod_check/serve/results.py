"""A workshop's stored responses -> the aggregate result, answers files, CSV and consensus file.

Results come from the same engine as ``coprod-check aggregate`` (so small groups are hidden
exactly as there), fed with every response that has saved at least one page. Each such response
counts as asked every question of the workshop, as an answers file or a CSV row would, so the
exports below give ``aggregate`` the very same result the facilitator page shows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence

from coprod_check.aggregate.result import AggregateResult, Settings
from coprod_check.answers.model import Answer, AnswersFile, BankRef, Respondent
from coprod_check.bank.model import Bank
from coprod_check.errors import CoprodError
from coprod_check.serve.records import ConsensusAnswer, ResponseRecord, Workshop, WorkshopStore

#: The files a workshop exports, by name (the web page and ``coprod-check workshop export``).
EXPORTS = ("answers.zip", "responses.csv", "results.json", "results.html", "consensus.yaml")
GAP_THRESHOLD = 20.0
TOP_DISAGREEMENTS = 5
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def counted(responses: Iterable[ResponseRecord]) -> list[ResponseRecord]:
    """The responses that go into results: those with at least one page saved."""
    return [response for response in responses if response.answers]


def settings_for(
    workshop: Workshop, top: int = TOP_DISAGREEMENTS, date: str | None = None
) -> Settings:
    """``date``: the cycle's date, which ``compare`` orders results by: the day the last
    participant finished, as ``aggregate`` takes it from the exported answers files."""
    return Settings(
        min_group_size=workshop.settings.min_group_size,
        gap_threshold=GAP_THRESHOLD,
        top_disagreements=top,
        include_notes=False,
        on_error="skip",
        date=date,
    )


def aggregate_result(
    workshop: Workshop, banks: Sequence[Bank], responses: Sequence[ResponseRecord], top: int = 5
) -> AggregateResult | None:
    """The aggregate result of ``responses``; None while nobody has saved a page."""
    from coprod_check.aggregate.engine import aggregate_respondents

    people = counted(responses)
    if not people:
        return None
    finished = [response.finished_at[:10] for response in people if response.finished_at]
    questions = [
        (bank.id, question.id)
        for bank in banks
        for section in bank.sections
        for question in section.questions
    ]
    return aggregate_respondents(
        banks,
        (
            (
                response.role,
                {
                    f"{bank}/{question}": (
                        saved.option if (saved := response.answers.get((bank, question))) else None
                    )
                    for bank, question in questions
                },
            )
            for response in people
        ),
        settings_for(workshop, top, max(finished, default=None)),
    )


def _date(stamp: str | None) -> dt.date | None:
    return None if stamp is None else dt.date.fromisoformat(stamp[:10])


def answers_file(
    workshop: Workshop, banks: Sequence[Bank], response: ResponseRecord
) -> AnswersFile:
    """One response as an answers file (``score``, ``compare`` and ``aggregate`` read it)."""
    answers: dict[str, dict[str, str | None] | str | None] = {}
    for bank in banks:
        for section in bank.sections:
            for question in section.questions:
                saved = response.answers.get((bank.id, question.id))
                if saved is None:
                    answers[question.id] = None
                elif saved.note:
                    answers[question.id] = {"answer": saved.option, "note": saved.note}
                else:
                    answers[question.id] = saved.option
    # validated as a file is (text trimmed, the role checked)
    return AnswersFile.model_validate(
        {
            "answers_version": 1,
            "banks": [{"id": bank.id, "version": bank.version} for bank in banks],
            "respondent": {
                "pseudonym": response.pseudonym or f"Participant {response.number}",
                "role": response.role,
                "date": _date(response.finished_at),
                "project": workshop.settings.title,
            },
            "answers": answers,
        }
    )


def answers_yaml(answers: AnswersFile, banks: Sequence[Bank], name: str, origin: str) -> str:
    """An answers file as commented YAML, saying where it came from."""
    from coprod_check.answers.writer import HEADER, render_answers

    text = render_answers(answers, banks, name).removeprefix(HEADER.format(name=name))
    return f"# {origin}\n# Score it: coprod-check score {name}\n#\n{text}"


def answers_zip(
    workshop: Workshop, banks: Sequence[Bank], responses: Sequence[ResponseRecord]
) -> bytes:
    """Every counted response as ``participant-NNN.yaml`` in one zip file."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for response in counted(responses):
            name = f"participant-{response.number:03d}.yaml"
            text = answers_yaml(
                answers_file(workshop, banks, response),
                banks,
                name,
                f"One participant's answers in the workshop {workshop.settings.title!r}, "
                "exported by coprod-check serve.",
            )
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return stream.getvalue()


def _cell(value: str | None) -> str:
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def responses_csv(banks: Sequence[Bank], responses: Sequence[ResponseRecord]) -> str:
    """One row per counted response, in the column names ``aggregate`` reads without a mapping:
    ``respondent``, ``role``, ``bank-id/question-id`` (an option id) and its ``... note``."""
    keys = [
        (bank.id, question.id)
        for bank in banks
        for section in bank.sections
        for question in section.questions
    ]
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    header = ["respondent", "role"]
    for bank, question in keys:
        header += [f"{bank}/{question}", f"{bank}/{question} note"]
    writer.writerow(header)
    for response in counted(responses):
        row = [f"participant-{response.number:03d}", response.role or ""]
        for key in keys:
            saved = response.answers.get(key)
            row += [saved.option or "" if saved else "", _cell(saved.note if saved else None)]
        writer.writerow(row)
    return stream.getvalue()


def consensus_file(
    workshop: Workshop,
    banks: Sequence[Bank],
    agreed: Sequence[ConsensusAnswer],
    result: AggregateResult | None,
    labels: dict[str, str],
) -> AnswersFile:
    """The room's agreed answers as one answers file.

    Questions the room did not discuss take everyone's typical answer (the middle answer, as
    ``aggregate`` scores it) with a note saying so, so the file scores like a whole assessment;
    dissent is kept in each note with the group that voiced it.
    """
    typical: dict[tuple[str, str], str | None] = {}
    if result is not None:
        for scored in result.overall.sections:
            for trace in scored.answers:
                typical[(trace.bank_id, trace.question_id)] = trace.answer_id
    by_key = {item.key: item for item in agreed}
    answers: dict[str, Answer | str | None] = {}
    for bank in banks:
        for section in bank.sections:
            for question in section.questions:
                item = by_key.get((bank.id, question.id))
                if item is None:
                    chosen = typical.get((bank.id, question.id))
                    answers[question.id] = Answer(
                        answer=chosen,
                        note="Not discussed in the consensus round: everyone's typical answer.",
                    )
                    continue
                parts = [item.note] if item.note else []
                for dissent in item.dissent:
                    who = labels.get(dissent.group or "", "Someone")
                    parts.append(f"Dissent ({who}): {dissent.text}")
                note = "\n".join(parts)[:4000] or None
                answers[question.id] = Answer(answer=item.option, note=note)
    return AnswersFile(
        answers_version=1,
        banks=[BankRef(id=bank.id, version=bank.version) for bank in banks],
        respondent=Respondent(
            pseudonym=f"Consensus of the workshop {workshop.settings.title}"[:200],
            date=dt.date.today(),
            project=workshop.settings.title,
        ),
        answers=answers,
    )


class NoAnswersError(CoprodError):
    """Results were asked for before anybody saved a page of answers."""


def export_file(
    store: WorkshopStore, workshop: Workshop, banks: Sequence[Bank], name: str
) -> tuple[bytes | str, str] | None:
    """One export by file name, with its media type; None for a name that is not an export."""
    from coprod_check.aggregate.report import render
    from coprod_check.aggregate.roles import GROUP_LABELS

    if name not in EXPORTS:
        return None
    responses = list(store.responses(workshop.id))
    if name == "answers.zip":
        return answers_zip(workshop, banks, responses), "application/zip"
    if name == "responses.csv":
        return responses_csv(banks, responses), "text/csv; charset=utf-8"
    result = aggregate_result(workshop, banks, responses)
    if name == "consensus.yaml":
        agreed = store.consensus(workshop.id)
        answers = consensus_file(workshop, banks, agreed, result, dict(GROUP_LABELS))
        text = answers_yaml(
            answers,
            banks,
            name,
            f"The consensus answers of the workshop {workshop.settings.title!r}, exported by "
            f"coprod-check serve on {dt.date.today().isoformat()}.",
        )
        return text, "application/yaml; charset=utf-8"
    if result is None:
        raise NoAnswersError("nobody has saved a page of answers yet: no results to export")
    if name == "results.json":
        return render(result, "json"), "application/json; charset=utf-8"
    return render(result, "html"), "text/html; charset=utf-8"

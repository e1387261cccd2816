"""Whether a sequence of results was assessed with the same questions.

A score only means the same thing across cycles when the questions behind it are the same.
Each result records, per section, every question's id, statement and weight (its
``AnswerTrace``s); those are its fingerprint. Questions are matched by bank and id:

- added / removed: the id is present at one point and not at the other;
- reworded: same id, different statement (ignoring differences in white space);
- moved: same statement, different section; reweighted: same statement, different weight;
- unverifiable: an answers file says it answered another version of the bank than the one it
  was scored with, so what its people actually read cannot be checked (with ``allow`` its
  questions are compared as scored).

Without ``allow``, any such change stops the comparison with a message naming it
(comparability matters more than convenience). With ``allow``, only the questions identical at
every point are compared, and the result says which were left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coprod_check.compare.point import Point
from coprod_check.compare.result import (
    BankChange,
    Comparability,
    QuestionChange,
    QuestionChangeKind,
)
from coprod_check.errors import Location, UsageError
from coprod_check.problems.wording import plural
from coprod_check.scoring.result import Result

QuestionKey = tuple[str, str]  # (bank id, question id)

_MAX_IDS = 6


class IncomparableError(UsageError):
    """The inputs were assessed with different questions and ``--allow-bank-change`` is off."""


@dataclass(frozen=True, slots=True)
class QuestionPrint:
    """What must stay the same for a question's answers to be comparable."""

    section_id: str
    statement: str
    weight: float


@dataclass(frozen=True, slots=True)
class Checked:
    """The outcome of :func:`check`: the report part and the questions to compare."""

    comparability: Comparability
    common: frozenset[QuestionKey]


def fingerprint(result: Result) -> dict[QuestionKey, QuestionPrint]:
    """Every question a result was scored on, in the order the result lists them."""
    prints: dict[QuestionKey, QuestionPrint] = {}
    for section in result.sections:
        for trace in section.answers:
            prints[(trace.bank_id, trace.question_id)] = QuestionPrint(
                section.section_id, " ".join(trace.statement.split()), trace.weight
            )
    return prints


def _versions(point: Point) -> dict[str, str]:
    return {bank.id: bank.version for bank in point.result.banks}


def _diff(
    bank_id: str, before: dict[str, QuestionPrint], after: dict[str, QuestionPrint]
) -> list[QuestionChange]:
    changes: list[QuestionChange] = []
    for question_id, old in before.items():
        new = after.get(question_id)
        found = ("removed", old.statement, None) if new is None else _changed(old, new)
        if found is not None:
            kind, was, now = found
            changes.append(
                QuestionChange(question_id=question_id, kind=kind, before=was, after=now)
            )
    for question_id, new in after.items():
        if question_id not in before:
            changes.append(
                QuestionChange(
                    question_id=question_id, kind="added", before=None, after=new.statement
                )
            )
    return changes


def _changed(
    old: QuestionPrint, new: QuestionPrint
) -> tuple[QuestionChangeKind, str | None, str | None] | None:
    """The first way a question that kept its id changed: its words, its section, its weight."""
    if new.statement != old.statement:
        return "reworded", old.statement, new.statement
    if new.section_id != old.section_id:
        return "moved", old.section_id, new.section_id
    if new.weight != old.weight:
        return "reweighted", f"{old.weight:g}", f"{new.weight:g}"
    return None


def _by_bank(
    prints: dict[QuestionKey, QuestionPrint], bank_ids: Iterable[str]
) -> dict[str, dict[str, QuestionPrint]]:
    grouped: dict[str, dict[str, QuestionPrint]] = {bank_id: {} for bank_id in bank_ids}
    for (bank_id, question_id), qprint in prints.items():
        grouped.setdefault(bank_id, {})[question_id] = qprint
    return grouped


def bank_changes(points: Sequence[Point]) -> list[BankChange]:
    """Every difference in banks between consecutive points (and unverifiable versions)."""
    changes: list[BankChange] = []
    prints = [fingerprint(point.result) for point in points]
    for index, point in enumerate(points, start=1):
        versions = _versions(point)
        for bank_id, answered in point.answered_versions.items():
            changes.append(
                BankChange(
                    bank_id=bank_id,
                    from_point=index,
                    to_point=index,
                    from_version=answered,
                    to_version=versions.get(bank_id),
                    questions=[],
                    unverifiable=True,
                )
            )
        if index == 1:
            continue
        before_versions = _versions(points[index - 2])
        bank_ids = list(dict.fromkeys([*before_versions, *versions]))
        before = _by_bank(prints[index - 2], before_versions)
        after = _by_bank(prints[index - 1], versions)
        for bank_id in bank_ids:
            questions = _diff(bank_id, before.get(bank_id, {}), after.get(bank_id, {}))
            if questions or before_versions.get(bank_id) != versions.get(bank_id):
                changes.append(
                    BankChange(
                        bank_id=bank_id,
                        from_point=index - 1,
                        to_point=index,
                        from_version=before_versions.get(bank_id),
                        to_version=versions.get(bank_id),
                        questions=questions,
                    )
                )
    return changes


def _ids(changes: list[QuestionChange], kind: str) -> str:
    ids = [change.question_id for change in changes if change.kind == kind]
    shown = ", ".join(ids[:_MAX_IDS])
    if len(ids) > _MAX_IDS:
        shown += f" and {len(ids) - _MAX_IDS} more"
    return shown


def describe(change: BankChange, labels: Sequence[str]) -> str:
    """One line naming what changed, e.g. ``right-circumstances 1.0.0 -> 1.1.0: reworded x``."""
    if change.unverifiable:
        return (
            f"{labels[change.from_point - 1]} answered {change.bank_id} "
            f"{change.from_version} but was scored with {change.to_version}, so its wording "
            "cannot be checked"
        )
    before = change.from_version or "(not answered)"
    after = change.to_version or "(not answered)"
    parts = []
    for kind in ("added", "removed", "reworded", "moved", "reweighted"):
        ids = _ids(change.questions, kind)
        if ids:
            parts.append(f"{kind} {ids}")
    what = "; ".join(parts) if parts else "same questions"
    return (
        f"{change.bank_id} {before} ({labels[change.from_point - 1]}) -> {after} "
        f"({labels[change.to_point - 1]}): {what}"
    )


def check(points: Sequence[Point], *, allow: bool) -> Checked:
    """Check that the points share their questions; raise :class:`IncomparableError` if not.

    With ``allow``, return the questions identical at every point (the common part).
    """
    labels = [point.label for point in points]
    changes = bank_changes(points)
    real = [change for change in changes if change.matters]
    prints = [fingerprint(point.result) for point in points]
    if real and not allow:
        first = real[0]
        more = f" (and {len(real) - 1} more bank changes)" if len(real) > 1 else ""
        raise IncomparableError(
            f"the questions differ: {describe(first, labels)}{more}; compare only the "
            "questions they share with --allow-bank-change",
            Location(labels[first.to_point - 1]),
        )
    all_keys = list(dict.fromkeys(key for qprints in prints for key in qprints))
    common = frozenset(
        key
        for key in all_keys
        if all(key in qprints and qprints[key] == prints[0][key] for qprints in prints)
    )
    left_out = [
        f"{bank_id}/{question_id}"
        for bank_id, question_id in all_keys
        if (bank_id, question_id) not in common
    ]
    if real and left_out:
        note = (
            f"The banks changed between points ({plural(len(real), 'change')}); as asked "
            "(--allow-bank-change), only the "
            f"{len(common)} questions identical at every point are compared and "
            f"{len(left_out)} are left out. Section scores are recomputed over the shared "
            "questions; levels, verdicts and confidence are as each result reported them, "
            "on its own bank version."
        )
    elif real:
        note = (
            "Answers were given to another version of a bank than the one they were scored "
            f"with; as asked (--allow-bank-change), the {len(common)} questions as scored are "
            "compared, but the wording people answered cannot be checked."
        )
    else:
        note = f"Every point was assessed with the same {len(common)} questions."
        versioned = [change for change in changes if not change.matters]
        if versioned:
            note += (
                " Bank versions differ but their questions are identical: "
                + "; ".join(describe(change, labels) for change in versioned)
                + "."
            )
    return Checked(
        Comparability(
            bank_changed=bool(real),
            allowed=allow,
            changes=changes,
            questions_compared=len(common),
            left_out=left_out,
            note=note,
        ),
        common,
    )

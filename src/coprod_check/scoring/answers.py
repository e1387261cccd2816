"""Each question of the scored banks paired with its answer and its normalised value.

Everything else in the engine works from this one list, built once, in bank, section and
question order.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from coprod_check.answers.model import AnswersFile
from coprod_check.bank.model import Bank, Question, Scale, ScaleOption, Section
from coprod_check.scoring.numbers import exact
from coprod_check.scoring.result import AnswerTrace

#: How reasons name the answers behind them: a respondent's (or a team's) own answers...
YOU_ANSWERED = "you answered"
#: ...or, in a workshop's report, a group's typical answers (the middle answer of the group).
PEOPLE_ANSWERED = "people typically answered"


class ScoredAnswer:
    """One question, its chosen option (None when unanswered) and its 0-1 value after reversal.

    ``value`` is None when the question counts as unanswered: no answer, ``null``, or an option
    whose value is ``null`` (such as "don't know"). A plain class: a dataclass costs more to
    define than scoring a bank does.
    """

    __slots__ = ("bank", "note", "option", "question", "scale", "section", "value")

    def __init__(
        self,
        bank: Bank,
        section: Section,
        question: Question,
        scale: Scale,
        option: ScaleOption | None,
        value: Fraction | None,
        note: str | None,
    ) -> None:
        self.bank = bank
        self.section = section
        self.question = question
        self.scale = scale
        self.option = option
        self.value = value
        self.note = note

    @property
    def answered(self) -> bool:
        return self.value is not None

    @property
    def weight(self) -> Fraction:
        return exact(self.question.weight)

    def trace(self) -> AnswerTrace:
        """How this answer entered its section's score, for the result."""
        return AnswerTrace(
            bank_id=self.bank.id,
            question_id=self.question.id,
            statement=self.question.statement,
            answer_id=self.option.id if self.option else None,
            answer_label=self.option.label if self.option else None,
            value=round(float(self.value), 4) if self.value is not None else None,
            weight=self.question.weight,
            note=self.note,
        )

    def describe(self) -> str:
        """``'Agree' to “statement”`` for reasons and explanations."""
        label = self.option.label if self.option else "no answer"
        return f"“{self.question.statement}”: {label}"


def scale_range(scale: Scale) -> tuple[Fraction, Fraction] | None:
    """Lowest and highest option value of a scale (null values ignored); None if it has none."""
    values = [exact(option.value) for option in scale.options if option.value is not None]
    if not values:
        return None
    return min(values), max(values)


def normalise(option: ScaleOption, scale: Scale, *, reverse: bool) -> Fraction | None:
    """0 (worst) to 1 (best): ``(value - min) / (max - min)``, flipped for reversed questions.

    A scale whose values are all equal cannot tell answers apart; every answer then counts as
    the middle (one half). Bank validation rejects such scales.
    """
    if option.value is None:
        return None
    return _within(option.value, scale_range(scale), reverse=reverse)


def _within(
    number: float | int, bounds: tuple[Fraction, Fraction] | None, *, reverse: bool
) -> Fraction | None:
    """:func:`normalise` of an option's value, given its scale's :func:`scale_range`."""
    if bounds is None:
        return None
    low, high = bounds
    if high == low:
        return Fraction(1, 2)
    value = (exact(number) - low) / (high - low)
    return 1 - value if reverse else value


def resolve(banks: Sequence[Bank], answers: AnswersFile) -> list[ScoredAnswer]:
    """Every question of ``banks`` with its answer; raises ``ValueError`` for an off-scale id.

    Answers files are checked (``answers_checks``) before they reach the engine, so an
    off-scale option here is a programming error, not a user's mistake.
    """
    result: list[ScoredAnswer] = []
    for bank in banks:
        scales = {scale.id: scale for scale in bank.scales}
        ranges = {scale.id: scale_range(scale) for scale in bank.scales}  # once, not per answer
        for section in bank.sections:
            for question in section.questions:
                scale = scales[question.scale]
                given = answers.answer_for(question.id)
                option: ScaleOption | None = None
                if given.answer is not None:
                    option = next((o for o in scale.options if o.id == given.answer), None)
                    if option is None:
                        raise ValueError(
                            f"answer {given.answer!r} to {question.id!r} is not on its scale"
                        )
                value = (
                    _within(option.value, ranges[question.scale], reverse=question.reverse)
                    if option is not None and option.value is not None
                    else None
                )
                result.append(
                    ScoredAnswer(bank, section, question, scale, option, value, given.note)
                )
    return result

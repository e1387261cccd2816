"""Answers named by red flags and recommendations exist, and red flags sit at the worst end."""

from __future__ import annotations

from collections.abc import Iterator

from coprod_check.bank.checks.base import BankData, not_an_option, quoted_names
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding

SEVERITY_RANK = {"caution": 1, "blocker": 2}


def red_flag_answers_exist(bank: BankData) -> Iterator[Finding]:
    """A red flag's answers are options of its question's scale."""
    for _, question in bank.questions:
        scale = bank.scale_of(question)
        if scale is None:
            continue
        options = bank.option_values(scale)
        for flag in question.children("red_flags"):
            for path, answer in flag.strings("answers"):
                if answer not in options:
                    yield Finding(path, Code.UNKNOWN_OPTION, not_an_option(answer, scale, options))


def no_flags_in_profiles(bank: BankData) -> Iterator[Finding]:
    """A ``profile`` section only describes; a red flag there would reach the verdict."""
    for section, question in bank.questions:
        if section.data.get("role") == "profile" and question.data.get("red_flags"):
            yield Finding(
                question.at("red_flags"),
                Code.FLAG_IN_PROFILE,
                "a question in a 'profile' section cannot raise red flags: a profile is shown "
                "in reports but never decides the verdict (use role 'cautions' for warnings)",
            )


def recommendation_answers_exist(bank: BankData) -> Iterator[Finding]:
    """A recommendation's ``when`` answers are options of its question's scale."""
    for _, question in bank.questions:
        scale = bank.scale_of(question)
        recommendation = question.child("recommendation")
        if scale is None or recommendation is None:
            continue
        options = bank.option_values(scale)
        for path, answer in recommendation.strings("when"):
            if answer not in options:
                yield Finding(path, Code.UNKNOWN_OPTION, not_an_option(answer, scale, options))


def red_flags_at_worst_end(bank: BankData) -> Iterator[Finding]:
    """Red flags sit at the worst end of their scale, so improving an answer never raises one.

    An answer is worse than another when it scores lower (higher for a ``reverse`` question).
    A flagged answer must have every worse answer flagged at least as severely; answers whose
    value is null ("don't know") are not on the scale and are left alone.
    """
    for _, question in bank.questions:
        scale = bank.scale_of(question)
        if scale is None:
            continue
        sign = -1.0 if question.data.get("reverse") is True else 1.0
        goodness = {
            name: sign * value
            for name, value in bank.option_values(scale).items()
            if value is not None
        }
        flags = [
            (flag, SEVERITY_RANK[severity])
            for flag in question.children("red_flags")
            if isinstance(severity := flag.data.get("severity"), str) and severity in SEVERITY_RANK
        ]
        rank = dict.fromkeys(goodness, 0)
        for flag, flag_rank in flags:
            for _, answer in flag.strings("answers"):
                if answer in rank:
                    rank[answer] = max(rank[answer], flag_rank)
        for flag, flag_rank in flags:
            for path, answer in flag.strings("answers"):
                if answer not in goodness:
                    continue
                worse = [
                    other
                    for other, value in sorted(goodness.items(), key=lambda item: item[1])
                    if value < goodness[answer] and rank[other] < flag_rank
                ]
                if not worse:
                    continue
                severity = flag.data["severity"]
                if all(rank[other] == 0 for other in worse):
                    message = (
                        f"red flag on '{answer}' but not on the worse {_answers(worse)}: flags "
                        "must cover the worst end of the scale, or improving an answer would "
                        "raise one"
                    )
                elif all(rank[other] > 0 for other in worse):
                    message = (
                        f"{severity} on '{answer}' but only a caution on the worse "
                        f"{_answers(worse)}: improving an answer must never make a flag more "
                        "severe"
                    )
                else:
                    message = (
                        f"{severity} on '{answer}' but not on the worse {_answers(worse)}: "
                        "improving an answer must never raise a flag or make one more severe"
                    )
                yield Finding(path, Code.RED_FLAG_ORDER, message)


def _answers(names: list[str]) -> str:
    return f"answer '{names[0]}'" if len(names) == 1 else f"answers {quoted_names(names)}"

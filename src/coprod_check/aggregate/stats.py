"""Counts of answers per question per role group, and the exact statistics they give.

Answers are options of a finite scale, so a group's answers to a question are fully described by
how many chose each option. Keeping only those counts makes aggregation streaming and flat in
memory (a million respondents cost the same as ten), and every statistic below is computed
exactly from them, with fractions, so results do not depend on the order files are read in.

Definitions (all on the question's 0-1 scale after reversal, shown as 0-100 points):

- ``n``: answers with a value; "don't know" (an option whose value is null) and no answer are
  counted apart and left out of every statistic, as the scoring rules do.
- median and quartiles: the usual interpolated quantiles (position ``(n - 1) * p`` in the sorted
  answers, linear between neighbours; numpy's default), so the median of 4 answers is the mean of
  the middle two.
- spread: the interquartile range (IQR, Q3 - Q1), the width of the middle half of the answers. It
  suits ordered answer options, ignores a lone outlier, and is in the same 0-100 points as the
  scores. The population standard deviation is also given; it breaks ties between questions
  with the same IQR when ranking disagreement.
- typical answer: the option at the middle of the sorted answers. With an even count and two
  different middle answers it is the less favourable one, so a tie never flatters a group.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from coprod_check.aggregate.bank_index import BankIndex, QuestionInfo, QuestionKey

#: Index of the "no answer" count, after the scale's options.
NO_ANSWER = -1


class Tally:
    """Respondents and answer counts per role group (a role id, or "" for no role given).

    ``counts[group][question]`` has one count per option of the question's scale, in bank order,
    then one for "no answer". A question is in a group's counts once any of the group's
    respondents was asked it (a CSV with its column, or an answers file for its bank).
    """

    def __init__(self, index: BankIndex) -> None:
        self.index = index
        self.respondents: dict[str, int] = {}
        self.counts: dict[str, dict[QuestionKey, list[int]]] = {}

    def counts_for(self, group: str, info: QuestionInfo) -> list[int]:
        """The (mutable) counts of ``group`` for ``info``, created at zero."""
        per_group = self.counts.setdefault(group, {})
        found = per_group.get(info.key)
        if found is None:
            found = per_group[info.key] = [0] * (len(info.scale.options) + 1)
        return found

    def add_respondents(self, group: str, number: int = 1) -> None:
        self.respondents[group] = self.respondents.get(group, 0) + number

    def total_respondents(self) -> int:
        return sum(self.respondents.values())

    def asked(self) -> list[QuestionInfo]:
        """Questions anyone was asked, in bank order."""
        keys = {key for per_group in self.counts.values() for key in per_group}
        return [info for info in self.index.questions if info.key in keys]

    def combined(self, groups: Iterable[str], info: QuestionInfo) -> list[int] | None:
        """The counts of several groups added up; None when none of them was asked."""
        total: list[int] | None = None
        for group in groups:
            found = self.counts.get(group, {}).get(info.key)
            if found is None:
                continue
            if total is None:
                total = list(found)
            else:
                total = [a + b for a, b in zip(total, found, strict=True)]
        return total


@dataclass(frozen=True, slots=True)
class Distribution:
    """The answers of one group to one question. Fractions are on the 0-1 scale."""

    counts: tuple[int, ...]
    n: int
    dont_know: int
    unanswered: int
    mean: Fraction | None
    median: Fraction | None
    q1: Fraction | None
    q3: Fraction | None
    sd: float | None
    typical: int | None
    """Option index of the middle answer (the less favourable of two on an even tie)."""
    typical_upper: int | None
    """Option index of the other middle answer; equals ``typical`` unless they differ."""

    @property
    def iqr(self) -> Fraction | None:
        if self.q1 is None or self.q3 is None:
            return None
        return self.q3 - self.q1

    @property
    def asked(self) -> int:
        return self.n + self.dont_know + self.unanswered


def distribution(info: QuestionInfo, raw: Sequence[int]) -> Distribution:
    """Statistics of ``raw`` counts (per option, then no answer) for question ``info``."""
    counts = tuple(raw[:-1])
    unanswered = raw[-1]
    n = sum(counts[index] for index in info.ascending)
    dont_know = sum(counts) - n
    if n == 0:
        return Distribution(
            counts, 0, dont_know, unanswered, None, None, None, None, None, None, None
        )
    values = info.values
    total = sum((counts[i] * _value(values[i]) for i in info.ascending), Fraction(0))
    mean = total / n
    variance = sum(
        (counts[i] * (_value(values[i]) - mean) ** 2 for i in info.ascending), Fraction(0)
    )
    middle = (n - 1) // 2
    return Distribution(
        counts=counts,
        n=n,
        dont_know=dont_know,
        unanswered=unanswered,
        mean=mean,
        median=quantile(info, counts, n, Fraction(1, 2)),
        q1=quantile(info, counts, n, Fraction(1, 4)),
        q3=quantile(info, counts, n, Fraction(3, 4)),
        sd=math.sqrt(variance / n),
        typical=_option_at(info, counts, middle),
        typical_upper=_option_at(info, counts, n // 2),
    )


def _value(value: Fraction | None) -> Fraction:
    assert value is not None  # only valued options are in ``ascending``
    return value


def _option_at(info: QuestionInfo, counts: Sequence[int], position: int) -> int:
    """The option of the answer at 0-based ``position`` in the sorted answers."""
    seen = 0
    for index in info.ascending:
        seen += counts[index]
        if position < seen:
            return index
    raise IndexError(position)


def quantile(info: QuestionInfo, counts: Sequence[int], n: int, p: Fraction) -> Fraction:
    """The ``p`` quantile of the sorted answers, interpolated linearly (numpy's default)."""
    position = (n - 1) * p
    low = math.floor(position)
    below = _value(info.values[_option_at(info, counts, low)])
    part = position - low
    if part == 0:
        return below
    above = _value(info.values[_option_at(info, counts, low + 1)])
    return below + part * (above - below)

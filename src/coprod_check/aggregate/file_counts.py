"""One input's cell counts per role group and question column, counted in C, read at the end."""

from __future__ import annotations

import collections
from collections import Counter
from collections.abc import Callable

from coprod_check.aggregate.columns import AnswerReader, ColumnPlan
from coprod_check.aggregate.stats import Tally


def _update(counter: Counter[str], cells: tuple[str, ...]) -> None:
    counter.update(cells)


#: ``Counter.update`` without its per-call checks: CPython's C helper, when there is one.
count_into: Callable[[Counter[str], tuple[str, ...]], None] = getattr(
    collections, "_count_elements", _update
)


class FileCounts:
    """One CSV file's cell counts per role group and question column, as typed in the file.

    Counting raw cells (not options) lets ``Counter.update`` do all the work in C; cells are
    turned into options once, at the end of the file. ``sizes`` holds how many keys of each
    counter have been checked, so a new key shows as a change in ``len``.
    """

    def __init__(self, plan: ColumnPlan) -> None:
        self.plan = plan
        self.counters: dict[str, list[Counter[str]]] = {}
        self.sizes: dict[str, list[int]] = {}

    def group(self, group: str) -> tuple[list[Counter[str]], list[int]]:
        found = self.counters.get(group)
        if found is None:
            found = self.counters[group] = [Counter() for _ in self.plan.questions]
            self.sizes[group] = [0] * len(self.plan.questions)
        return found, self.sizes[group]

    def learn(self, number: int, reader: AnswerReader, group: str) -> bool:
        """Check the new keys of a counter; True when all of them are readable answers."""
        counter = self.counters[group][number]
        if any(reader.read(cell) is None for cell in counter):
            return False
        self.sizes[group][number] = len(counter)
        return True

    def undo(self, done: list[tuple[Counter[str], tuple[str, ...]]]) -> None:
        """Take back a batch's counts and drop the keys it brought in."""
        for counter, column in done:
            counter.subtract(Counter(column))
        for group, counters in self.counters.items():
            for number, counter in enumerate(counters):
                for cell in [cell for cell, count in counter.items() if count == 0]:
                    del counter[cell]
                self.sizes[group][number] = len(counter)

    def into(self, tally: Tally) -> None:
        """Add the counts, as options, to ``tally``."""
        for group, counters in self.counters.items():
            for (_, reader), counter in zip(self.plan.questions, counters, strict=True):
                if not any(counter.values()):
                    continue  # only rows that were taken back again
                totals = tally.counts_for(group, reader.info)
                for cell, count in counter.items():
                    if count:
                        option = reader.read(cell)
                        assert option is not None, "only readable cells are counted"
                        totals[option] += count

"""The one-page summary as plain data, shared by every format."""

from __future__ import annotations

from coprod_check.records import Record, field, record

#: Actions on the first page.
TOP_ACTIONS = 3


@record
class Action(Record):
    text: str
    why: str
    """Empty when the action before gave the same reason."""

    @property
    def sentence(self) -> str:
        """The action and, unless it repeats the one before, its reason."""
        return f"{self.text} Why: {self.why}" if self.why else self.text


@record
class HeatMap(Record):
    """Scores (0-100) of each section (rows) for each group (columns); None: no score."""

    caption: str
    rows: list[str]
    columns: list[str]
    scores: list[list[float | None]]

    @property
    def legend(self) -> str:
        from coprod_check.render.styles import HEAT_LEGEND

        return HEAT_LEGEND

    @property
    def shown(self) -> list[list[str]]:
        """Each score as people see it in every format (the one rounding rule; a dash for none)."""
        from coprod_check.scoring.numbers import format_score

        return [[format_score(score) for score in row] for row in self.scores]

    @property
    def bands(self) -> list[list[str]]:
        """Each score's colour band (:func:`~coprod_check.render.styles.heat_band`), ``none``
        where there is no score."""
        from coprod_check.render.styles import heat_band

        return [[heat_band(score) or "none" for score in row] for row in self.scores]


@record
class OnePage(Record):
    headline: str
    """The verdict, with the split named when groups' verdicts differ."""
    verdict_id: str
    why: str
    """One or two sentences."""
    level: str
    actions: list[Action]
    facts: list[tuple[str, str]] = field(default_factory=list)
    """Short labelled lines: who answered, red flags, what changed."""
    split: list[tuple[str, str]] = field(default_factory=list)
    """(group, verdict) for each group, when groups' verdicts differ."""
    heat_map: HeatMap | None = None


__all__ = ["TOP_ACTIONS", "Action", "HeatMap", "OnePage"]

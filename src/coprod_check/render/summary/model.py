"""The one-page summary as plain data, shared by every format."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Actions on the first page.
TOP_ACTIONS = 3


@dataclass(frozen=True, slots=True)
class Action:
    text: str
    why: str
    """Empty when the action before gave the same reason."""

    @property
    def sentence(self) -> str:
        """The action and, unless it repeats the one before, its reason."""
        return f"{self.text} Why: {self.why}" if self.why else self.text


@dataclass(frozen=True, slots=True)
class HeatMap:
    """Scores (0-100) of each section (rows) for each group (columns); None: no score."""

    caption: str
    rows: list[str]
    columns: list[str]
    scores: list[list[float | None]]


@dataclass(frozen=True, slots=True)
class OnePage:
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

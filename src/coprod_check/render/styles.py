"""One set of terminal colours for verdicts, statuses and directions, in every text report.

Colour is decoration only: every verdict, status and direction is also said in words, so a report
reads the same without colour (``NO_COLOR``, a file, a screen reader).
"""

from __future__ import annotations

VERDICT_STYLES = {
    "ready": "bold green",
    "ready-with-conditions": "bold yellow",
    "not-yet": "bold red",
    "not-right-approach": "bold magenta",
    "insufficient-answers": "bold",
}
STATUS_STYLES = {
    "met": "green",
    "partly-met": "yellow",
    "not-met": "red",
    "unknown": "dim",
}
DIRECTION_STYLES = {"better": "green", "worse": "bold red", "same": "", "not-comparable": "dim"}
#: A terminal report's title.
TITLE_STYLE = "bold underline"
SEVERITY_STYLES = {"blocker": "bold red", "caution": "bold yellow"}
#: A Needham & Carr level reached, a red flag new since the last point, an action done whose
#: question did not improve: each also said in words.
REACHED_STYLE = "green"
NOTICE_STYLE = "bold"

#: Heat maps (the summary's section x group table, in every format) colour a 0-100 score by
#: these bands; the number is always shown too.
HEAT_LEGEND = "red below 40, amber below 75, green 75 and over"
HEAT_FILLS = {"low": "F4C7C3", "mid": "FCE8B2", "high": "B7E1CD"}


def heat_band(score: float | None) -> str | None:
    """``low`` below 40, ``mid`` below 75, ``high`` from 75 (the usual partly met and met
    thresholds); None when there is no score."""
    if score is None:
        return None
    return "low" if score < 40 else "mid" if score < 75 else "high"

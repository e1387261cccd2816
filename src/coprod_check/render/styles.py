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

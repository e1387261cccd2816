"""A terminal questionnaire screen played from a script: ``assess`` tested without a terminal.

In a script a string is the next line typed, :data:`INTERRUPT` is Ctrl-C, a callable runs before
the next prompt is answered (a side effect between two answers: a disk filling up, a second
writer), and the end of the script is the end of input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from coprod_check.assess.prompts import Screen

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "assess" / "bank.yaml"
TODAY = dt.date(2026, 1, 31)
INTERRUPT = object()
DETAILS = ["", "", ""]  # pseudonym, role and project skipped


class Scripted(Screen):
    """Answers prompts from a script; records everything shown, prompts included."""

    def __init__(self, lines: Sequence[object] = ()) -> None:
        self.lines = list(lines)
        self.shown: list[str] = []

    def say(self, text: str = "", *, wrap: bool = True) -> None:
        self.shown.append(text)

    def warn(self, text: str) -> None:
        self.shown.append(f"! {text}")

    def report(self, text: str) -> None:
        self.shown.append(f"REPORT {text}")

    def ask(self, prompt: str) -> str:
        self.shown.append(f"> {prompt}")
        while self.lines and callable(self.lines[0]):
            action = self.lines.pop(0)
            assert callable(action)
            action()
        if not self.lines:
            raise EOFError
        line = self.lines.pop(0)
        if line is INTERRUPT:
            raise KeyboardInterrupt
        assert isinstance(line, str)
        return line

    @property
    def text(self) -> str:
        return "\n".join(self.shown)

"""The terminal side of ``coprod-check assess``: what is shown and how a line is read.

Two screens with one interface. ``RichScreen`` uses rich for headings, colour (NO_COLOR and dumb
terminals honoured) and a progress bar. ``PlainScreen`` (``--plain``) prints plain numbered lines
and reads with ``input()``: no colour, no cursor movement, nothing a screen reader trips over.
Both read whole lines, so a key is typed and then Enter.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from coprod_check.assess.commands import COMMANDS
from coprod_check.assess.session import Item, Session
from coprod_check.render.safe_text import typed
from coprod_check.scoring.citations import cite

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

BAR_WIDTH = 30


def section_position(item: Item) -> tuple[int, int]:
    """The section's number within its bank and how many sections the bank has."""
    sections = item.bank.sections
    number = next(index for index, section in enumerate(sections, 1) if section is item.section)
    return number, len(sections)


def option_lines(item: Item) -> list[tuple[str, str]]:
    """(key, label) for every option, plus ``?`` when the scale has no "don't know" option."""
    lines = [(str(number), option.label) for number, option in enumerate(item.scale.options, 1)]
    if item.dont_know_option is None:
        lines.append(("?", "Don't know (leaves it unanswered)"))
    return lines


def answer_text(item: Item, session: Session) -> str | None:
    """The recorded answer and note ("Your answer: Agree (3)"), or None when there are none."""
    answer = session.answer_of(item)
    parts: list[str] = []
    if answer.answer is not None:
        option = item.option(answer.answer)
        number = item.scale.options.index(option) + 1 if option else None
        label = option.label if option else answer.answer
        parts.append(f"Your answer: {label}" + (f" ({number})" if number else ""))
    if answer.note:
        parts.append(f"Your note: {answer.note}")
    return ". ".join(parts) or None


def question_prompt(item: Item) -> str:
    count = len(item.scale.options)
    dont_know = "" if item.dont_know_option is not None else ", ? don't know"
    return f"Answer 1-{count}{dont_know}, s skip, b back, n note, j jump, q quit, h help: "


END_PROMPT = "Press Enter to see your results, or b back, j jump, q quit, h help: "


def help_lines(item: Item | None) -> list[str]:
    lines = ["Type a key, then press Enter."]
    if item is not None:
        lines.append(
            f"1 to {len(item.scale.options)}: choose that answer (the option's id works too)."
        )
    for key, meaning in COMMANDS:
        if item is None and key in ("?", "s", "n"):
            continue
        if key == "?" and item is not None and item.dont_know_option is not None:
            meaning = f"don't know (the same as {item.dont_know_option.label!r})"
        lines.append(f"{key}: {meaning}")
    if item is None:
        lines.append("Enter: finish and see your results.")
    lines.append("Every answer is saved straight away; Ctrl-C stops and keeps them.")
    return lines


class Screen:
    """What the assessment shows and reads. Subclasses decide how it looks."""

    def say(self, text: str = "", *, wrap: bool = True) -> None:
        """Show a line; ``wrap=False`` keeps a command or path on one line for copying."""
        print(text, flush=True)

    def warn(self, text: str) -> None:
        print(text, flush=True)

    def ask(self, prompt: str) -> str:
        """One line typed by the user, without control characters (a stray arrow key's escape
        sequence must not end up in a note). KeyboardInterrupt / EOFError pass through."""
        return typed(input(prompt))

    def heading(self, text: str) -> None:
        self.say()
        self.say(text)

    def section(self, item: Item) -> None:
        number, count = section_position(item)
        self.heading(f"Section {number} of {count}: {item.section.title}")
        self.say(f"Question bank: {item.bank.title}")
        if item.section.description:
            self.say(item.section.description)
        self.say(f"Source: {cite(item.bank, item.section.citation).short}")

    def question(self, item: Item, session: Session) -> None:
        self.say()
        self.say(f"Question {item.number} of {session.total}. Section: {item.section.title}.")
        self.say(item.question.statement)
        if item.question.guidance:
            self.say(f"Guidance: {item.question.guidance}")
        for key, label in option_lines(item):
            self.say(f"  {key}  {label}")
        current = answer_text(item, session)
        if current:
            self.say(current)

    def help(self, item: Item | None) -> None:
        for line in help_lines(item):
            self.say(line)

    def report(self, text: str) -> None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()


class PlainScreen(Screen):
    """``--plain``: numbered lines and ``input()`` only."""


class RichScreen(Screen):
    """rich output; colour follows NO_COLOR and the terminal, input stays line-based."""

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console

        # NO_COLOR: rich drops colour but keeps bold and italics; we drop every escape code.
        if console is None:
            no_color = bool(os.environ.get("NO_COLOR"))
            console = Console(highlight=False, color_system=None if no_color else "auto")
        self.console = console

    def say(self, text: str = "", *, wrap: bool = True) -> None:
        self.console.print(text, markup=False, soft_wrap=not wrap)

    def warn(self, text: str) -> None:
        self.console.print(text, style="bold yellow", markup=False)

    def ask(self, prompt: str) -> str:
        return typed(self.console.input(_escape(prompt)))

    def heading(self, text: str) -> None:
        from rich.rule import Rule
        from rich.text import Text

        self.console.print()
        self.console.print(Rule(style="cyan"))
        self.console.print(Text(text, style="bold cyan"))

    def question(self, item: Item, session: Session) -> None:
        from rich.text import Text

        self.console.print()
        line = self._bar(item.number, session.total)
        line.append(f"  Question {item.number} of {session.total}", style="bold")
        line.append(f"  {item.section.title}", style="cyan")
        self.console.print(line)
        self.console.print(Text(item.question.statement, style="bold"))
        if item.question.guidance:
            self.console.print(Text(item.question.guidance, style="italic dim"))
        for key, label in option_lines(item):
            option = Text("  ")
            option.append(f"{key:>2}", style="bold magenta")
            option.append(f"  {label}")
            self.console.print(option)
        current = answer_text(item, session)
        if current:
            self.console.print(Text(current, style="green"))

    def report(self, text: str) -> None:
        self.console.out(text.rstrip("\n"), highlight=False)

    def _bar(self, done: int, total: int) -> Text:
        from rich.text import Text

        filled = round(BAR_WIDTH * done / total) if total else BAR_WIDTH
        if self.console.no_color or self.console.color_system is None:
            return Text("[" + "#" * filled + "-" * (BAR_WIDTH - filled) + "]")
        bar = Text("━" * filled, style="green")
        bar.append("━" * (BAR_WIDTH - filled), style="grey37")
        return bar


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)

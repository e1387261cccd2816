"""What a typed line means: an option, or one of the one-letter commands.

Keys are read a line at a time (type, then Enter): robust with screen readers, pasting and
pexpect. Pure, so the meaning of every key is unit-tested apart from the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coprod_check.assess.session import Item

Kind = Literal[
    "choose",
    "dont-know",
    "skip",
    "back",
    "note",
    "jump",
    "quit",
    "help",
    "finish",
    "empty",
    "invalid",
]

#: One-letter commands and what they do, in the order help lists them.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("?", "don't know (counts as unanswered)"),
    ("s", "skip: go on without changing the answer"),
    ("b", "back to the previous question"),
    ("n", "add or change a note (or type n followed by the note)"),
    ("j", "jump to a question by its number or id (or type j 12)"),
    ("q", "quit; your answers are already saved"),
    ("h", "help"),
)


@dataclass(frozen=True, slots=True)
class Command:
    """A parsed line. ``argument`` is the option id, note text or jump target when given."""

    kind: Kind
    argument: str | None = None


_SIMPLE: dict[str, Kind] = {
    "?": "dont-know",
    "s": "skip",
    "b": "back",
    "q": "quit",
    "h": "help",
    "help": "help",
}


def parse(line: str, item: Item | None) -> Command:
    """Interpret one line typed at a question (``item``) or at the end of the list (None)."""
    text = line.strip()
    lowered = text.lower()
    if not text:
        return Command("finish" if item is None else "empty")
    if lowered in ("n", "j") or lowered[:2] in ("n ", "j "):
        argument = text[2:].strip() or None
        kind: Kind = "note" if lowered[0] == "n" else "jump"
        if kind == "note" and item is None:
            return Command("invalid", "there is no question here to add a note to")
        return Command(kind, argument)
    if lowered in _SIMPLE:
        kind = _SIMPLE[lowered]
        if item is None and kind in ("dont-know", "skip"):
            return Command("invalid", "this is the end of the list; press Enter to finish")
        return Command(kind)
    if item is None:
        if lowered == "f":
            return Command("finish")
        return Command("invalid", f"{text!r} is not a command here; press Enter to finish")
    options = item.scale.options
    if lowered.isdigit():
        number = int(lowered)
        if 1 <= number <= len(options):
            return Command("choose", options[number - 1].id)
        return Command("invalid", f"there is no option {number}; choose 1 to {len(options)}")
    for option in options:
        if option.id == lowered:
            return Command("choose", option.id)
    return Command("invalid", f"{text!r} is not an option or a command")

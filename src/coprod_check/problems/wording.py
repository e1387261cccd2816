"""Wording helpers every message shares: how a value, a count and a guess are put in words.

One home, so that "1 problem" / "2 problems", a value quoted or shortened, and "did you mean"
read the same from every command.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any


def plural(count: int, noun: str, many: str | None = None, *, thousands: bool = False) -> str:
    """``1 problem``, ``2 problems`` (``many``: the plural when it is not ``noun + "s"``);
    ``thousands`` writes 12,345."""
    number = f"{count:,}" if thousands else str(count)
    return f"{number} {noun if count == 1 else (many or noun + 's')}"


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters for a message (a value can be megabytes long)."""
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def quote(value: Any) -> str:
    """``'name'``, or ``"it's"`` when the text holds a single quote."""
    text = str(value)
    return f"'{text}'" if "'" not in text else f'"{text}"'


def closest(name: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``name`` (difflib), or ``None`` when nothing is close."""
    matches = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def describe_value(value: Any) -> str:
    """What a person sees in their file, in words: ``text 'abc'``, ``the number 3``, ``a list``."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {quote(shorten(value, 60))}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


def describe_kind(value: Any) -> str:
    """What kind of value, without any of its content: for files that may not be ours
    (``--bank /etc/passwd`` must not print the first line of that file)."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool) or value is None:
        return describe_value(value)
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    return describe_value(value)


def listed_twice(what: str, first: int) -> str:
    """``bank 'x' is listed twice (first as item 2)``: ``first`` is the 0-based index of the
    first listing, shown 1-based as a person counts a list's items."""
    return f"{what} is listed twice (first as item {first + 1})"

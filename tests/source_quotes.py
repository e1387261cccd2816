"""Quoted source passages in bank text, and whether the source texts contain them.

The convention (docs/writing-banks.md, "Quoting a source"): the source's own words go between
single quotes, 'like this'; "..." or "…" inside marks an omission; [square brackets] mark our
insertion; "; " joins items of a list. Apostrophes inside words (don't, people's) are not
quotes. Double quotes are for names of things ("Don't know") and are not checked.

Matching ignores case, quote marks, list bullets, footnote markers such as [1], dashes and white
space (the source texts sometimes run a table heading into the next word, "Co-designCan
involve"): the words must be the source's, in the source's order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

#: Fields of a bank whose text may quote a source.
QUOTING_FIELDS = frozenset({"item", "guidance", "text", "message", "description", "statement"})

_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:;,/]))['‘](?=\S)")
_CLOSE = re.compile(r"(?<=\S)['’](?=$|[\s).,;:!?\]/])")
_SPLIT = re.compile(r"\.\.\.|…|\[[^\]]*\]|;\s")
_QUOTE_MARKS = str.maketrans("", "", "'\"‘’“”`*")


def seeds_dir() -> Path | None:
    """The source texts: ``$COPROD_CHECK_SEEDS``, else ``shared/seeds`` beside the clone (or
    beside the folder holding it, for a git worktree one level down); None when absent."""
    given = os.environ.get("COPROD_CHECK_SEEDS")
    candidates = (
        [Path(given)]
        if given
        else [REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds"]
    )
    for folder in candidates:
        if folder.is_dir() and any(folder.glob("*.txt")):
            return folder
    return None


def normalise(text: str) -> str:
    """Lower case, no quote marks, bullets or footnote markers, one space between words."""
    text = text.replace("–", "-").replace("—", "-").replace("…", "...")
    text = re.sub(r"^\s*[-•●]\s+", " ", text, flags=re.MULTILINE)
    text = re.sub(r"\[\d+\]", " ", text)
    return " ".join(text.translate(_QUOTE_MARKS).lower().split())


def corpus(folder: Path) -> str:
    """Every source text in ``folder``, normalised and joined."""
    return "\n".join(normalise(path.read_text(encoding="utf-8")) for path in folder.glob("*.txt"))


def quoted(text: str) -> list[str]:
    """The passages quoted in ``text``, split at omissions, insertions and list joins; pieces
    of fewer than two words are dropped (too short to tell anything)."""
    spans: list[str] = []
    start = 0
    while (opening := _OPEN.search(text, start)) is not None:
        closing = _CLOSE.search(text, opening.end())
        if closing is None:
            break
        spans.append(text[opening.end() : closing.start()])
        start = closing.end()
    pieces = (piece.strip(" .,;:") for span in spans for piece in _SPLIT.split(span))
    return [piece for piece in pieces if len(piece.split()) >= 2]


def bank_texts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every quoting field in a bank's raw data."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(value, str) and key in QUOTING_FIELDS:
                yield where, value
            else:
                yield from bank_texts(value, where)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from bank_texts(value, f"{path}[{index}]")


def found(passage: str, sources: str) -> bool:
    """Whether the normalised ``sources`` contain ``passage``, white space aside."""
    return "".join(normalise(passage).split()) in "".join(sources.split())


def missing(data: Any, sources: str) -> list[str]:
    """Every quoted passage in a bank's data that the normalised ``sources`` do not contain."""
    return [
        f"{where}: {passage!r}"
        for where, text in bank_texts(data)
        for passage in quoted(text)
        if not found(passage, sources)
    ]

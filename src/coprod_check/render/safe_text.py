"""Text from users made safe to print on a terminal.

A note, pseudonym, CSV cell, saved JSON string or file name can hold control characters: an
escape sequence (``ESC [ 2 J``) would clear the screen, set the window title or move the cursor,
and a lone surrogate cannot be encoded at all. Before anything reaches a terminal, such
characters are shown as visible escapes (``\\x1b``, ``\\udfff``) instead. Tab and new line stay.
"""

from __future__ import annotations

import re

#: C0 controls except tab and new line, DEL, C1 controls and lone surrogates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: The colour codes rich itself writes (Select Graphic Rendition), kept in coloured output.
_SGR = re.compile("(\x1b\\[[0-9;]*m)")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def neutralise(text: str) -> str:
    """``text`` with every control character and lone surrogate written as a visible escape."""
    return UNSAFE.sub(_shown, text) if UNSAFE.search(text) else text


def neutralise_coloured(text: str) -> str:
    """Like :func:`neutralise`, but keeping colour codes (``ESC [ ... m``), which only colour."""
    if not UNSAFE.search(text):
        return text
    parts = _SGR.split(text)
    return "".join(part if index % 2 else neutralise(part) for index, part in enumerate(parts))


def typed(text: str) -> str:
    """What a person typed, without control characters (a stray arrow key's escape sequence)."""
    text = re.sub("\x1b\\[[0-9;?]*[ -/]*[@-~]", "", text)  # whole CSI sequences: arrow keys
    return UNSAFE.sub("", text)

"""Text cells a spreadsheet must never run: no formula injection from what users typed.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
spreadsheets skip before looking) is run as a formula when a CSV or workbook is opened, so a
note such as ``=HYPERLINK("http://evil", "click")`` would become a live link. Such text is
prefixed with an apostrophe, which spreadsheets show as the text itself. Numbers are written as
numbers and never pass through here.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text``, made inert as a spreadsheet cell."""
    return "'" + text if text.startswith(FORMULA_START) else text


__all__ = ["FORMULA_START", "neutralise"]

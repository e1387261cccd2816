"""Normalising free text typed into forms, so that "Don’t  know " matches "Don't know"."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case-folded, NFKC, straight quotes, plain hyphens and single spaces, stripped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip().casefold()


_WORDS = re.compile(r"[^\w']+")


def words(text: str) -> str:
    """:func:`normalise`, then punctuation dropped: for fuzzy matching of headers and labels."""
    return _SPACE.sub(" ", _WORDS.sub(" ", normalise(text))).strip()

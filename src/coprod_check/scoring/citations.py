"""Resolve a bank's ``Citation`` (source id + item) into author, year and title for reports."""

from __future__ import annotations

from coprod_check.bank.model import Bank, Citation
from coprod_check.scoring.result import CitationText


def cite(bank: Bank, citation: Citation) -> CitationText:
    """The citation with its source spelled out; an unknown source id is shown as itself."""
    for source in bank.sources:
        if source.id == citation.source:
            return CitationText(
                source_id=source.id,
                author=source.author,
                year=source.year,
                title=source.title,
                item=citation.item,
            )
    return CitationText(
        source_id=citation.source, author=citation.source, year=None, title="", item=citation.item
    )

"""The printed handout: every default bank on at most ten A4 pages, measured in a real browser.

The HTML handout is printed to PDF with headless Chromium (its print CSS: A4, compact), and the
pages are counted (poppler's pdfinfo, or the PDF's page objects when it is absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.answers.handout import render_handout
from coprod_check.bank.loader import load_bundled_banks
from html_checks import CHROMIUM, pdf_pages, print_to_pdf

MAX_PAGES = 10

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)


def _print(tmp_path: Path, html: str) -> tuple[int, str]:
    page = tmp_path / "handout.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "handout.pdf"
    print_to_pdf(page, pdf, tmp_path / "profile")
    return pdf_pages(pdf)


@needs_chromium
@pytest.mark.slow
def test_the_default_handout_prints_on_at_most_ten_a4_pages(tmp_path: Path) -> None:
    default = [bank for bank in load_bundled_banks() if bank.default]
    pages, size = _print(tmp_path, render_handout(default, "html"))
    assert size.endswith("(A4)")
    assert 1 <= pages <= MAX_PAGES, f"the handout prints on {pages} A4 pages"


@needs_chromium
@pytest.mark.slow
def test_the_page_count_grows_with_the_questions(tmp_path: Path) -> None:
    """The measure can fail: twice the banks print on more pages."""
    default = [bank for bank in load_bundled_banks() if bank.default]
    one, _ = _print(tmp_path, render_handout(default[:1], "html"))
    many, _ = _print(tmp_path, render_handout(default + default, "html"))
    assert one < many
    assert many > MAX_PAGES

"""Printed reports fit a board pack: measured by printing the HTML to PDF in headless Chromium.

A 25-person, 5-group workshop's aggregate report prints on at most 12 A4 pages, a score report on
at most 4, and each opens with its one-page summary (the three actions and the start of the
appendix are on page 1). Skipped, with the reason, where Chromium or poppler's pdfinfo and
pdftotext are not installed (``.ci/run`` installs both).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from print_samples import CAN_PRINT, EXAMPLES, page_text, pages, print_to_pdf, workshop

pytestmark = pytest.mark.skipif(
    not CAN_PRINT,
    reason="needs /usr/bin/chromium and poppler-utils (pdfinfo, pdftotext); .ci/run installs them",
)


def write(tmp_path: Path, *args: str | Path) -> Path:
    target = tmp_path / "report.html"
    result = CliRunner().invoke(app, [*(str(arg) for arg in args), "-o", str(target)])
    assert result.exit_code in (0, 1), result.stderr
    return target


def test_a_25_person_5_group_workshop_prints_on_at_most_12_pages(tmp_path: Path) -> None:
    html = write(tmp_path, "aggregate", workshop(tmp_path / "workshop.csv"))
    pdf = print_to_pdf(html)
    assert pages(pdf) <= 12
    first = page_text(pdf, 1)
    assert "Verdict: Everyone:" in first
    assert "but the groups differ" in first
    assert "The three most important actions" in first
    assert "Section scores (0-100) by group" in first


@pytest.mark.parametrize(
    "example",
    [
        "borough-wide-redesign",
        "consults-but-decides",
        "many-dont-knows",
        "neighbourhood-peer-support",
    ],
)
def test_a_score_report_prints_on_at_most_4_pages_summary_first(
    tmp_path: Path, example: str
) -> None:
    pdf = print_to_pdf(write(tmp_path, "score", EXAMPLES / f"{example}.yaml"))
    assert pages(pdf) <= 4
    first = page_text(pdf, 1)
    # The whole summary (verdict, why, level, actions) is on page 1, before the appendix.
    assert first.index("Summary") < first.index("Verdict:") < first.index("Appendix: the detail")

"""Printed reports fit a board pack: measured by printing the HTML to PDF in headless Chromium.

A 25-person, 5-group workshop's aggregate report prints on at most 12 A4 pages, a score report on
at most 4, and each opens with its one-page summary (the three actions and the start of the
appendix are on page 1). Skipped, with the reason, where Chromium or poppler's pdfinfo and
pdftotext are not installed (``.ci/run`` installs both).
"""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.answers.loader import available_banks
from coprod_check.cli import app

CHROMIUM = "/usr/bin/chromium"
EXAMPLES = Path(__file__).parents[2] / "examples"
ROLES = ["person who uses services", "carer", "frontline staff", "manager", "commissioner"]

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and shutil.which("pdfinfo") and shutil.which("pdftotext")),
    reason="needs /usr/bin/chromium and poppler-utils (pdfinfo, pdftotext); .ci/run installs them",
)


def print_to_pdf(html: Path) -> Path:
    pdf = html.with_suffix(".pdf")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                str(html),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return pdf


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def page_text(pdf: Path, number: int) -> str:
    found = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return " ".join(found.stdout.split())


def workshop(path: Path, people: int = 25) -> Path:
    """``people`` respondents in five role groups answering every bundled question, each
    group leaning its own way (so the groups disagree), a few "don't know"s: seeded."""
    questions = [
        (question.id, [option.id for option in scales[question.scale].options])
        for bank in available_banks([])
        for scales in [{scale.id: scale for scale in bank.scales}]
        for section in bank.sections
        for question in section.questions
    ]
    pick = random.Random(3)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent", "role", *(name for name, _ in questions)])
        for number in range(people):
            lean = number % len(ROLES)
            row = []
            for _, options in questions:
                valued = options[:-1]
                middle = lean * (len(valued) - 1) / 4
                index = min(len(valued) - 1, max(0, round(pick.gauss(middle, 1))))
                row.append(valued[index] if pick.random() > 0.05 else options[-1])
            writer.writerow([f"P{number}", ROLES[lean], *row])
    return path


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

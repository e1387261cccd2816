"""Printing HTML to PDF in headless Chromium and counting its pages with poppler, and a
seeded 25-person, 5-group workshop: shared by the print and browser tests of the reports."""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import html_checks
from coprod_check.answers.loader import available_banks

EXAMPLES = Path(__file__).parents[1] / "examples"
ROLES = ["person who uses services", "carer", "frontline staff", "manager", "commissioner"]

CAN_PRINT = bool(html_checks.CHROMIUM and shutil.which("pdfinfo") and shutil.which("pdftotext"))


def print_to_pdf(html: Path) -> Path:
    """``html`` printed beside it as ``.pdf`` by :func:`html_checks.print_to_pdf`."""
    pdf = html.with_suffix(".pdf")
    with tempfile.TemporaryDirectory() as profile:
        html_checks.print_to_pdf(html, pdf, Path(profile))
    return pdf


def pages(pdf: Path) -> int:
    """The number of A4 pages (it fails if Chromium printed any other size)."""
    count, size = html_checks.pdf_pages(pdf)
    assert "A4" in size, size
    return count


def page_text(pdf: Path, number: int) -> str:
    found = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return " ".join(found.stdout.split())


def workshop(path: Path, people: int = 25, seed: int = 3) -> Path:
    """``people`` respondents in five role groups answering every bundled question, each
    group leaning its own way (so the groups disagree), a few "don't know"s: seeded."""
    questions = [
        (question.id, [option.id for option in scales[question.scale].options])
        for bank in available_banks([])
        for scales in [{scale.id: scale for scale in bank.scales}]
        for section in bank.sections
        for question in section.questions
    ]
    pick = random.Random(seed)
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

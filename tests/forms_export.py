"""A Microsoft Forms-style export of every bundled question, for the draft benchmark and tests.

73 columns: four of form metadata, the role, 67 question statements (numbered, as Forms shows
them) and a free-text note; answers in the words people use ("Neutral", "Not sure", "Somewhat
true") and roles as forms word them ("Commissioner (ICB)").
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from coprod_check.answers.loader import available_banks

ROLES = (
    "Person with lived experience",
    "Family carer",
    "Frontline practitioner",
    "Commissioner (ICB)",
    "Service manager",
)
AGREEMENT = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree", "Not sure")
TRUTH = ("Not true", "Somewhat true", "True", "Not sure")
QUESTIONS = 67
#: The banks the export asks, in this order: the first three bundled banks, so that the export
#: (and the benchmark timed on it) stays the same as banks are added.
BANKS = ("malby-do-dont", "needham-carr-levels", "right-circumstances")


def write_export(path: Path, rows: int = 200, seed: int = 7) -> list[str]:
    """Write the export to ``path``; returns its header."""
    by_id = {bank.id: bank for bank in available_banks([])}
    questions = [
        (question, question.scale)
        for bank in (by_id[name] for name in BANKS)
        for section in bank.sections
        for question in section.questions
    ][:QUESTIONS]
    header = ["ID", "Start time", "Completion time", "Email", "Which best describes you?"]
    header += [f"{number}. {q.statement}" for number, (q, _) in enumerate(questions, start=1)]
    header.append("Anything else you would like to tell us?")
    pick = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for number in range(1, rows + 1):
            answers = [
                pick.choice(TRUTH if scale == "malby-truth" else AGREEMENT)
                for _, scale in questions
            ]
            writer.writerow(
                [
                    number,
                    "3/1/26 10:00",
                    "3/1/26 10:09",
                    "anonymous",
                    pick.choice(ROLES),
                    *answers,
                    pick.choice(["", "More time, please"]),
                ]
            )
    return header

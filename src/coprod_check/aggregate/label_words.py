"""The words people put on answer options instead of a bank's own labels.

Microsoft Forms offers "Neutral" where a bank says "Neither agree nor disagree"; a survey says
"Not sure" for "Don't know" and "Somewhat true" for "Partly true". Each entry says that the
words on the right mean the option whose label is on the left, on any scale that has an option
so labelled; ``mapping draft`` writes them as decided, with a comment. Words that could mean two
options ("Somewhat agree" on a five-point scale that has no such step) are left for a person.
"""

from __future__ import annotations

from coprod_check.aggregate.text import words

_USUAL: dict[str, tuple[str, ...]] = {
    "Neither agree nor disagree": (
        "Neutral",
        "Neither",
        "Neither agree or disagree",
        "Neither agree nor disagree",
        "No opinion either way",
    ),
    "Don't know": (
        "Not sure",
        "Unsure",
        "Do not know",
        "Dont know",
        "Don't know",
        "I don't know",
        "No idea",
        "Not known",
        "Can't say",
        "Cannot say",
    ),
    "Partly true": (
        "Somewhat true",
        "Partially true",
        "Partly",
        "Partially",
        "Sometimes true",
        "True to some extent",
        "To some extent",
        "In part",
    ),
    "True": ("Fully true", "Completely true", "Entirely true", "Very true", "Always true"),
    "Not true": ("Not at all true", "Not true at all", "Untrue", "False", "Never true"),
    "Strongly agree": ("Agree strongly", "Completely agree", "Totally agree", "Fully agree"),
    "Strongly disagree": (
        "Disagree strongly",
        "Completely disagree",
        "Totally disagree",
        "Fully disagree",
    ),
}

#: words(usual wording) -> words(the bank label it stands for).
USUAL_WORDS: dict[str, str] = {
    words(variant): words(label) for label, variants in _USUAL.items() for variant in variants
}

__all__ = ["USUAL_WORDS"]

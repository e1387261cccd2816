"""The fixed wording of the score report: titles, legends and the rules it states.

Kept apart from ``view`` (which fills in a result) so that what the report promises a reader
can be read, and reviewed against the sources, in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod_check.scoring.result import RespondentInfo

TOP_RECOMMENDATIONS = 5
TOP_CONDITIONS = 3
ALL_HINT = "use --all to see every one"
REPORT_TITLE = "Co-production readiness report"

PROFILE_TITLE = "Where things stand today"
PROFILE_NOTE = (
    "These answers describe where things stand today. They are shown for information and never "
    "change the verdict, the level or the confidence."
)
CATEGORY_WORDS = {
    "approach": "Do the approach that fits well",
    "blocker": "Resolve a blocker",
    "criterion": "Put a criterion in place",
    "condition": "Meet a condition",
    "next-level": "Towards the next level",
    "other": "Also worth doing",
}
VERDICT_RULES = (
    "The verdict is the first of these rules that applies: "
    "(1) too few questions answered, or no bank that judges readiness answered: not enough "
    "answers to say; "
    "(2) an approach fits better than co-production (voice or choice by Malby's table, "
    "co-design when people cannot have a delivery role, a narrower scale when the scale "
    "criterion is not met), or none of Malby's reasons to co-produce holds: not the right "
    "approach; "
    "(3) one of Malby's \"don't do co-production if\" items holds (a blocker), or Inett's "
    "authority or shared aims criterion is not met: not yet; "
    "(4) a caution, or a criterion only partly met, or the outcomes or resource criterion not "
    "met: ready, on conditions; "
    "(5) otherwise: ready to co-produce."
)
SCORE_LEGEND = (
    "Scores run from 0 to 100. A section is met at or above its met threshold and partly met at "
    "or above its partly met threshold (usually 75 and 40); unknown when too few of its "
    "questions were answered."
)
TRACE_NOTE = (
    "Each answer's value runs from 0 to 1 (reversed where agreeing is bad news); a dash means it "
    "counts as unanswered. A section's score is 100 times the weighted mean of its answered "
    "values."
)
LEVEL_RULES = (
    "Needham & Carr's levels are cumulative: descriptive is the baseline every assessed team is "
    "at; a higher level is reached when its indicators (not counting optional ones) score at "
    "least its threshold and every lower level is reached. Too few answers: not assessed."
)


def respondent_lines(who: RespondentInfo) -> list[tuple[str, str]]:
    """The labelled lines about whose answers these are, as every format heads the report."""
    pairs = (
        ("Project", who.project),
        ("Respondent", who.pseudonym),
        ("Role", who.role),
        ("Date", who.date),
    )
    return [(label, value) for label, value in pairs if value]

"""What every handout, interactive session and web form says first: what co-production means
(quoted from the sources), who the statements mean by "we" and "the people leading this work",
and the hard words the statements use.

Kept in one place so that every way of asking the questions says the same thing. Each quoted
passage is listed in :data:`QUOTES`; a test checks that it appears word for word in the source
texts, and that each glossary word is explained before it is first used.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
    """A passage quoted word for word, and whose words they are (the source read, then the
    original it quotes)."""

    text: str
    cited: str


@dataclass(frozen=True, slots=True)
class Term:
    """A hard word the statements use, what it means in plain words, and its other forms."""

    word: str
    meaning: str
    forms: tuple[str, ...] = ()


DEFINITION_QUOTE = Quote(
    "a way of working where everybody works together on an equal basis to create a service or "
    "come to a decision which works for everybody",
    "National Co-Production Advisory Group, quoted by The Access Group, "
    "“Co-production in health and social care”",
)
PARTNERS_QUOTE = Quote(
    "equal partners in determining the problem, the solution, delivering the solution, and "
    "evaluating the impact of that delivery",
    "Becky Malby (2014), “Coproducing Health – a briefing”",
)
CO_DESIGN_QUOTE = Quote(
    "co-design addresses the problem and a solution is identified whereas co-production embeds "
    "the solution into reality",
    "McDougall (2012), quoted by Becky Malby (2014), “Coproducing Health – a briefing”",
)

#: Every passage below, for the test that checks them against the source texts.
QUOTES: tuple[Quote, ...] = (DEFINITION_QUOTE, PARTNERS_QUOTE, CO_DESIGN_QUOTE)

HEADING = "What co-production means"

#: One paragraph: the definition from the sources, quoted and cited.
DEFINITION = (
    f"Co-production is “{DEFINITION_QUOTE.text}” ({DEFINITION_QUOTE.cited}). In "
    f"co-production, citizens are “{PARTNERS_QUOTE.text}” ({PARTNERS_QUOTE.cited})."
)

#: Who the statements mean, so that anyone in the room can answer from their own view.
WHO_WE_MEAN = (
    "The statements are about one piece of work: “this work”. “The people leading this work” "
    "are whoever is in charge of it, such as commissioners, managers or a project team. “We” "
    "and “our” mean everyone taking part in this work. Answer from your own view, whatever your "
    "role: there are no right answers, and “Don't know” is a fine answer."
)

#: Hard words used in the statements, explained before any statement uses them.
GLOSSARY: tuple[Term, ...] = (
    Term(
        "co-design",
        f"working out the problem and a solution together. “The difference between co-design "
        f"and co-production is that {CO_DESIGN_QUOTE.text}” ({CO_DESIGN_QUOTE.cited}).",
    ),
    Term(
        "commissioning",
        "deciding what services are needed, then planning and paying for them. Commissioners "
        "are the people who do this.",
        ("commission", "commissioned", "commissioner", "commissioners", "co-commissioning"),
    ),
    Term("governance", "how decisions about a service are made and checked, and by whom."),
    Term(
        "stakeholders",
        "everyone with an interest in the service: people who use it, carers, staff, managers, "
        "commissioners and others.",
        ("stakeholder",),
    ),
    Term(
        "people who use services",
        "anyone who uses or draws on care and support, or is a patient.",
    ),
)
GLOSSARY_HEADING = "Words we use"

#: Every word the opening explains (the definition, then the glossary), in the forms the
#: statements use; a statement may use these however hard they are.
DEFINED_FORMS = ("co-production", "coproduction", "co-produce", "co-produced", "co-producing")
EXPLAINED_WORDS: frozenset[str] = frozenset(
    (*DEFINED_FORMS, *(form for term in GLOSSARY for form in (term.word, *term.forms)))
)


@dataclass(frozen=True, slots=True)
class Introduction:
    """Everything the opening says, as plain text for any renderer."""

    heading: str
    definition: str
    who_we_mean: str
    glossary_heading: str
    glossary: tuple[Term, ...]


INTRODUCTION = Introduction(HEADING, DEFINITION, WHO_WE_MEAN, GLOSSARY_HEADING, GLOSSARY)


def as_lines() -> list[str]:
    """The introduction as plain-text paragraphs, for the terminal."""
    return [
        f"{HEADING}: {DEFINITION}",
        WHO_WE_MEAN,
        f"{GLOSSARY_HEADING}: "
        + " ".join(f"“{term.word.capitalize()}”: {term.meaning}" for term in GLOSSARY),
    ]

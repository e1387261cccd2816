"""The bundled question banks say what their sources say, and hold together.

These tests pin the content the product promises (Malby's 14 + 9 items, Inett's six criteria,
Needham & Carr's three levels) and check every reference inside each bank independently of
``bank.checks``, so a slip in a bank file fails here even if the validator misses it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coprod_check.bank.loader import check_bank
from coprod_check.bank.model import Bank, Question, Scale
from coprod_check.files.resources import bundled_bank_files
from coprod_check.files.yaml_source import parse_yaml

EXPECTED_BANKS = {
    "malby-do-dont",
    "right-circumstances",
    "needham-carr-levels",
    "inclusion-and-conditions",
    "sharing-the-work",
    "still-genuine",
}
#: Banks a team answers only when it names them with --bank (see docs/banks.md).
NOT_DEFAULT = {"still-genuine"}
PREFIXES = {
    "malby-do-dont": "malby-",
    "right-circumstances": "inett-",
    "needham-carr-levels": "nc-",
    "inclusion-and-conditions": "incl-",
    "sharing-the-work": "share-",
    "still-genuine": "genuine-",
}

# Malby's "don't do coproduction if" items whose red flag is a blocker (see the comment in
# questionnaires/malby-do-dont.yaml for why these five and not the other nine).
MALBY_BLOCKERS = {
    "malby-dont-no-access-all-levels",
    "malby-dont-no-funders",
    "malby-dont-save-money",
    "malby-dont-no-follow-through",
    "malby-dont-ethics-closeness-reward",
}

INETT_CRITERIA = [
    "inett-authority",
    "inett-aims",
    "inett-scale",
    "inett-outcomes",
    "inett-resource",
    "inett-delivery",
]


def _load(name: str, text: str) -> tuple[Bank, list[str]]:
    document = parse_yaml(text, name)
    return Bank.model_validate(document.data), [str(p) for p in document.problems]


BANK_FILES = {item.name: item.read_text(encoding="utf-8") for item in bundled_bank_files()}
BANKS = {name: _load(name, text)[0] for name, text in BANK_FILES.items()}
BY_ID = {bank.id: bank for bank in BANKS.values()}


def _bank(bank_id: str) -> Bank:
    assert bank_id in BY_ID, f"bundled bank {bank_id!r} is missing"
    return BY_ID[bank_id]


def _questions(bank: Bank) -> Iterator[Question]:
    for section in bank.sections:
        yield from section.questions


def _duplicates(ids: list[str]) -> list[str]:
    return sorted(item for item, count in Counter(ids).items() if count > 1)


def _goodness(question: Question, value: float) -> float:
    return -value if question.reverse else value


def reference_problems(bank: Bank) -> list[str]:
    """Every broken reference or inconsistent red flag in ``bank``, as readable strings."""
    problems: list[str] = []
    scales = {scale.id: scale for scale in bank.scales}
    sources = {source.id for source in bank.sources}
    sections = {section.id: section for section in bank.sections}
    questions = {question.id: question for question in _questions(bank)}

    for kind, ids in [
        ("source", [s.id for s in bank.sources]),
        ("scale", [s.id for s in bank.scales]),
        ("section", [s.id for s in bank.sections]),
        ("question", [q.id for q in _questions(bank)]),
        ("level", [level.id for level in bank.levels]),
        ("approach", [a.id for a in bank.approaches]),
    ]:
        problems += [f"duplicate {kind} id {dup}" for dup in _duplicates(ids)]
    for scale in bank.scales:
        option_ids = [option.id for option in scale.options]
        problems += [f"scale {scale.id}: duplicate option {d}" for d in _duplicates(option_ids)]

    def cite(where: str, source: str) -> None:
        if source not in sources:
            problems.append(f"{where}: cites unknown source {source}")

    for section in bank.sections:
        cite(f"section {section.id}", section.citation.source)
        for question in section.questions:
            where = f"question {question.id}"
            cite(where, question.citation.source)
            if not question.statement.strip():
                problems.append(f"{where}: empty statement")
            if question.weight <= 0:
                problems.append(f"{where}: weight must be above 0")
            scale = scales.get(question.scale)
            if scale is None:
                problems.append(f"{where}: unknown scale {question.scale}")
                continue
            problems += _red_flag_problems(where, question, scale)
            if question.recommendation is not None:
                cite(f"{where} recommendation", question.recommendation.citation.source)
                for answer in question.recommendation.when or []:
                    if answer not in {option.id for option in scale.options}:
                        problems.append(f"{where}: recommendation on unknown option {answer}")

    previous = -1.0
    for level in bank.levels:
        cite(f"level {level.id}", level.citation.source)
        target = sections.get(level.section)
        if target is None or target.role != "level":
            problems.append(f"level {level.id}: section {level.section} is not a level section")
        if level.threshold < previous:
            problems.append(f"level {level.id}: threshold lower than the level below")
        previous = level.threshold

    for approach in bank.approaches:
        cite(f"approach {approach.id}", approach.citation.source)
        for condition in approach.when:
            where = f"approach {approach.id}"
            if (condition.question is None) == (condition.section is None):
                problems.append(f"{where}: a condition needs a question or a section")
            elif condition.question is not None:
                asked = questions.get(condition.question)
                if asked is None or not condition.answers:
                    problems.append(f"{where}: bad question condition {condition.question}")
                else:
                    options = {option.id for option in scales[asked.scale].options}
                    problems += [
                        f"{where}: unknown option {answer}"
                        for answer in condition.answers
                        if answer not in options
                    ]
            elif condition.section not in sections or not condition.status:
                problems.append(f"{where}: bad section condition {condition.section}")
    return problems


def _red_flag_problems(where: str, question: Question, scale: Scale) -> list[str]:
    problems: list[str] = []
    values = {option.id: option.value for option in scale.options}
    for flag in question.red_flags:
        flagged = set(flag.answers)
        for answer in flag.answers:
            if answer not in values:
                problems.append(f"{where}: red flag on unknown option {answer}")
            elif values[answer] is None:
                problems.append(f"{where}: red flag on a don't-know option {answer}")
        flagged_values = [values[a] for a in flagged if values.get(a) is not None]
        if not flagged_values:
            continue
        best_flagged = max(_goodness(question, v) for v in flagged_values if v is not None)
        for option in scale.options:
            if option.value is None or option.id in flagged:
                continue
            if _goodness(question, option.value) < best_flagged:
                problems.append(
                    f"{where}: red flag skips the worse answer {option.id}; "
                    "red flags must be the worst end of the scale"
                )
    return problems


# --- every bank ------------------------------------------------------------------------------


def test_all_expected_banks_are_bundled() -> None:
    assert set(BY_ID) == EXPECTED_BANKS
    assert {bank.id for bank in BY_ID.values() if not bank.default} == NOT_DEFAULT


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_bank_id_matches_file_name(name: str) -> None:
    assert BANKS[name].id == name.removesuffix(".yaml")


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_bank_parses_without_duplicate_keys(name: str) -> None:
    _, problems = _load(name, BANK_FILES[name])
    assert problems == []


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_bank_header_fields(name: str) -> None:
    bank = BANKS[name]
    assert bank.schema_version == 1
    assert bank.version == "1.0.0"
    assert bank.min_answered == 0.5
    assert (bank.thresholds.met, bank.thresholds.partly_met) == (75, 40)
    assert bank.title and bank.description


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_bank_references_resolve(name: str) -> None:
    assert reference_problems(BANKS[name]) == []


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_every_question_cites_a_listed_source_and_names_an_item(name: str) -> None:
    bank = BANKS[name]
    sources = {source.id for source in bank.sources}
    for question in _questions(bank):
        assert question.citation.source in sources, question.id
        assert len(question.citation.item) >= 10, question.id


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_question_ids_carry_the_bank_prefix(name: str) -> None:
    prefix = PREFIXES[BANKS[name].id]
    assert [q.id for q in _questions(BANKS[name]) if not q.id.startswith(prefix)] == []


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_bank_passes_the_validator(name: str) -> None:
    assert [str(problem) for problem in check_bank(parse_yaml(BANK_FILES[name], name))] == []


def test_the_outline_in_the_bank_writing_guide_is_a_valid_bank() -> None:
    guide = Path(__file__).resolve().parents[2] / "docs" / "writing-banks.md"
    match = re.search(r"## A bank in outline\n\n```yaml\n(.*?)```", guide.read_text(), re.S)
    assert match is not None
    document = parse_yaml(match.group(1), "outline.yaml")
    assert [str(problem) for problem in check_bank(document)] == []
    assert reference_problems(Bank.model_validate(document.data, strict=True)) == []


def test_question_ids_are_unique_across_all_banks() -> None:
    ids = [question.id for bank in BANKS.values() for question in _questions(bank)]
    assert _duplicates(ids) == []


def test_section_and_scale_ids_are_unique_across_all_banks() -> None:
    ids = [s.id for bank in BANKS.values() for s in [*bank.sections, *bank.scales]]
    assert _duplicates(ids) == []


# --- the reference checks can fail -------------------------------------------------------------


def _broken(bank_id: str, change: Any) -> Bank:
    data = BY_ID[bank_id].model_dump()
    change(data)
    return Bank.model_validate(data)


def _first_question(data: dict[str, Any]) -> dict[str, Any]:
    question: dict[str, Any] = data["sections"][0]["questions"][0]
    return question


FIRST = "question malby-dont-know-service-precisely"
MUTATIONS: dict[str, tuple[Any, str]] = {
    "unknown scale": (
        lambda d: _first_question(d).update(scale="no-such-scale"),
        f"{FIRST}: unknown scale no-such-scale",
    ),
    "unknown source": (
        lambda d: _first_question(d)["citation"].update(source="nobody"),
        f"{FIRST}: cites unknown source nobody",
    ),
    "red flag on a missing option": (
        lambda d: _first_question(d)["red_flags"][0].update(answers=["maybe"]),
        f"{FIRST}: red flag on unknown option maybe",
    ),
    "red flag not at the worst end": (
        lambda d: _first_question(d)["red_flags"][0].update(answers=["partly-true"]),
        f"{FIRST}: red flag skips the worse answer fully-true; "
        "red flags must be the worst end of the scale",
    ),
    "red flag on don't know": (
        lambda d: _first_question(d)["red_flags"][0].update(answers=["dont-know"]),
        f"{FIRST}: red flag on a don't-know option dont-know",
    ),
    "duplicate question id": (
        lambda d: d["sections"][1]["questions"][0].update(id=_first_question(d)["id"]),
        "duplicate question id malby-dont-know-service-precisely",
    ),
    "approach on a missing question": (
        lambda d: d["approaches"][0]["when"][0].update(question="malby-no-such-question"),
        "approach voice: bad question condition malby-no-such-question",
    ),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_reference_checks_catch_a_broken_copy(mutation: str) -> None:
    change, expected = MUTATIONS[mutation]
    assert reference_problems(_broken("malby-do-dont", change)) == [expected]


def test_level_checks_catch_a_decreasing_threshold() -> None:
    def lower_last(data: dict[str, Any]) -> None:
        data["levels"][-1]["threshold"] = 10

    problems = reference_problems(_broken("needham-carr-levels", lower_last))
    assert problems == ["level transformative: threshold lower than the level below"]


# --- Malby (2014) ------------------------------------------------------------------------------


def _sections_by_role(bank: Bank, role: str) -> list[Any]:
    return [section for section in bank.sections if section.role == role]


def test_malby_has_all_fourteen_dont_items_reversed_and_flagged() -> None:
    (cautions,) = _sections_by_role(_bank("malby-do-dont"), "cautions")
    assert len(cautions.questions) == 14
    for question in cautions.questions:
        assert question.reverse, question.id
        assert question.red_flags, question.id
        assert question.citation.item.startswith("Don't do coproduction if:"), question.id


def test_malby_blockers_are_the_five_fatal_items() -> None:
    (cautions,) = _sections_by_role(_bank("malby-do-dont"), "cautions")
    blockers = {
        q.id for q in cautions.questions if any(f.severity == "blocker" for f in q.red_flags)
    }
    assert blockers == MALBY_BLOCKERS
    for question in cautions.questions:
        flags = {flag.severity: set(flag.answers) for flag in question.red_flags}
        assert flags["caution"] == {"partly-true", "fully-true"}, question.id
        if question.id in MALBY_BLOCKERS:
            assert flags["blocker"] == {"fully-true"}, question.id


def test_malby_has_all_nine_do_items() -> None:
    (case,) = _sections_by_role(_bank("malby-do-dont"), "case")
    assert len(case.questions) == 9
    assert all(not q.reverse for q in case.questions)
    assert all(q.citation.item.startswith("Do do coproduction if:") for q in case.questions)


def test_malby_approach_section_has_voice_choice_and_coproduction_rows() -> None:
    (approach,) = _sections_by_role(_bank("malby-do-dont"), "approach")
    reversed_rows = {q.id: q.reverse for q in approach.questions}
    assert reversed_rows == {
        "malby-approach-voice-feedback": True,
        "malby-approach-voice-members": True,
        "malby-approach-choice-shared-decisions": True,
        "malby-approach-choice-provider": True,
        "malby-approach-coproduction": False,
    }


def test_malby_scale_is_three_points_plus_dont_know() -> None:
    (scale,) = _bank("malby-do-dont").scales
    assert [(o.id, o.value) for o in scale.options] == [
        ("not-true", 0),
        ("partly-true", 1),
        ("fully-true", 2),
        ("dont-know", None),
    ]


def test_malby_voice_and_choice_approaches_depend_on_their_rows() -> None:
    approaches = {a.id: a for a in _bank("malby-do-dont").approaches}
    assert set(approaches) == {"voice", "choice"}
    for approach_id, approach in approaches.items():
        assert approach.citation.source == "malby-2014"
        assert "How:" in approach.description
        for condition in approach.when:
            assert condition.question is not None
            assert condition.question.startswith(f"malby-approach-{approach_id}-")
            assert condition.answers == ["fully-true"]


# --- Inett -------------------------------------------------------------------------------------


def test_inett_has_six_criteria_in_the_article_order() -> None:
    bank = _bank("right-circumstances")
    assert [s.id for s in bank.sections] == INETT_CRITERIA
    assert all(s.role == "criterion" for s in bank.sections)


@pytest.mark.parametrize("section_id", INETT_CRITERIA)
def test_inett_criterion_has_two_to_five_statements(section_id: str) -> None:
    (section,) = [s for s in _bank("right-circumstances").sections if s.id == section_id]
    expected = range(5, 6) if section_id == "inett-resource" else range(2, 6)
    assert len(section.questions) in expected
    assert section.decisive == (section_id == "inett-delivery")


def test_inett_scale_is_five_point_agreement_plus_dont_know() -> None:
    (scale,) = _bank("right-circumstances").scales
    assert [o.value for o in scale.options] == [0, 1, 2, 3, 4, None]
    assert (scale.options[0].id, scale.options[4].id) == ("strongly-disagree", "strongly-agree")


def test_inett_co_design_approach_follows_criterion_six() -> None:
    bank = _bank("right-circumstances")
    (approach,) = bank.approaches
    assert approach.id == "co-design"
    assert [(c.section, c.status) for c in approach.when] == [("inett-delivery", ["not-met"])]
    assert "McDougall" in approach.description
    assert "malby-2014" in {source.id for source in bank.sources}


# --- Needham & Carr (2009) ---------------------------------------------------------------------


def test_needham_carr_has_three_cumulative_levels_with_aliases() -> None:
    bank = _bank("needham-carr-levels")
    levels = [(level.id, level.section, level.aliases) for level in bank.levels]
    assert levels == [
        ("descriptive", "nc-descriptive", ["Descriptive co-production", "Compliance"]),
        ("intermediate", "nc-intermediate", ["Intermediate co-production", "Support"]),
        ("transformative", "nc-transformative", ["Transformative co-production", "Transformation"]),
    ]
    thresholds = [level.threshold for level in bank.levels]
    assert thresholds == sorted(thresholds)
    assert all(0 < threshold <= 100 for threshold in thresholds)
    assert [s.role for s in bank.sections] == ["level", "level", "level"]
    assert all(len(section.questions) >= 3 for section in bank.sections)


def test_needham_carr_cites_the_briefing_and_both_descriptions_of_it() -> None:
    bank = _bank("needham-carr-levels")
    assert {source.id for source in bank.sources} == {
        "needham-carr-2009",
        "project-report",
        "community-care",
    }
    cited = {q.citation.source for q in _questions(bank)}
    assert cited == {"project-report", "community-care"}
    assert all(level.citation.source == "needham-carr-2009" for level in bank.levels)

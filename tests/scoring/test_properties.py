"""Rules that hold for every answer set, checked with hypothesis on the bundled banks and on
randomly generated small banks:

- the same input always gives the same output (whatever the order of the answers);
- improving one answer never lowers a section score, the level or the verdict;
- the best answers give the top level and "ready"; the worst give "not-yet" or
  "not-right-approach";
- any blocker means the verdict is neither "ready" nor "ready-with-conditions".

A failure on the bundled banks points at bank content (for example a red flag that is not at the
worst end of its scale), not at the test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_check.answers.model import AnswersFile
from coprod_check.bank.loader import examine_bank, load_bundled_banks
from coprod_check.bank.model import Bank, Question, Scale, ScaleOption, Section
from coprod_check.files.yaml_source import YamlDocument
from coprod_check.scoring.answers import normalise
from coprod_check.scoring.engine import score
from coprod_check.scoring.result import VERDICT_ORDER, Result

BUNDLED = load_bundled_banks()
PROPERTY_SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
NOT_READY = {"not-yet", "not-right-approach"}

# --- answers -----------------------------------------------------------------------------------


def scale_of(bank: Bank, question: Question) -> Scale:
    return next(scale for scale in bank.scales if scale.id == question.scale)


def questions(banks: Sequence[Bank]) -> list[tuple[Bank, Section, Question, Scale]]:
    return [
        (bank, section, question, scale_of(bank, question))
        for bank in banks
        for section in bank.sections
        for question in section.questions
    ]


def value(option: ScaleOption, scale: Scale, question: Question) -> Any:
    return normalise(option, scale, reverse=question.reverse)


def valued(scale: Scale) -> list[ScaleOption]:
    return [option for option in scale.options if option.value is not None]


def ranked(question: Question, scale: Scale) -> list[ScaleOption]:
    """The options that count, worst first (after reversal)."""
    return sorted(valued(scale), key=lambda option: value(option, scale, question))


def answers_file(banks: Sequence[Bank], chosen: dict[str, str | None]) -> AnswersFile:
    return AnswersFile.model_validate(
        {"answers_version": 1, "banks": [{"id": bank.id} for bank in banks], "answers": chosen}
    )


@st.composite
def any_answers(draw: st.DrawFn, banks: Sequence[Bank]) -> dict[str, str | None]:
    """Any option (or no answer) for every question."""
    chosen: dict[str, str | None] = {}
    for _, _, question, scale in questions(banks):
        options: list[str | None] = [None, *(option.id for option in scale.options)]
        chosen[question.id] = draw(st.sampled_from(options))
    return chosen


@st.composite
def end_answers(draw: st.DrawFn, banks: Sequence[Bank], best: bool) -> dict[str, str | None]:
    """The best (or worst) option of each answered question; in every section at least the
    bank's min_answered share is answered, the rest left out or "don't know"."""
    chosen: dict[str, str | None] = {}
    for bank in banks:
        for section in bank.sections:
            items = section.questions
            needed = max(1, math.ceil(bank.min_answered * len(items)))
            answered = draw(
                st.sets(st.sampled_from(range(len(items))), min_size=needed, max_size=len(items))
            )
            for index, question in enumerate(items):
                scale = scale_of(bank, question)
                if index in answered:
                    order = ranked(question, scale)
                    end = value(order[-1] if best else order[0], scale, question)
                    ties = [o.id for o in order if value(o, scale, question) == end]
                    chosen[question.id] = draw(st.sampled_from(ties))
                else:
                    unknown = [o.id for o in scale.options if o.value is None]
                    chosen[question.id] = draw(st.sampled_from([None, *unknown]))
    return chosen


# --- the properties, for any list of banks ---------------------------------------------------


def level_rank(banks: Sequence[Bank], level_id: str | None) -> int | None:
    bank = next((b for b in banks if b.levels), None)
    if bank is None or level_id is None:
        return None
    return ["none", *(level.id for level in bank.levels)].index(level_id)


def check_deterministic(banks: Sequence[Bank], chosen: dict[str, str | None], seed: int) -> None:
    first = score(banks, answers_file(banks, chosen))
    again = score(banks, answers_file(banks, chosen))
    keys = list(chosen)
    shuffled = {
        key: chosen[key]
        for key in keys[seed % max(1, len(keys)) :] + keys[: seed % max(1, len(keys))]
    }
    reordered = score(banks, answers_file(banks, shuffled))
    assert first.model_dump_json() == again.model_dump_json() == reordered.model_dump_json()


def improvements(banks: Sequence[Bank], chosen: dict[str, str | None]) -> list[tuple[str, str]]:
    """Every (question id, better option id) one step away from ``chosen``."""
    found: list[tuple[str, str]] = []
    for _, _, question, scale in questions(banks):
        current = next((o for o in scale.options if o.id == chosen.get(question.id)), None)
        if current is None or current.value is None:
            continue
        for option in valued(scale):
            if value(option, scale, question) > value(current, scale, question):
                found.append((question.id, option.id))
    return found


def check_monotone(before: Result, after: Result, banks: Sequence[Bank]) -> None:
    for old, new in zip(before.sections, after.sections, strict=True):
        assert (old.score is None) == (new.score is None)
        if old.score is not None and new.score is not None:
            assert new.score >= old.score, (old.section_id, old.score, new.score)
    old_level, new_level = level_rank(banks, before.level.id), level_rank(banks, after.level.id)
    assert (old_level is None) == (new_level is None)
    if old_level is not None and new_level is not None:
        assert new_level >= old_level, (before.level.id, after.level.id)
    if "insufficient-answers" not in (before.verdict.id, after.verdict.id):
        assert VERDICT_ORDER.index(after.verdict.id) >= VERDICT_ORDER.index(before.verdict.id), (
            before.verdict.id,
            after.verdict.id,
        )


def check_improvement(banks: Sequence[Bank], data: st.DataObject) -> None:
    chosen = data.draw(any_answers(banks))
    options = improvements(banks, chosen)
    if not options:
        return
    question_id, better = data.draw(st.sampled_from(options))
    before = score(banks, answers_file(banks, chosen))
    after = score(banks, answers_file(banks, {**chosen, question_id: better}))
    check_monotone(before, after, banks)


def check_blockers(result: Result) -> None:
    if any(hit.severity == "blocker" for hit in result.red_flags):
        assert result.verdict.id not in ("ready", "ready-with-conditions")


# --- on the bundled banks ----------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(chosen=any_answers(BUNDLED), seed=st.integers(min_value=0, max_value=10_000))
def test_bundled_same_input_same_output(chosen: dict[str, str | None], seed: int) -> None:
    check_deterministic(BUNDLED, chosen, seed)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_bundled_improving_an_answer_never_lowers_anything(data: st.DataObject) -> None:
    check_improvement(BUNDLED, data)


@PROPERTY_SETTINGS
@given(chosen=end_answers(BUNDLED, best=True))
def test_bundled_best_answers_are_ready_and_transformative(chosen: dict[str, str | None]) -> None:
    result = score(BUNDLED, answers_file(BUNDLED, chosen))
    assert result.verdict.id == "ready", result.verdict.reasons
    assert result.level.id == "transformative"
    assert result.red_flags == []


@PROPERTY_SETTINGS
@given(chosen=end_answers(BUNDLED, best=False))
def test_bundled_worst_answers_are_not_ready(chosen: dict[str, str | None]) -> None:
    result = score(BUNDLED, answers_file(BUNDLED, chosen))
    assert result.verdict.id in NOT_READY
    assert result.level.id == "none"


@PROPERTY_SETTINGS
@given(chosen=any_answers(BUNDLED))
def test_bundled_any_blocker_means_not_ready(chosen: dict[str, str | None]) -> None:
    check_blockers(score(BUNDLED, answers_file(BUNDLED, chosen)))


def test_bundled_banks_have_red_flags_at_the_worst_end() -> None:
    """Each flag's answers are the worst options of their scale (after reversal), so that an
    improvement can never raise a flag; stated directly so a content change fails clearly."""
    for bank, _, question, scale in questions(BUNDLED):
        order = [option.id for option in ranked(question, scale)]
        for flag in question.red_flags:
            flagged = [option for option in order if option in flag.answers]
            assert flagged == order[: len(flagged)], (bank.id, question.id, flag.answers)


# --- on generated small banks -----------------------------------------------------------------


@st.composite
def small_bank(draw: st.DrawFn) -> Bank:
    """A valid small bank: 1-4 criterion/case/cautions sections, 0-3 levels, flags at the worst
    end, thresholds with partly_met above 0 (so a score of 0 is never partly met)."""
    option_count = draw(st.integers(min_value=2, max_value=5))
    values = sorted(draw(st.sets(st.integers(0, 10), min_size=option_count, max_size=option_count)))
    options: list[dict[str, Any]] = [
        {"id": f"o{i}", "label": f"Option {i}", "value": v} for i, v in enumerate(values)
    ]
    if draw(st.booleans()):
        options.append({"id": "dont-know", "label": "Don't know", "value": None})
    partly = draw(st.integers(min_value=1, max_value=90))
    met = draw(st.integers(min_value=partly, max_value=100))
    counter = iter(range(1000))

    def question() -> dict[str, Any]:
        number = next(counter)
        reverse = draw(st.booleans())
        worst_first = [o["id"] for o in options if o["value"] is not None]
        if reverse:
            worst_first.reverse()
        flags = []
        if draw(st.booleans()):
            blocker = draw(st.integers(1, len(worst_first) - 1))
            flags.append(
                {"severity": "blocker", "answers": worst_first[:blocker], "message": "Blocked."}
            )
        if draw(st.booleans()):
            caution = draw(st.integers(1, len(worst_first) - 1))
            flags.append(
                {"severity": "caution", "answers": worst_first[:caution], "message": "Careful."}
            )
        return {
            "id": f"q{number}",
            "statement": f"Statement {number}.",
            "scale": "s",
            "weight": draw(st.sampled_from([0.5, 1, 2, 3])),
            "reverse": reverse,
            "citation": {"source": "src", "item": f"Item {number}"},
            "red_flags": flags,
            "recommendation": {
                "text": draw(st.sampled_from(["Do A.", "Do B.", f"Do {number}."])),
                "citation": {"source": "src", "item": "Advice"},
            },
        }

    def section(number: int, role: str) -> dict[str, Any]:
        return {
            "id": f"sec{number}",
            "title": f"Section {number}",
            "role": role,
            "decisive": role == "criterion" and draw(st.booleans()),
            "citation": {"source": "src", "item": f"Section {number}"},
            "questions": [question() for _ in range(draw(st.integers(1, 4)))],
        }

    roles = [
        "criterion",
        *draw(st.lists(st.sampled_from(["criterion", "case", "cautions"]), max_size=3)),
    ]
    sections = [section(number, role) for number, role in enumerate(roles)]
    level_count = draw(st.integers(0, 3))
    thresholds = sorted(
        draw(st.lists(st.integers(1, 100), min_size=level_count, max_size=level_count))
    )
    levels = []
    for number in range(level_count):
        sections.append(section(len(sections), "level"))
        levels.append(
            {
                "id": f"level-{number}",
                "name": f"Level {number}",
                "description": "A level.",
                "section": sections[-1]["id"],
                "threshold": thresholds[number],
                "citation": {"source": "src", "item": f"Level {number}"},
            }
        )
    data = {
        "schema_version": 1,
        "id": "gen",
        "version": "1.0.0",
        "title": "Generated",
        "description": "A generated bank.",
        "sources": [{"id": "src", "author": "Someone", "title": "Something"}],
        "scales": [{"id": "s", "label": "Scale", "options": options}],
        "thresholds": {"met": met, "partly_met": partly},
        "min_answered": draw(st.sampled_from([0, 0.25, 0.5])),
        "sections": sections,
        "levels": levels,
        "approaches": [
            {
                "id": "voice",
                "name": "Voice",
                "description": "Ask.",
                "when": [{"section": "sec0", "status": ["not-met"]}],
                "citation": {"source": "src", "item": "Voice"},
            }
        ],
    }
    bank, problems = examine_bank(YamlDocument("generated.yaml", data))
    assert bank is not None, [str(p) for p in problems]
    return bank


@PROPERTY_SETTINGS
@given(bank=small_bank(), data=st.data(), seed=st.integers(0, 1000))
def test_generated_same_input_same_output(bank: Bank, data: st.DataObject, seed: int) -> None:
    check_deterministic([bank], data.draw(any_answers([bank])), seed)


@PROPERTY_SETTINGS
@given(bank=small_bank(), data=st.data())
def test_generated_improving_an_answer_never_lowers_anything(
    bank: Bank, data: st.DataObject
) -> None:
    check_improvement([bank], data)


@PROPERTY_SETTINGS
@given(bank=small_bank(), data=st.data())
def test_generated_best_and_worst_answers(bank: Bank, data: st.DataObject) -> None:
    best = score([bank], answers_file([bank], data.draw(end_answers([bank], best=True))))
    assert best.verdict.id == "ready", best.verdict.reasons
    assert best.level.id == (bank.levels[-1].id if bank.levels else None)
    worst = score([bank], answers_file([bank], data.draw(end_answers([bank], best=False))))
    assert worst.verdict.id in NOT_READY
    if bank.levels:
        assert worst.level.id == "none"


@PROPERTY_SETTINGS
@given(bank=small_bank(), data=st.data())
def test_generated_any_blocker_means_not_ready(bank: Bank, data: st.DataObject) -> None:
    check_blockers(score([bank], answers_file([bank], data.draw(any_answers([bank])))))

"""Checks of a bank that need more than one field: ids, references, thresholds and red flags.

One check per function, each taking a :class:`BankData` and yielding :class:`Finding`\\ s, listed
in :data:`CHECKS`. They read the raw YAML data rather than the pydantic model, so they still run
when the schema fails (a misspelt field does not hide an unknown scale), and each one quietly skips
values of the wrong type: the schema reports those.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeGuard

from coprod_check.bank.shape import DEFAULT_MET, DEFAULT_PARTLY_MET
from coprod_check.files.yaml_source import PathKey, YamlDocument
from coprod_check.problems.schema_errors import Finding, closest

SEVERITY_RANK = {"caution": 1, "blocker": 2}
SECTION_ROLES = ("criterion", "case", "cautions", "level", "approach")
RESERVED_LEVEL_ID = "none"


@dataclass(frozen=True, slots=True)
class Node:
    """A mapping somewhere in the bank, with its path."""

    path: PathKey
    data: dict[Any, Any]

    def at(self, *keys: str | int) -> PathKey:
        return (*self.path, *keys)

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def child(self, key: str) -> Node | None:
        value = self.data.get(key)
        return Node(self.at(key), value) if isinstance(value, dict) else None

    def children(self, key: str) -> list[Node]:
        value = self.data.get(key)
        if not isinstance(value, list):
            return []
        return [
            Node(self.at(key, i), item) for i, item in enumerate(value) if isinstance(item, dict)
        ]

    def strings(self, key: str) -> list[tuple[PathKey, str]]:
        """The text items of a list field, with their paths."""
        value = self.data.get(key)
        if not isinstance(value, list):
            return []
        return [(self.at(key, i), item) for i, item in enumerate(value) if isinstance(item, str)]


def is_number(value: Any) -> TypeGuard[float]:
    """A finite int or float, not a bool (YAML's ``yes`` is a bool, and bools are ints)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class BankData:
    """Typed-enough access to a bank's raw data; anything of the wrong shape is simply absent."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.root = Node((), doc.data if isinstance(doc.data, dict) else {})

    def line(self, path: PathKey) -> int | None:
        return self.doc.locate(path).line

    @cached_property
    def sources(self) -> list[Node]:
        return self.root.children("sources")

    @cached_property
    def scales(self) -> list[Node]:
        return self.root.children("scales")

    @cached_property
    def sections(self) -> list[Node]:
        return self.root.children("sections")

    @cached_property
    def questions(self) -> list[tuple[Node, Node]]:
        """Every (section, question) pair, in file order."""
        return [(s, q) for s in self.sections for q in s.children("questions")]

    @cached_property
    def levels(self) -> list[Node]:
        return self.root.children("levels")

    @cached_property
    def approaches(self) -> list[Node]:
        return self.root.children("approaches")

    @cached_property
    def scale_by_id(self) -> dict[str, Node]:
        return _first_by_id(self.scales)

    @cached_property
    def section_by_id(self) -> dict[str, Node]:
        return _first_by_id(self.sections)

    @cached_property
    def question_by_id(self) -> dict[str, Node]:
        return _first_by_id(q for _, q in self.questions)

    def scale_of(self, question: Node) -> Node | None:
        name = question.text("scale")
        return self.scale_by_id.get(name) if name is not None else None

    def option_values(self, scale: Node) -> dict[str, float | None]:
        """Option id -> numeric value (``None`` for null or non-numeric), first of each id."""
        values: dict[str, float | None] = {}
        for option in scale.children("options"):
            name = option.text("id")
            if name is not None and name not in values:
                value = option.data.get("value")
                values[name] = float(value) if is_number(value) else None
        return values


def _first_by_id(nodes: Iterable[Node]) -> dict[str, Node]:
    found: dict[str, Node] = {}
    for node in nodes:
        name = node.text("id")
        if name is not None:
            found.setdefault(name, node)
    return found


def _names(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _unknown(kind: str, name: str, known: Iterable[str], plural: str) -> str:
    choices = list(known)
    guess = closest(name, choices)
    if guess:
        return f"unknown {kind} '{name}' (did you mean '{guess}'?)"
    if not choices:
        return f"unknown {kind} '{name}' (the bank defines no {plural})"
    if len(choices) <= 8:
        return f"unknown {kind} '{name}' (the bank's {plural}: {_names(choices)})"
    return f"unknown {kind} '{name}'"


def _not_an_option(answer: str, scale: Node, options: Iterable[str]) -> str:
    choices = list(options)
    guess = closest(answer, choices)
    tip = f"did you mean '{guess}'?" if guess else f"its options: {_names(choices)}"
    return f"'{answer}' is not an option of scale '{scale.text('id')}' ({tip})"


# --- duplicate ids ----------------------------------------------------------------------------


def _duplicates(bank: BankData, nodes: Iterable[Node], kind: str) -> Iterator[Finding]:
    first: dict[str, Node] = {}
    for node in nodes:
        name = node.text("id")
        if name is None:
            continue
        if name in first:
            line = bank.line(first[name].at("id"))
            yield Finding(
                node.at("id"),
                "duplicate-id",
                f"duplicate {kind} id '{name}' (first used on line {line})",
            )
        else:
            first[name] = node


def duplicate_source_ids(bank: BankData) -> Iterator[Finding]:
    """Source ids are unique: citations name them."""
    yield from _duplicates(bank, bank.sources, "source")


def duplicate_scale_ids(bank: BankData) -> Iterator[Finding]:
    """Scale ids are unique: questions name them."""
    yield from _duplicates(bank, bank.scales, "scale")


def duplicate_option_ids(bank: BankData) -> Iterator[Finding]:
    """Option ids are unique within their scale: answers name them."""
    for scale in bank.scales:
        yield from _duplicates(bank, scale.children("options"), "option")


def duplicate_section_ids(bank: BankData) -> Iterator[Finding]:
    """Section ids are unique: levels, conditions and results name them."""
    yield from _duplicates(bank, bank.sections, "section")


def duplicate_question_ids(bank: BankData) -> Iterator[Finding]:
    """Question ids are unique across the whole bank, not just their section: answers name them."""
    yield from _duplicates(bank, (q for _, q in bank.questions), "question")


def duplicate_level_ids(bank: BankData) -> Iterator[Finding]:
    """Level ids are unique: results name them."""
    yield from _duplicates(bank, bank.levels, "level")


def duplicate_approach_ids(bank: BankData) -> Iterator[Finding]:
    """Approach ids are unique: results name them."""
    yield from _duplicates(bank, bank.approaches, "approach")


# --- references -------------------------------------------------------------------------------


def _citations(node: Any, path: PathKey) -> Iterator[tuple[PathKey, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "citation" and isinstance(value, dict) and "source" in value:
                yield (*path, key, "source"), value["source"]
            yield from _citations(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _citations(item, (*path, index))


def unknown_sources(bank: BankData) -> Iterator[Finding]:
    """Every citation names a source of the bank."""
    known = [s for s in (n.text("id") for n in bank.sources) if s is not None]
    for path, name in _citations(bank.root.data, ()):
        if isinstance(name, str) and name not in known:
            yield Finding(path, "unknown-reference", _unknown("source", name, known, "sources"))


def unknown_scales(bank: BankData) -> Iterator[Finding]:
    """Every question's scale is one of the bank's scales."""
    for _, question in bank.questions:
        name = question.text("scale")
        if name is not None and name not in bank.scale_by_id:
            yield Finding(
                question.at("scale"),
                "unknown-reference",
                _unknown("scale", name, bank.scale_by_id, "scales"),
            )


def level_sections(bank: BankData) -> Iterator[Finding]:
    """A level's section exists and has ``role: level``."""
    for level in bank.levels:
        name = level.text("section")
        if name is None:
            continue
        section = bank.section_by_id.get(name)
        if section is None:
            yield Finding(
                level.at("section"),
                "unknown-reference",
                _unknown("section", name, bank.section_by_id, "sections"),
            )
        elif section.data.get("role") != "level" and section.data.get("role") in SECTION_ROLES:
            role = section.data.get("role")
            yield Finding(
                level.at("section"),
                "wrong-section-role",
                f"level '{level.text('id')}' uses section '{name}', whose role is '{role}'; "
                "a level needs a section with 'role: level'",
            )


def reserved_level_id(bank: BankData) -> Iterator[Finding]:
    """``none`` is how results say "not yet co-producing", so no level may use it."""
    for level in bank.levels:
        if level.text("id") == RESERVED_LEVEL_ID:
            yield Finding(
                level.at("id"),
                "reserved-id",
                "level id 'none' is reserved: results use it to mean 'not yet co-producing'",
            )


# --- thresholds -------------------------------------------------------------------------------


def _can_vary(bank: BankData, section: Node) -> bool:
    """Whether some question of ``section`` has a scale with two different numeric values."""
    for question in section.children("questions"):
        scale = bank.scale_of(question)
        if scale is not None:
            values = {v for v in bank.option_values(scale).values() if v is not None}
            if len(values) >= 2:
                return True
    return False


def unreachable_levels(bank: BankData) -> Iterator[Finding]:
    """A level can be reached: its section has a question whose answers score differently.

    (A threshold above 100 is refused by the schema: scores run from 0 to 100.)
    """
    for level in bank.levels:
        name = level.text("section")
        section = bank.section_by_id.get(name) if name is not None else None
        if section is None or section.data.get("role") != "level":
            continue
        if section.children("questions") and not _can_vary(bank, section):
            yield Finding(
                level.at("threshold") if "threshold" in level.data else level.at("section"),
                "unreachable-level",
                f"level '{level.text('id')}' can never be reached: no question of section "
                f"'{name}' has a scale with two different numeric values",
            )


def level_thresholds_in_order(bank: BankData) -> Iterator[Finding]:
    """Levels are listed lowest first, so their thresholds must not decrease."""
    previous: tuple[str | None, float] | None = None
    for level in bank.levels:
        threshold = level.data.get("threshold")
        if not is_number(threshold):
            continue
        if previous is not None and threshold < previous[1]:
            yield Finding(
                level.at("threshold"),
                "threshold-order",
                f"level '{level.text('id')}' has threshold {_num(threshold)}, lower than "
                f"{_num(previous[1])} for level '{previous[0]}' before it; levels are listed "
                "lowest first and their thresholds must not decrease",
            )
        previous = (level.text("id"), float(threshold))


def section_thresholds_in_order(bank: BankData) -> Iterator[Finding]:
    """``partly_met`` is not above ``met``, for the bank and for every section that sets its own."""
    places = [bank.root.child("thresholds")] + [s.child("thresholds") for s in bank.sections]
    for node in places:
        if node is None:
            continue
        met = node.data.get("met", DEFAULT_MET)
        partly = node.data.get("partly_met", DEFAULT_PARTLY_MET)
        if is_number(met) and is_number(partly) and partly > met:
            default_met = "" if "met" in node.data else ", the default"
            default_partly = "" if "partly_met" in node.data else ", the default"
            yield Finding(
                node.at("partly_met") if "partly_met" in node.data else node.at("met"),
                "threshold-order",
                f"partly_met ({_num(partly)}{default_partly}) is above met "
                f"({_num(met)}{default_met}); it must not be",
            )


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- values -----------------------------------------------------------------------------------

#: The text fields of each model in ``bank.model`` (``str`` values, not fixed choices), written
#: out so that ``validate`` need not import pydantic; a test keeps them in step with the models.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "Bank": ("id", "version", "title", "description"),
    "Source": ("id", "author", "title", "publisher", "url"),
    "Citation": ("source", "item"),
    "Scale": ("id", "label"),
    "ScaleOption": ("id", "label"),
    "RedFlag": ("message",),
    "Recommendation": ("text",),
    "Question": ("id", "statement", "guidance", "scale"),
    "Section": ("id", "title", "description"),
    "Level": ("id", "name", "description", "section"),
    "Approach": ("id", "name", "description"),
}


def _texts(bank: BankData) -> Iterator[tuple[Node, str]]:
    yield bank.root, "Bank"
    for source in bank.sources:
        yield source, "Source"
    for scale in bank.scales:
        yield scale, "Scale"
        for option in scale.children("options"):
            yield option, "ScaleOption"
    for section in bank.sections:
        yield section, "Section"
    for _, question in bank.questions:
        yield question, "Question"
        for flag in question.children("red_flags"):
            yield flag, "RedFlag"
        recommendation = question.child("recommendation")
        if recommendation is not None:
            yield recommendation, "Recommendation"
    for level in bank.levels:
        yield level, "Level"
    for approach in bank.approaches:
        yield approach, "Approach"
    for node in [*bank.sections, *(q for _, q in bank.questions), *bank.levels, *bank.approaches]:
        citation = node.child("citation")
        if citation is not None:
            yield citation, "Citation"
    for recommendation in [q.child("recommendation") for _, q in bank.questions]:
        citation = recommendation.child("citation") if recommendation is not None else None
        if citation is not None:
            yield citation, "Citation"


def empty_texts(bank: BankData) -> Iterator[Finding]:
    """No statement, title, label or other text is empty (or only spaces)."""
    for node, model in _texts(bank):
        for name in TEXT_FIELDS[model]:
            value = node.data.get(name)
            if isinstance(value, str) and not value.strip():
                yield Finding(node.at(name), "empty-text", f"'{name}' is empty")


def schema_version_is_not_true(bank: BankData) -> Iterator[Finding]:
    """``schema_version: true`` (or ``yes``) is not 1.

    pydantic's ``Literal[1]`` accepts ``True`` because ``True == 1`` in Python; JSON Schema's
    ``const: 1`` does not, and neither do we.
    """
    value = bank.root.data.get("schema_version")
    if isinstance(value, bool):
        yield Finding(
            ("schema_version",),
            "invalid-value",
            f"'schema_version' must be 1, not {'true' if value else 'false'}",
        )


def finite_numbers(bank: BankData) -> Iterator[Finding]:
    """Weights and option values are finite: ``.inf`` or ``.nan`` would poison every score."""
    places = [(q, "weight") for _, q in bank.questions] + [
        (option, "value") for scale in bank.scales for option in scale.children("options")
    ]
    for node, name in places:
        value = node.data.get(name)
        if isinstance(value, float) and not math.isfinite(value):
            yield Finding(
                node.at(name), "not-finite", f"'{name}' must be a finite number, not {value}"
            )


def positive_weights(bank: BankData) -> Iterator[Finding]:
    """A question's weight is above 0: a zero weight silently drops it from its section."""
    for _, question in bank.questions:
        weight = question.data.get("weight")
        if is_number(weight) and weight <= 0:
            yield Finding(
                question.at("weight"),
                "non-positive-weight",
                f"'weight' must be above 0; it is {_num(weight)}",
            )


def scales_have_two_values(bank: BankData) -> Iterator[Finding]:
    """A scale has at least two different numeric values, or every answer would score the same."""
    for scale in bank.scales:
        if not isinstance(scale.data.get("options"), list):
            continue
        values = sorted(
            {float(v) for o in scale.children("options") if is_number(v := o.data.get("value"))}
        )
        if len(values) < 2:
            have = "none" if not values else f"only {_num(values[0])}"
            yield Finding(
                scale.at("options"),
                "flat-scale",
                f"scale '{scale.text('id')}' needs at least two different numeric values "
                f"(it has {have}), or every answer would score the same",
            )


# --- answers named by red flags and recommendations -------------------------------------------


def red_flag_answers_exist(bank: BankData) -> Iterator[Finding]:
    """A red flag's answers are options of its question's scale."""
    for _, question in bank.questions:
        scale = bank.scale_of(question)
        if scale is None:
            continue
        options = bank.option_values(scale)
        for flag in question.children("red_flags"):
            for path, answer in flag.strings("answers"):
                if answer not in options:
                    yield Finding(path, "unknown-option", _not_an_option(answer, scale, options))


def recommendation_answers_exist(bank: BankData) -> Iterator[Finding]:
    """A recommendation's ``when`` answers are options of its question's scale."""
    for _, question in bank.questions:
        scale = bank.scale_of(question)
        recommendation = question.child("recommendation")
        if scale is None or recommendation is None:
            continue
        options = bank.option_values(scale)
        for path, answer in recommendation.strings("when"):
            if answer not in options:
                yield Finding(path, "unknown-option", _not_an_option(answer, scale, options))


def red_flags_at_worst_end(bank: BankData) -> Iterator[Finding]:
    """Red flags sit at the worst end of their scale, so improving an answer never raises one.

    An answer is worse than another when it scores lower (higher for a ``reverse`` question).
    A flagged answer must have every worse answer flagged at least as severely; answers whose
    value is null ("don't know") are not on the scale and are left alone.
    """
    for _, question in bank.questions:
        scale = bank.scale_of(question)
        if scale is None:
            continue
        sign = -1.0 if question.data.get("reverse") is True else 1.0
        goodness = {
            name: sign * value
            for name, value in bank.option_values(scale).items()
            if value is not None
        }
        flags = [
            (flag, SEVERITY_RANK[severity])
            for flag in question.children("red_flags")
            if isinstance(severity := flag.data.get("severity"), str) and severity in SEVERITY_RANK
        ]
        rank = dict.fromkeys(goodness, 0)
        for flag, flag_rank in flags:
            for _, answer in flag.strings("answers"):
                if answer in rank:
                    rank[answer] = max(rank[answer], flag_rank)
        for flag, flag_rank in flags:
            for path, answer in flag.strings("answers"):
                if answer not in goodness:
                    continue
                worse = [
                    other
                    for other, value in sorted(goodness.items(), key=lambda item: item[1])
                    if value < goodness[answer] and rank[other] < flag_rank
                ]
                if not worse:
                    continue
                severity = flag.data["severity"]
                if all(rank[other] == 0 for other in worse):
                    message = (
                        f"red flag on '{answer}' but not on the worse {_answers(worse)}: flags "
                        "must cover the worst end of the scale, or improving an answer would "
                        "raise one"
                    )
                elif all(rank[other] > 0 for other in worse):
                    message = (
                        f"{severity} on '{answer}' but only a caution on the worse "
                        f"{_answers(worse)}: improving an answer must never make a flag more "
                        "severe"
                    )
                else:
                    message = (
                        f"{severity} on '{answer}' but not on the worse {_answers(worse)}: "
                        "improving an answer must never raise a flag or make one more severe"
                    )
                yield Finding(path, "red-flag-order", message)


def _answers(names: list[str]) -> str:
    return f"answer '{names[0]}'" if len(names) == 1 else f"answers {_names(names)}"


# --- approaches -------------------------------------------------------------------------------


def approach_conditions(bank: BankData) -> Iterator[Finding]:
    """Each condition names a known question (with its answers) or a known section (with status)."""
    for approach in bank.approaches:
        for condition in approach.children("when"):
            yield from _condition(bank, condition)


def _condition(bank: BankData, condition: Node) -> Iterator[Finding]:
    data = condition.data
    has_question = data.get("question") is not None
    has_section = data.get("section") is not None
    if has_question and has_section:
        yield Finding(
            condition.path,
            "invalid-condition",
            "a condition names both 'question' and 'section'; give one of them",
        )
        return
    if not has_question and not has_section:
        yield Finding(
            condition.path,
            "invalid-condition",
            "a condition needs 'question' (with 'answers') or 'section' (with 'status')",
        )
        return
    if has_question:
        yield from _question_condition(bank, condition)
    else:
        yield from _section_condition(bank, condition)


def _question_condition(bank: BankData, condition: Node) -> Iterator[Finding]:
    if condition.data.get("status") is not None:
        yield Finding(
            condition.at("status"),
            "invalid-condition",
            "'status' goes with 'section'; a question condition uses 'answers'",
        )
    if condition.data.get("answers") is None:
        yield Finding(
            condition.path,
            "invalid-condition",
            "a question condition needs 'answers': the answers that make it hold",
        )
    name = condition.text("question")
    if name is None:
        return
    question = bank.question_by_id.get(name)
    if question is None:
        yield Finding(
            condition.at("question"),
            "unknown-reference",
            _unknown("question", name, bank.question_by_id, "questions"),
        )
        return
    scale = bank.scale_of(question)
    if scale is None:
        return
    options = bank.option_values(scale)
    for path, answer in condition.strings("answers"):
        if answer not in options:
            yield Finding(path, "unknown-option", _not_an_option(answer, scale, options))


def _section_condition(bank: BankData, condition: Node) -> Iterator[Finding]:
    if condition.data.get("answers") is not None:
        yield Finding(
            condition.at("answers"),
            "invalid-condition",
            "'answers' goes with 'question'; a section condition uses 'status'",
        )
    if condition.data.get("status") is None:
        yield Finding(
            condition.path,
            "invalid-condition",
            "a section condition needs 'status': the statuses that make it hold",
        )
    name = condition.text("section")
    if name is not None and name not in bank.section_by_id:
        yield Finding(
            condition.at("section"),
            "unknown-reference",
            _unknown("section", name, bank.section_by_id, "sections"),
        )


Check = Callable[[BankData], Iterable[Finding]]

#: Every semantic check, in the order they run (problems are sorted by position afterwards).
CHECKS: tuple[Check, ...] = (
    schema_version_is_not_true,
    duplicate_source_ids,
    duplicate_scale_ids,
    duplicate_option_ids,
    duplicate_section_ids,
    duplicate_question_ids,
    duplicate_level_ids,
    duplicate_approach_ids,
    unknown_sources,
    unknown_scales,
    level_sections,
    reserved_level_id,
    unreachable_levels,
    level_thresholds_in_order,
    section_thresholds_in_order,
    empty_texts,
    finite_numbers,
    positive_weights,
    scales_have_two_values,
    red_flag_answers_exist,
    recommendation_answers_exist,
    red_flags_at_worst_end,
    approach_conditions,
)


def run_checks(doc: YamlDocument) -> list[Finding]:
    """Every semantic finding in ``doc`` (a bank's document), in check order."""
    bank = BankData(doc)
    return [finding for check in CHECKS for finding in check(bank)]

"""Every problem code coprod-check reports, each with its meaning: the one registry.

Codes are stable (users search for them and CI scripts match them), so they live here and
nowhere else as text: a :class:`~coprod_check.problems.Problem` takes a :class:`Code`, and
``tests/problems/test_codes.py`` checks the table in docs/reference.md against :data:`MEANINGS`.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """A problem code; its value is what users see, in brackets at the end of a line."""

    # the YAML itself
    YAML_SYNTAX = "yaml-syntax"
    EMPTY_FILE = "empty-file"
    TOO_MANY_VALUES = "too-many-values"
    DUPLICATE_KEY = "duplicate-key"
    # what the file is
    NOT_COPROD_FILE = "not-coprod-file"
    NOT_A_MAPPING = "not-a-mapping"
    UNREADABLE = "unreadable"
    # the schema
    UNKNOWN_FIELD = "unknown-field"
    MISSING_FIELD = "missing-field"
    WRONG_TYPE = "wrong-type"
    INVALID_VALUE = "invalid-value"
    # banks: ids and references
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_REFERENCE = "unknown-reference"
    UNKNOWN_OPTION = "unknown-option"
    RESERVED_ID = "reserved-id"
    # banks: levels and thresholds
    WRONG_SECTION_ROLE = "wrong-section-role"
    UNREACHABLE_LEVEL = "unreachable-level"
    THRESHOLD_ORDER = "threshold-order"
    # banks: values
    EMPTY_TEXT = "empty-text"
    NON_POSITIVE_WEIGHT = "non-positive-weight"
    NOT_FINITE = "not-finite"
    FLAT_SCALE = "flat-scale"
    RED_FLAG_ORDER = "red-flag-order"
    INVALID_CONDITION = "invalid-condition"
    FLAG_IN_PROFILE = "flag-in-profile"
    PROFILE_DECIDES = "profile-decides"
    # banks used together (warnings)
    QUESTION_ID_CLASH = "question-id-clash"
    BANK_ID_CLASH = "bank-id-clash"
    # answers files
    DUPLICATE_BANK = "duplicate-bank"
    UNKNOWN_BANK = "unknown-bank"
    BANK_VERSION_DIFFERS = "bank-version-differs"
    BANK_NOT_LISTED = "bank-not-listed"
    UNKNOWN_QUESTION = "unknown-question"
    AMBIGUOUS_QUESTION = "ambiguous-question"
    MISSING_QUESTION_ID = "missing-question-id"
    ANSWER_NOT_ON_SCALE = "answer-not-on-scale"
    # mapping files
    UNMAPPED_COLUMN = "unmapped-column"
    DUPLICATE_COLUMN = "duplicate-column"
    DUPLICATE_TARGET = "duplicate-target"
    UNQUOTED_LABEL = "unquoted-label"
    DUPLICATE_LABEL = "duplicate-label"
    UNMAPPED_LABEL = "unmapped-label"
    UNKNOWN_ROLE = "unknown-role"
    # action plans
    NOT_A_DATE = "not-a-date"
    DUPLICATE_CYCLE = "duplicate-cycle"
    DUPLICATE_ACTION = "duplicate-action"
    UNKNOWN_CYCLE = "unknown-cycle"
    DONE_WITHOUT_DATE = "done-without-date"
    DATE_BUT_NOT_DONE = "date-but-not-done"
    DROPPED_WITHOUT_REASON = "dropped-without-reason"
    UNKNOWN_RECOMMENDATION = "unknown-recommendation"
    RECOMMENDATION_CHANGED = "recommendation-changed"
    # aggregate: bad rows (skipped and listed, or stopping the run)
    RAGGED_ROW = "ragged-row"
    UNKNOWN_ANSWER = "unknown-answer"
    INVALID_ANSWERS = "invalid-answers"


#: What each code means, in the words of the table in docs/reference.md.
MEANINGS: dict[Code, str] = {
    Code.YAML_SYNTAX: "the YAML cannot be parsed",
    Code.EMPTY_FILE: "the file is empty",
    Code.TOO_MANY_VALUES: "the file holds more values than any bank needs (a hostile file?)",
    Code.DUPLICATE_KEY: "a key is given twice in one mapping",
    Code.NOT_COPROD_FILE: "not a bank, answers, mapping or plan file",
    Code.NOT_A_MAPPING: "the top level is not a mapping of fields",
    Code.UNREADABLE: "the file cannot be read at all (exit 2)",
    Code.UNKNOWN_FIELD: "a field the format does not have (a typo?)",
    Code.MISSING_FIELD: "a required field is missing",
    Code.WRONG_TYPE: "a value of the wrong type (text for a number, a list for text, ...)",
    Code.INVALID_VALUE: "a value the format does not allow",
    Code.DUPLICATE_ID: "an id used twice in one bank",
    Code.UNKNOWN_REFERENCE: "a source, scale, section or question id that does not exist",
    Code.UNKNOWN_OPTION: "an answer that is not an option of the question's scale",
    Code.RESERVED_ID: "a level id that results use for themselves ('none')",
    Code.WRONG_SECTION_ROLE: "a level whose section does not have 'role: level'",
    Code.UNREACHABLE_LEVEL: "a level no answers can reach",
    Code.THRESHOLD_ORDER: "thresholds out of order",
    Code.EMPTY_TEXT: "an empty statement, title, label or other text",
    Code.NON_POSITIVE_WEIGHT: "a question weight of 0 or less",
    Code.NOT_FINITE: "an infinite or not-a-number weight or value",
    Code.FLAT_SCALE: "a scale whose answers all score the same",
    Code.RED_FLAG_ORDER: "a red flag not at the worst end of its scale",
    Code.INVALID_CONDITION: "an approach condition without the fields it needs",
    Code.FLAG_IN_PROFILE: "a red flag on a question of a 'profile' section (profiles never decide)",
    Code.PROFILE_DECIDES: (
        "a 'profile' section with a consequence, or named by an approach (profiles never decide)"
    ),
    Code.QUESTION_ID_CLASH: "warning: a question id another bank in play also uses",
    Code.BANK_ID_CLASH: "warning: a bank id another bank file in the run also uses",
    Code.DUPLICATE_BANK: "an answers file lists a bank twice",
    Code.UNKNOWN_BANK: "an answers file names a bank that is not loaded",
    Code.BANK_VERSION_DIFFERS: "warning: answers given to another version of a bank",
    Code.BANK_NOT_LISTED: "an answer to a question of a bank the file does not list",
    Code.UNKNOWN_QUESTION: "a question id no bank in use has",
    Code.AMBIGUOUS_QUESTION: "a question id more than one bank in use has",
    Code.MISSING_QUESTION_ID: "an answer without a question id",
    Code.ANSWER_NOT_ON_SCALE: "an answer that is not an option of its question's scale",
    Code.UNMAPPED_COLUMN: "a mapping names a column the export does not have",
    Code.DUPLICATE_COLUMN: "a mapping maps one column twice",
    Code.DUPLICATE_TARGET: "a mapping maps two columns to one question",
    Code.UNQUOTED_LABEL: "a mapping label YAML would read as a number or yes/no",
    Code.DUPLICATE_LABEL: "a mapping gives one answer label twice",
    Code.UNMAPPED_LABEL: "a mapping label with no answer option",
    Code.UNKNOWN_ROLE: "a mapping role that is not one of coprod-check's roles",
    Code.NOT_A_DATE: "a plan date that is not a YYYY-MM-DD date",
    Code.DUPLICATE_CYCLE: "a plan lists a cycle twice",
    Code.DUPLICATE_ACTION: "a plan uses an action id twice",
    Code.UNKNOWN_CYCLE: "an action in a cycle the plan does not list",
    Code.DONE_WITHOUT_DATE: "an action marked done without 'done_on'",
    Code.DATE_BUT_NOT_DONE: "'done_on' on an action not marked done",
    Code.DROPPED_WITHOUT_REASON: "an action marked dropped without a reason",
    Code.UNKNOWN_RECOMMENDATION: "an action for a question that has no recommendation",
    Code.RECOMMENDATION_CHANGED: (
        "warning: the bank now words an action's recommendation differently"
    ),
    Code.RAGGED_ROW: "a CSV row with more or fewer cells than the header",
    Code.UNKNOWN_ANSWER: "a CSV cell that is not an answer of its question",
    Code.INVALID_ANSWERS: "an answers file given to aggregate that is not valid",
}

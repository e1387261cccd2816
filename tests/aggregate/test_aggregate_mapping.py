"""Mapping files for form exports: drafting one from a realistic header row, and checking one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aggregate_samples import BANK_PATH, HERE, fixture_bank
from coprod_check.aggregate.bank_index import BankIndex
from coprod_check.aggregate.mapping import InvalidMappingError, load_mapping
from coprod_check.aggregate.mapping_draft import candidates, similarity
from coprod_check.answers.loader import available_banks
from coprod_check.cli import app
from coprod_check.files.yaml_source import parse_yaml

runner = CliRunner()
FORMS = HERE / "forms"
MAPPINGS = HERE / "mappings"


def draft(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["mapping", "draft", *(str(arg) for arg in args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_aggregate_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(HERE)
    return HERE


@pytest.mark.parametrize(("export", "code"), [("microsoft-forms.csv", 1), ("google-forms.csv", 0)])
def test_draft_from_a_form_export(
    export: str, code: int, in_aggregate_fixtures: Path, golden: Callable[[str, str], None]
) -> None:
    result, out, err = draft(f"forms/{export}", "--bank", "bank.yaml")
    assert result == code
    golden(f"aggregate/draft-{export.removesuffix('.csv')}.yaml", out)
    assert parse_yaml(out, "draft").data["mapping_version"] == 1
    if code:
        assert err == (
            "coprod-check: 2 item(s) marked UNMATCHED: decide each before using the mapping\n"
        )
    else:
        assert err == ""


def test_microsoft_forms_draft_says_what_it_matched(in_aggregate_fixtures: Path) -> None:
    _, out, _ = draft("forms/microsoft-forms.csv", "--bank", "bank.yaml")
    lines = out.splitlines()
    assert '  "ID": respondent' in lines
    assert '  "Name": ignore  # form metadata; not needed' in lines
    assert '  "Which of these best describes you?": role' in lines
    # Numbered, reworded and without its full stop: matched, with a note to check.
    reworded = next(line for line in lines if line.startswith('  "1. Health professionals'))
    assert reworded.endswith(": power-shared  # matched the statement (0.95 alike); check")
    assert '  "3. What we hope to achieve is important to everyone involved": aims-shared' in lines
    assert '  "Prefer not to say": unanswered  # counts as no answer; check' in lines
    assert any(line.startswith('  "Somewhat agree": null  # UNMATCHED') for line in lines)
    assert '  "Staff": "frontline staff"  # assumed; check' in lines
    assert (
        '  "Volunteer": null  # UNMATCHED: one of person who uses services, carer, frontline '
        "staff, manager, commissioner, other"
    ) in lines


def test_a_finished_draft_is_a_valid_mapping_and_aggregates(
    tmp_path: Path, in_aggregate_fixtures: Path
) -> None:
    target = tmp_path / "mapping.yaml"
    code, _, err = draft("forms/microsoft-forms.csv", "--bank", "bank.yaml", "-o", target)
    assert (code, err.splitlines()[0]) == (1, f"coprod-check: wrote {target}")
    index = BankIndex([fixture_bank()])
    with pytest.raises(InvalidMappingError) as raised:
        load_mapping(target, index)
    assert [p.code for p in raised.value.problems] == ["unmapped-label", "unknown-role"]
    text = target.read_text(encoding="utf-8")
    text = text.replace('"Somewhat agree": null', '"Somewhat agree": agree')
    text = text.replace('"Volunteer": null', '"Volunteer": other')
    target.write_text(text, encoding="utf-8")
    load_mapping(target, index)
    result = runner.invoke(
        app,
        [
            *("aggregate", "forms/microsoft-forms.csv", "-b", "bank.yaml", "-m", str(target)),
            *("-f", "json", "--min-group-size", "1"),
        ],
    )
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["respondents"] == 5
    assert [g["id"] for g in data["groups"]] == [
        "everyone",
        "person who uses services",
        "carer",
        "frontline staff",
        "manager",
        "other",
    ]
    shared = next(q for q in data["questions"] if q["question_id"] == "power-shared")
    everyone = shared["groups"][0]
    # Agree, Somewhat agree (-> agree), Dont know, Prefer not to say (no answer), Strongly
    # disagree.
    assert (everyone["n"], everyone["dont_know"], everyone["unanswered"]) == (3, 1, 1)
    assert everyone["counts"] == [1, 0, 0, 2, 0, 1]
    assert data["notes"] is None
    # The draft refuses to replace the file without --force.
    code, _, err = draft("forms/microsoft-forms.csv", "--bank", "bank.yaml", "-o", target)
    assert (code, err) == (
        2,
        f"coprod-check: error: {target}: already exists; use --force to replace it\n",
    )


def test_notes_appear_only_when_asked_for(tmp_path: Path, in_aggregate_fixtures: Path) -> None:
    target = tmp_path / "mapping.yaml"
    draft("forms/google-forms.csv", "--bank", "bank.yaml", "-o", target)
    base = ["aggregate", "forms/google-forms.csv", "-b", "bank.yaml", "-m", str(target)]
    without = runner.invoke(app, [*base, "-f", "json"])
    assert "upstairs" not in without.stdout
    with_notes = runner.invoke(app, [*base, "-f", "json", "--include-notes"])
    notes = json.loads(with_notes.stdout)["notes"]
    # One respondent per role: every group is under 3, so the writer's group is not shown.
    assert notes == [
        {"group": None, "bank_id": None, "question_id": None, "text": "Decisions are made upstairs"}
    ]


INVALID_MAPPING = [
    "invalid.yaml:3:3: error: 'power-share' is not a question id of the banks in use; did you "
    "mean 'power-shared'? [unknown-question]",
    "invalid.yaml:4:3: error: this column is not mapped yet: give a question id, or one of role, "
    "respondent, note, ignore [unmapped-column]",
    "invalid.yaml:6:3: error: two columns are mapped to question 'aims-shared': 'Aims' and "
    "'Aims again' [duplicate-target]",
    "invalid.yaml:8:3: error: YAML reads this unquoted key as true; put the text in quotes, "
    'e.g. "Yes" [unquoted-label]',
    "invalid.yaml:9:3: error: 'agree-ish' is not an option of any mapped question's scale; did "
    "you mean 'agree'? [unknown-option]",
    "invalid.yaml:10:3: error: label 'Unsure' is not mapped yet: give an option id, or "
    "'unanswered' for an answer that counts as no answer [unmapped-label]",
    "invalid.yaml:12:3: error: 'volunteer' is not a role: give one of: person who uses "
    "services, carer, frontline staff, manager, commissioner, other [unknown-role]",
]
WRONG_SHAPE = [
    "wrong-shape.yaml:1:1: error: 'mapping_version' must be 1, not the number 2 [invalid-value]",
    "wrong-shape.yaml:2:1: error: wrong type for 'columns': expected a mapping (key: value "
    "lines), got a list [wrong-type]",
    "wrong-shape.yaml:4:1: error: unknown field 'colour' (not allowed here; did you mean "
    "'columns'?) [unknown-field]",
]


@pytest.mark.parametrize(
    ("name", "expected"), [("invalid.yaml", INVALID_MAPPING), ("wrong-shape.yaml", WRONG_SHAPE)]
)
def test_invalid_mapping_lists_every_problem_with_its_line(
    name: str, expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(MAPPINGS)
    result = runner.invoke(
        app, ["aggregate", str(HERE / "workshop.csv"), "-b", str(BANK_PATH), "-m", name]
    )
    assert (result.exit_code, result.stdout) == (1, "")
    lines = result.stderr.splitlines()
    noun = "problem" if len(expected) == 1 else "problems"
    assert (
        lines[0]
        == f"coprod-check: error: {name}: not a valid mapping file ({len(expected)} {noun}):"
    )
    assert [line.strip() for line in lines[1:]] == expected


def test_valid_mapping_with_column_answers() -> None:
    mapping = load_mapping(MAPPINGS / "valid.yaml", BankIndex([fixture_bank()]))
    assert mapping.columns["hierarchy"].answers == {"yes, very much": "strongly-agree"}
    assert mapping.answers == {"somewhat agree": "agree", "prefer not to say": None}
    assert mapping.roles == {"volunteer": "other"}


def test_header_candidates_drop_numbering_and_find_grid_items() -> None:
    assert candidates("Q3: Everyone is included") == [
        "q3 everyone is included",
        "everyone is included",
    ]
    assert candidates("How far? [Aims are shared.]") == [
        "how far aims are shared",
        "aims are shared",
    ]
    assert similarity("2. Aims are shared", "Aims are shared.") == 1.0


# -- drafting a real-sized export of every bundled question ----------------------------------


def test_a_73_column_forms_export_drafts_with_nothing_left_unmatched(tmp_path: Path) -> None:
    from forms_export import write_export

    export = tmp_path / "export.csv"
    header = write_export(export, rows=40)
    assert len(header) == 73
    code, out, err = draft(export)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    # A statement that names stakeholders is a question, not a second role column.
    assert (
        '  "6. We haven\'t got access to all levels and all stakeholders.": '
        "malby-dont-no-access-all-levels"
    ) in lines
    assert sum(line.endswith(": role") for line in lines) == 1
    assert '  "Which best describes you?": role' in lines
    # The words people use for options and roles.
    assert "  \"Neutral\": neither  # usual wording for 'Neither agree nor disagree'" in lines
    assert '  "Not sure": dont-know  # usual wording for "Don\'t know"' in lines
    assert "  \"Somewhat true\": partly-true  # usual wording for 'Partly true'" in lines
    for role, group in [
        ("Commissioner (ICB)", "commissioner"),
        ("Frontline practitioner", "frontline staff"),
        ("Person with lived experience", "person who uses services"),
        ("Family carer", "carer"),
    ]:
        assert f'  "{role}": "{group}"' in lines
    assert "UNMATCHED" not in out.split("mapping_version")[1]


def test_every_unmatched_line_lists_what_it_may_be(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "Respondent,Your role,Power is shared with people,Mood,power-hierarchy\n"
        "R1,Volunteer,Agree,Grumpy,Somewhat agree\n"
        "R2,Carer,Agree,Happy,Agree\n",
        encoding="utf-8",
    )
    code, out, err = draft(export, "--bank", BANK_PATH)
    assert code == 1
    assert err == (
        "coprod-check: 4 item(s) marked UNMATCHED: decide each before using the mapping\n"
    )
    lines = out.splitlines()
    unmatched = [line for line in lines if line.startswith('  "Power is shared with people"')]
    assert unmatched[0].startswith(
        '  "Power is shared with people": null  # UNMATCHED: closest questions '
        "nc-intermediate-shared-responsibilities (0.53 alike), "
    )
    assert unmatched[0].endswith(" alike); or role, respondent, note, ignore")
    assert any(line.startswith('  "Mood": null  # UNMATCHED: closest questions ') for line in lines)
    assert (
        '  "Somewhat agree": null  # UNMATCHED: one of strongly-disagree, disagree, neither, '
        "agree, strongly-agree, dont-know, or unanswered"
    ) in lines
    assert (
        '  "Volunteer": null  # UNMATCHED: one of person who uses services, carer, frontline '
        "staff, manager, commissioner, other"
    ) in lines
    listed = lines[
        lines.index("# Question ids not used above (for the columns marked UNMATCHED):") :
    ]
    assert listed[1:3] == [
        "#   power-shared: Health professionals and people who use services will be able to tr...",
        "#   aims-shared: What we hope to achieve is important to everyone involved.",
    ]
    assert "power-hierarchy" not in "\n".join(listed)  # mapped already
    bundled = sum(len(s.questions) for b in available_banks([]) for s in b.sections)
    assert len(listed) == 1 + bundled + 3 - 1

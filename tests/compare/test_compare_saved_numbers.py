"""``compare`` refuses saved results with numbers no result can hold, and never writes bad JSON.

Saved JSON is edited by hand or by other tools: NaN, Infinity, 1e999, a score of 4000 or a
negative count must stop with the file and the field, never reach a report (issue 17).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app

ROOT = Path(__file__).parents[2]
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    shutil.copy(ROOT / "examples" / "neighbourhood-peer-support.yaml", tmp_path / "answers.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("score", "answers.yaml", "-f", "json")
    assert code == 0
    return out


@pytest.mark.parametrize(
    ("replacement", "problem"),
    [
        ("NaN", "NaN is not a finite number"),
        ("Infinity", "Infinity is not a finite number"),
        ("-Infinity", "-Infinity is not a finite number"),
        ("1e999", "1e999 is not a finite number"),
        ("4000", "Input should be less than or equal to 100"),
        ("-5", "Input should be greater than or equal to 0"),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "json", "html", "markdown"])
def test_numbers_out_of_range_are_refused_with_file_and_field(
    saved: str, replacement: str, problem: str, fmt: str
) -> None:
    data = json.loads(saved)
    section = data["sections"][0]
    assert section["score"] is not None
    text = saved.replace(f'"score": {json.dumps(section["score"])}', f'"score": {replacement}', 1)
    Path("saved.json").write_text(text, encoding="utf-8")
    code, out, err = invoke("compare", "answers.yaml", "saved.json", "-f", fmt)
    assert (code, out) == (1, "")
    assert err.startswith("coprod-check: error: saved.json:")
    assert "sections.0.score: " + problem in err
    assert "internal error" not in err


def test_control_characters_in_saved_text_are_refused(saved: str) -> None:
    data = json.loads(saved)
    data["respondent"]["project"] = "\x1b]0;owned\x07"
    Path("saved.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, err = invoke("compare", "answers.yaml", "saved.json")
    assert (code, out) == (1, "")
    assert err == (
        "coprod-check: error: saved.json: not a valid saved result: respondent.project: "
        "a control character (U+001B) in the text\n"
    )


def test_compare_json_is_always_valid_json(saved: str) -> None:
    Path("saved.json").write_text(saved, encoding="utf-8")
    code, out, _ = invoke("compare", "answers.yaml", "saved.json", "-f", "json")
    assert code == 0
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))

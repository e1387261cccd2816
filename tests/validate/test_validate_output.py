"""The three output formats of ``validate``: text, JSON (stable, documented) and GitHub."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from coprod_check.problems import Problem
from coprod_check.validate.output import render_github, render_json, render_text, summary
from coprod_check.validate.run import FileReport, ValidationReport

FIXTURES = Path(__file__).parents[1] / "fixtures" / "banks"
MINIMAL = FIXTURES / "valid" / "minimal.yaml"
THRESHOLDS = FIXTURES / "invalid" / "thresholds"


def _report(*files: FileReport) -> ValidationReport:
    return ValidationReport(tuple(files))


def _problem(path: str, line: int | None, message: str, **kw: str) -> Problem:
    return Problem(path, line, 3 if line else None, kw.pop("code", "some-code"), message, **kw)  # type: ignore[arg-type]


GOOD = FileReport("good.yaml", "bank", ())
BAD = FileReport(
    "bad.yaml",
    "bank",
    (_problem("bad.yaml", 4, "first"), _problem("bad.yaml", 9, "second")),
)
WARNED = FileReport(
    "warned.yaml", "answers", (_problem("warned.yaml", 2, "hmm", severity="warning"),)
)
LOST = FileReport(
    "lost.yaml", None, (_problem("lost.yaml", None, "no such file or folder"),), False
)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ((GOOD,), "1 file checked, all valid"),
        ((GOOD, GOOD, GOOD), "3 files checked, all valid"),
        ((GOOD, BAD), "2 files checked, 2 errors in 1 file"),
        ((BAD, WARNED), "2 files checked, 2 errors in 1 file, 1 warning in 1 file"),
        ((GOOD, LOST), "2 files checked, 1 file unreadable"),
        ((BAD, LOST, LOST), "3 files checked, 2 errors in 1 file, 2 files unreadable"),
    ],
)
def test_summary_line(files: tuple[FileReport, ...], expected: str) -> None:
    assert summary(_report(*files)) == expected


def test_exit_code_is_the_worst() -> None:
    assert _report(GOOD).exit_code == 0
    assert _report(GOOD, WARNED).exit_code == 0  # warnings alone do not fail
    assert _report(GOOD, BAD, WARNED).exit_code == 1
    assert _report(BAD, LOST).exit_code == 2


def test_text_format() -> None:
    assert render_text(_report(BAD, LOST, WARNED)) == (
        "bad.yaml:4:3: error: first [some-code]\n"
        "bad.yaml:9:3: error: second [some-code]\n"
        "lost.yaml: error: no such file or folder [some-code]\n"
        "warned.yaml:2:3: warning: hmm [some-code]\n"
        "3 files checked, 2 errors in 1 file, 1 file unreadable, 1 warning in 1 file\n"
    )


def test_json_format_is_the_documented_shape() -> None:
    document = json.loads(render_json(_report(BAD, GOOD, LOST)))
    assert document == {
        "version": 1,
        "files": [
            {
                "path": "bad.yaml",
                "kind": "bank",
                "valid": False,
                "problems": [
                    {
                        "line": 4,
                        "column": 3,
                        "severity": "error",
                        "code": "some-code",
                        "message": "first",
                    },
                    {
                        "line": 9,
                        "column": 3,
                        "severity": "error",
                        "code": "some-code",
                        "message": "second",
                    },
                ],
            },
            {"path": "good.yaml", "kind": "bank", "valid": True, "problems": []},
            {
                "path": "lost.yaml",
                "kind": None,
                "valid": False,
                "problems": [
                    {
                        "line": None,
                        "column": None,
                        "severity": "error",
                        "code": "some-code",
                        "message": "no such file or folder",
                    }
                ],
            },
        ],
        "summary": {
            "files": 3,
            "valid": 1,
            "invalid": 1,
            "unreadable": 1,
            "problems": 2,
            "errors": 2,
            "warnings": 0,
            "exit_code": 2,
        },
    }


def test_github_format_escapes_workflow_command_characters() -> None:
    odd = FileReport(
        "dir,with:odd/x.yaml",
        "bank",
        (_problem("dir,with:odd/x.yaml", 7, "50% done\nsecond line: ok", code="a-code"),),
    )
    assert render_github(_report(odd, LOST, WARNED)).splitlines() == [
        "::error file=dir%2Cwith%3Aodd/x.yaml,line=7,col=3,title=coprod-check a-code::"
        "50%25 done%0Asecond line: ok",
        "::error file=lost.yaml,title=coprod-check some-code::no such file or folder",
        "::warning file=warned.yaml,line=2,col=3,title=coprod-check some-code::hmm",
        "3 files checked, 1 error in 1 file, 1 file unreadable, 1 warning in 1 file",
    ]


def test_github_format_is_the_default_in_github_actions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(THRESHOLDS)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(app, ["validate", "bank.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=bank.yaml,line=20,col=3,title=coprod-check threshold-order::"
        "partly_met (60) is above met (50); it must not be",
        "::error file=bank.yaml,line=26,col=18,title=coprod-check threshold-order::"
        "partly_met (40, the default) is above met (30); it must not be",
        "1 file checked, 2 errors in 1 file",
    ]
    explicit = CliRunner().invoke(app, ["validate", "--format", "text", "bank.yaml"])
    assert explicit.stdout == (THRESHOLDS / "expected.txt").read_text()


def test_text_is_the_default_outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(THRESHOLDS)
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    result = CliRunner().invoke(app, ["validate", "bank.yaml"])
    assert result.stdout == (THRESHOLDS / "expected.txt").read_text()


def test_json_format_from_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(THRESHOLDS)
    result = CliRunner().invoke(app, ["validate", "-f", "json", "bank.yaml", str(MINIMAL)])
    document = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [file["path"] for file in document["files"]] == [str(MINIMAL), "bank.yaml"]
    bank = next(file for file in document["files"] if file["path"] == "bank.yaml")
    assert [(p["line"], p["column"], p["code"]) for p in bank["problems"]] == [
        (20, 3, "threshold-order"),
        (26, 18, "threshold-order"),
    ]
    assert document["summary"] == {
        "files": 2,
        "valid": 1,
        "invalid": 1,
        "unreadable": 0,
        "problems": 2,
        "errors": 2,
        "warnings": 0,
        "exit_code": 1,
    }


def test_help_shows_examples_and_exit_codes() -> None:
    result = CliRunner().invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert "coprod-check validate my-bank.yaml answers/" in result.stdout
    assert "Exit codes: 0 every file valid" in result.stdout
    schema_help = CliRunner().invoke(app, ["schema", "--help"])
    assert "coprod-check schema --answers > coprod-answers.schema.json" in schema_help.stdout

"""Render a :class:`ValidationReport` as text, JSON or GitHub Actions annotations.

Plain strings only (no rich): ``validate`` runs as a pre-commit hook and in CI, where start-up
time and clean logs matter more than colour.

The JSON shape (``"version": 1``) is documented in the README; keys may be added, never removed
or changed in meaning without a new version.
"""

from __future__ import annotations

from typing import Any

from coprod_check.problems import Problem
from coprod_check.problems.wording import plural
from coprod_check.render.json_text import json_text
from coprod_check.validate.run import ValidationReport

FORMATS: tuple[str, ...] = ("text", "json", "github")
JSON_VERSION = 1


def render(report: ValidationReport, output_format: str) -> str:
    """The whole output for ``report``, ending in a newline."""
    if output_format == "json":
        return render_json(report)
    if output_format == "github":
        return render_github(report)
    return render_text(report)


def render_text(report: ValidationReport) -> str:
    """``path:line:col: error: message [code]`` per problem, then a summary line."""
    lines = [str(problem) for file in report.files for problem in file.problems]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: ValidationReport) -> str:
    """``3 files checked, all valid`` or ``2 files checked, 3 errors in 1 file, 1 warning in …``.

    Warnings are counted apart from errors because they do not change the exit code.
    """
    parts = [f"{plural(len(report.files), 'file')} checked"]
    errors, error_files = report.count("error")
    warnings, warning_files = report.count("warning")
    if errors:
        parts.append(f"{plural(errors, 'error')} in {plural(error_files, 'file')}")
    if report.unreadable:
        parts.append(f"{plural(report.unreadable, 'file')} unreadable")
    if len(parts) == 1:
        parts.append("all valid")
    if warnings:
        parts.append(f"{plural(warnings, 'warning')} in {plural(warning_files, 'file')}")
    return ", ".join(parts)


def render_json(report: ValidationReport) -> str:
    """The stable JSON document described in the README."""
    document: dict[str, Any] = {
        "version": JSON_VERSION,
        "files": [
            {
                "path": file.path,
                "kind": file.kind,
                "valid": file.valid,
                "problems": [_problem_json(problem) for problem in file.problems],
            }
            for file in report.files
        ],
        "summary": {
            "files": len(report.files),
            "valid": sum(1 for file in report.files if file.valid),
            "invalid": sum(1 for file in report.files if file.readable and not file.valid),
            "unreadable": report.unreadable,
            "problems": report.problems,
            "errors": report.count("error")[0],
            "warnings": report.count("warning")[0],
            "exit_code": report.exit_code,
        },
    }
    return json_text(document)


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity,
        "code": problem.code,
        "message": problem.message,
    }


def render_github(report: ValidationReport) -> str:
    """One ``::error`` / ``::warning`` workflow command per problem, then the summary line."""
    lines = [_annotation(problem) for file in report.files for problem in file.problems]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _annotation(problem: Problem) -> str:
    properties = [f"file={_escape_property(problem.path)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append(f"title={_escape_property(f'coprod-check {problem.code}')}")
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")

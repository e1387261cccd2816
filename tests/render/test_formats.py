"""The format registry: every ``--format`` choice has a renderer and every renderer a choice."""

from __future__ import annotations

from enum import StrEnum

import pytest
from typer.testing import CliRunner

from coprod_check.aggregate.report import REPORTS as AGGREGATE_REPORTS
from coprod_check.answers.handout import HANDOUT_FORMATS
from coprod_check.cli import app
from coprod_check.compare.report import REPORTS as COMPARE_REPORTS
from coprod_check.errors import UsageError
from coprod_check.render.formats import (
    AggregateFormat,
    HandoutFormat,
    Registry,
    ReportFormat,
    ValidateFormat,
)
from coprod_check.scoring.report import REPORTS as SCORE_REPORTS
from coprod_check.validate.output import FORMATS as VALIDATE_FORMATS

PAIRS: list[tuple[type[StrEnum], tuple[str, ...]]] = [
    (ReportFormat, SCORE_REPORTS.names),
    (ReportFormat, COMPARE_REPORTS.names),
    (AggregateFormat, AGGREGATE_REPORTS.names),
    (HandoutFormat, HANDOUT_FORMATS),
    (ValidateFormat, VALIDATE_FORMATS),
]


@pytest.mark.parametrize(("choices", "names"), PAIRS)
def test_choices_and_renderers_agree(choices: type[StrEnum], names: tuple[str, ...]) -> None:
    assert [member.value for member in choices] == list(names)


@pytest.mark.parametrize("registry", [SCORE_REPORTS, COMPARE_REPORTS, AGGREGATE_REPORTS])
def test_every_registered_renderer_imports(registry: Registry[object]) -> None:
    for name in registry.names:
        assert callable(registry.renderer(name))


def test_an_unknown_name_is_a_usage_error_listing_the_choices() -> None:
    with pytest.raises(UsageError, match=r"unknown report format 'pdf'; choose one of: text, json"):
        SCORE_REPORTS.renderer("pdf")


@pytest.mark.parametrize(
    ("command", "listed"),
    [
        (["score", "--help"], "<text|json|markdown|html|docx|xlsx>"),
        (["compare", "--help"], "<text|json|markdown|html|docx|xlsx>"),
        (["aggregate", "--help"], "<text|json|csv|markdown|html|docx|xlsx>"),
        (["questionnaire", "--help"], "<markdown|html>"),
        (["validate", "--help"], "<text|json|github>"),
    ],
)
def test_help_lists_the_format_choices(command: list[str], listed: str) -> None:
    result = CliRunner().invoke(app, command, terminal_width=200)
    assert result.exit_code == 0
    assert listed in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["score", "x.yaml", "-f", "pdf"],
        ["compare", "a.yaml", "b.yaml", "-f", "pdf"],
        ["aggregate", "a.yaml", "-f", "pdf"],
        ["questionnaire", "-f", "pdf"],
        ["validate", "-f", "pdf"],
    ],
)
def test_a_bad_format_exits_2_by_typer_before_any_work(command: list[str]) -> None:
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output
    assert "'pdf' is not one of" in result.output

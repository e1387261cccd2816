"""The console-script entry point: a bug is reported in one line, never as a traceback."""

from __future__ import annotations

import sys

import pytest
import typer

from coprod_check import cli
from coprod_check.errors import EXIT_USAGE


@pytest.fixture
def failing_command(monkeypatch: pytest.MonkeyPatch) -> None:
    app = typer.Typer(pretty_exceptions_enable=False)

    @app.command()
    def boom() -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cli, "app", app)
    monkeypatch.setattr(sys, "argv", ["coprod-check"])


@pytest.mark.usefixtures("failing_command")
def test_an_unexpected_error_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COPROD_CHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == EXIT_USAGE
    assert capsys.readouterr().err == (
        "coprod-check: internal error, please report it: RuntimeError: kaboom "
        "(set COPROD_CHECK_DEBUG=1 to see the traceback)\n"
    )


@pytest.mark.usefixtures("failing_command")
def test_debug_setting_shows_the_real_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_CHECK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="kaboom"):
        cli.main()


COMMANDS = [
    ["validate"],
    ["schema"],
    ["template"],
    ["questionnaire"],
    ["score"],
    ["assess"],
    ["compare"],
    ["aggregate"],
    ["mapping", "draft"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_examples_and_exit_codes(command: list[str]) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"coprod-check {' '.join(command)}" in result.output
    assert "Exit codes:" in result.output or command == ["schema"]

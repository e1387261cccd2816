"""The command line: parse options, call the core, pick a reporter, map errors to exit codes.

Keep this module thin and its imports light: every command imports what it needs inside its own
function, so ``coprod-check validate`` never pays for jinja2 or the report code.
"""

from __future__ import annotations

import sys
from typing import Annotated, NoReturn

import typer

from coprod_check import __version__
from coprod_check.errors import EXIT_USAGE, CoprodError

app = typer.Typer(
    name="coprod-check",
    help=(
        "Is your team ready to co-produce a service with the people who use it? "
        "A self-assessment built on Malby (2014), Inett's right circumstances and "
        "Needham & Carr's (2009) levels of co-production."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"coprod-check {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Is your team ready to co-produce a service with the people who use it?"""


def fail(error: CoprodError) -> NoReturn:
    """The one place that turns a coprod-check error into a message and an exit code."""
    typer.echo(f"coprod-check: error: {error}", err=True)
    raise typer.Exit(error.exit_code)


def main() -> None:
    """Console-script entry point: run the app, never show a traceback for a user's mistake."""
    try:
        app(standalone_mode=True)
    except CoprodError as error:  # raised outside a command body (should not happen)
        typer.echo(f"coprod-check: error: {error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        typer.echo("coprod-check: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_USAGE)

"""The typer application and its sub-command groups; commands register on them."""

from __future__ import annotations

import typer

from coprod_check.cli import epilogs as e
from coprod_check.cli import options as h
from coprod_check.cli import serve_options as s

app = typer.Typer(
    name="coprod-check",
    help=e.APP_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
mapping_app = typer.Typer(help=e.MAPPING_HELP, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(mapping_app, name="mapping")
plan_app = typer.Typer(help=e.PLAN_HELP, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(plan_app, name="plan")
workshop_app = typer.Typer(
    help=s.WORKSHOP_HELP, epilog=s.WORKSHOP_EPILOG, no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(workshop_app, name="workshop")


@app.callback()
def _root(version: h.VersionOption = False) -> None:
    """Is your team ready to co-produce a service with the people who use it?"""

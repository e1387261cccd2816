"""The command line: parse options, call one function per command, deliver its outcome.

Only wiring lives here. Each command's work is a function in its package that returns an
:class:`~coprod_check.errors.Outcome` (or raises a ``CoprodError``); :func:`deliver` is the one
place that prints, writes ``-o`` files and exits. Commands import their package inside their own
body, so ``coprod-check validate`` never pays for jinja2, rich or the scoring code.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import typer

from coprod_check.cli import epilogs as e
from coprod_check.cli import options as h
from coprod_check.cli import serve_options as s
from coprod_check.errors import EXIT_USAGE, CoprodError, Outcome
from coprod_check.render.formats import HandoutFormat

app = typer.Typer(
    name="coprod-check",
    help=e.APP_HELP,
    no_args_is_help=True,
    add_completion=True,
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


def deliver(command: Callable[[], Outcome]) -> NoReturn:
    """The one error path: run ``command``, print or write its outcome, exit with its code; a
    ``CoprodError`` becomes ``coprod-check: error: <message>`` and the error's exit code."""
    try:
        outcome = command()
        for note in outcome.notes:
            say(str(note))
        if outcome.output is not None:
            from coprod_check.files.atomic import write_atomic  # tempfile: only to write a file

            write_atomic(outcome.output, outcome.report, overwrite=outcome.overwrite)
            say(f"wrote {outcome.output}")
        else:
            _print(outcome.report)
    except CoprodError as error:
        for note in error.notes:
            say(str(note))
        say(f"error: {error}")
        raise typer.Exit(error.exit_code) from None
    for finding in outcome.findings:
        say(str(finding))
    raise typer.Exit(outcome.exit_code)


def say(text: str) -> None:
    """One line on standard error; control characters from user text shown, never sent raw."""
    from coprod_check.render.safe_text import neutralise

    typer.echo(f"coprod-check: {neutralise(text)}", err=True)


def _print(report: str | bytes) -> None:
    """Write a report to standard output now; a full disk is a one-line error, exit 2.

    Control characters (from user text) are shown as escapes; colour codes stay. Bytes (an
    office file sent down a pipe) go out as they are."""
    from coprod_check.render.safe_text import neutralise_coloured

    try:
        if isinstance(report, bytes):
            sys.stdout.buffer.write(report)
        else:
            typer.echo(neutralise_coloured(report), nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        from coprod_check.errors import InputError

        reason = (error.strerror or str(error)).rstrip(".")
        reason = reason[:1].lower() + reason[1:]
        raise InputError(f"cannot write to standard output: {reason}") from None


@app.command(epilog=e.TEMPLATE_EPILOG)
def template(
    bank: h.OnlyBanksOption = None, output: h.OutputOption = None, force: h.ForceOption = False
) -> None:
    """Write a blank answers file: every question, its options and guidance as comments."""
    from coprod_check.answers.command import template_command

    deliver(lambda: template_command(bank or [], output, force))


@app.command(epilog=e.QUESTIONNAIRE_EPILOG)
def questionnaire(
    bank: h.OnlyBanksOption = None,
    fmt: h.HandoutFormatOption = HandoutFormat.MARKDOWN,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
) -> None:
    """Print the questions as a handout to answer on paper: tick boxes and space for notes."""
    from coprod_check.answers.command import questionnaire_command

    deliver(lambda: questionnaire_command(bank or [], fmt, output, force))


@app.command(epilog=e.SCORE_EPILOG)
def score(
    answers: h.AnswersArgument,
    bank: h.BanksOption = None,
    fmt: h.ReportFormatOption = None,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
    explain: h.ExplainOption = False,
    show_all: h.AllOption = False,
    fail_below: h.FailBelowOption = None,
    fail_on_blockers: h.FailOnBlockersOption = False,
    plan: h.ScorePlanOption = None,
) -> None:
    """Score an answers file: verdict, level, section scores and what to do next."""
    from coprod_check.scoring.command import score_command

    deliver(
        lambda: score_command(
            answers,
            bank or [],
            fmt,
            output,
            force,
            explain=explain,
            show_all=show_all,
            fail_below=fail_below,
            fail_on_blockers=fail_on_blockers,
            plan=plan,
        )
    )


@app.command(epilog=e.ASSESS_EPILOG)
def assess(
    bank: h.AssessBanksOption = None,
    output: h.AssessOutputOption = None,
    resume: h.ResumeOption = None,
    plain: h.PlainOption = False,
) -> None:
    """Answer the questions one by one in the terminal; every answer is saved at once."""
    from coprod_check.assess.runner import assess as run_assessment

    interactive = sys.stdin.isatty()
    deliver(
        lambda: Outcome(
            exit_code=run_assessment(
                bank or [], output, resume, plain=plain, interactive=interactive
            )
        )
    )


@app.command(epilog=e.COMPARE_EPILOG)
def compare(
    inputs: h.CompareInputsArgument,
    bank: h.BanksOption = None,
    fmt: h.ReportFormatOption = None,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
    allow_bank_change: h.AllowBankChangeOption = False,
    fail_on_regression: h.FailOnRegressionOption = False,
    plan: h.ComparePlanOption = None,
    label: h.LabelOption = None,
) -> None:
    """Compare assessments across improvement cycles: what moved, and was it an improvement?"""
    from coprod_check.compare.command import compare_command

    deliver(
        lambda: compare_command(
            inputs,
            bank or [],
            fmt,
            output,
            force,
            allow_bank_change=allow_bank_change,
            fail_on_regression=fail_on_regression,
            plans=plan or [],
            labels=label or [],
        )
    )


@app.command(epilog=e.AGGREGATE_EPILOG)
def aggregate(
    inputs: h.AggregateInputsArgument,
    bank: h.BanksOption = None,
    mapping: h.MappingOption = None,
    fmt: h.AggregateFormatOption = None,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
    min_group_size: h.MinGroupSizeOption = 3,
    gap_threshold: h.GapThresholdOption = 20.0,
    top: h.TopOption = 5,
    include_notes: h.IncludeNotesOption = False,
    on_error: h.OnErrorOption = "skip",
    progress: h.ProgressOption = None,
    encoding: h.EncodingOption = None,
    date: h.DateOption = None,
) -> None:
    """Workshops and surveys: many respondents, results for everyone and each role group."""
    from coprod_check.aggregate.command import aggregate_command, settings_from_options

    def command() -> Outcome:
        settings = settings_from_options(
            min_group_size=min_group_size,
            gap_threshold=gap_threshold,
            top=top,
            include_notes=include_notes,
            on_error=on_error,
            date=date,
        )
        return aggregate_command(
            inputs, bank or [], mapping, settings, fmt, output, force, progress, encoding
        )

    deliver(command)


@mapping_app.command("draft", epilog=e.DRAFT_EPILOG)
def mapping_draft(
    export: h.ExportArgument,
    bank: h.BanksOption = None,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
    encoding: h.EncodingOption = None,
) -> None:
    """Draft a mapping file for a form export; exit 1 while anything is marked UNMATCHED."""
    from coprod_check.aggregate.command import draft_command

    deliver(lambda: draft_command(export, bank or [], output, force, encoding))


@plan_app.command("draft", epilog=e.PLAN_DRAFT_EPILOG)
def plan_draft(
    source: h.PlanSourceArgument,
    bank: h.BanksOption = None,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
    top: h.PlanTopOption = 5,
    every: h.PlanAllOption = False,
    cycle: h.CycleOption = 1,
) -> None:
    """Draft an action plan (YAML with comments to edit) from an assessment's recommendations."""
    from coprod_check.plan.commands import plan_draft_command

    chosen_top = None if every else top
    deliver(
        lambda: plan_draft_command(source, bank or [], output, force, top=chosen_top, cycle=cycle)
    )


@plan_app.command("status", epilog=e.PLAN_STATUS_EPILOG)
def plan_status(
    plan: h.PlanArgument,
    bank: h.BanksOption = None,
    today: h.TodayOption = None,
    fmt: h.PlanFormatOption = None,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
    fail_on_overdue: h.FailOnOverdueOption = False,
) -> None:
    """List a plan's actions by status, overdue first; or export the plan to Word or Excel."""
    from coprod_check.plan.commands import plan_status_command

    day = today.date() if today is not None else dt.date.today()
    overdue = fail_on_overdue
    deliver(lambda: plan_status_command(plan, bank or [], day, fmt, output, force, overdue))


@app.command(epilog=s.SERVE_EPILOG)
def serve(
    bank: h.OnlyBanksOption = None,
    db: s.DbOption = Path("coprod-workshop.db"),
    role: s.RoleOption = None,
    min_group_size: h.MinGroupSizeOption = 3,
    title: s.TitleOption = "Co-production readiness workshop",
    new: s.NewOption = False,
    closes_in: s.ClosesInOption = None,
    host: s.HostOption = "127.0.0.1",
    port: s.PortOption = 8000,
    behind_https: s.BehindHttpsOption = False,
    public_url: s.PublicUrlOption = None,
    forwarded_allow_ips: s.ForwardedOption = "127.0.0.1",
    rate_limit: s.RateLimitOption = 1200,
) -> None:
    """Run a workshop in the browser: participants answer on their phones, answers kept here."""
    from coprod_check.serve.command import ServeOptions, serve_command

    options = ServeOptions(
        db=db,
        banks=bank or [],
        roles=role or [],
        min_group_size=min_group_size,
        title=title,
        new=new,
        closes_in_hours=closes_in,
        host=host,
        port=port,
        behind_https=behind_https,
        public_url=public_url,
        forwarded_allow_ips=forwarded_allow_ips,
        rate_limit=rate_limit,
    )
    deliver(lambda: serve_command(options, lambda text, err: typer.echo(text, nl=False, err=err)))


@workshop_app.command("close")
def workshop_close(db: s.DbArgument) -> None:
    """Stop a workshop taking answers (everything saved is kept)."""
    from coprod_check.serve.command import close_command

    deliver(lambda: close_command(db))


@workshop_app.command("export")
def workshop_export(
    db: s.DbArgument,
    folder: s.ExportFolderOption = Path("."),
    bank: h.BanksOption = None,
    force: h.ForceOption = False,
) -> None:
    """Write answers files (zip), a CSV for aggregate, results (JSON, HTML), the consensus."""
    from coprod_check.serve.command import export_command

    deliver(lambda: export_command(db, folder, bank or [], force))


@workshop_app.command("delete")
def workshop_delete(db: s.DbArgument, yes: s.YesOption = False) -> None:
    """Delete a workshop database and every answer in it, for good (stop the server first)."""
    from coprod_check.serve.command import delete_command

    deliver(lambda: delete_command(db, confirmed=yes))


@app.command(epilog=e.VALIDATE_EPILOG)
def validate(paths: h.PathsArgument = None, fmt: h.ValidateFormatOption = None) -> None:
    """Check question banks, answers, mapping and plan files: every problem, with file:line:col."""
    from coprod_check.validate.command import validate_command

    deliver(lambda: validate_command(paths or [], fmt))


@app.command(epilog=e.SCHEMA_EPILOG)
def schema(answers: h.SchemaAnswersOption = False, plan: h.SchemaPlanOption = False) -> None:
    """Print the JSON Schema (draft 2020-12) of the bank format, for editors and other tools."""
    from coprod_check.json_schema import render_schema

    deliver(lambda: Outcome(render_schema(answers=answers, plan=plan)))


def main() -> None:
    """Console-script entry point: run the app, never show a traceback for a user's mistake."""
    try:
        app(standalone_mode=True)
    except CoprodError as error:  # raised outside a command body (should not happen)
        say(f"error: {error}")
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        typer.echo("coprod-check: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_USAGE)
    except Exception as error:  # a bug, not a user's mistake: one line, the traceback on request
        if os.environ.get("COPROD_CHECK_DEBUG"):
            raise
        say(
            f"internal error, please report it: {type(error).__name__}: {error} "
            "(set COPROD_CHECK_DEBUG=1 to see the traceback)"
        )
        sys.exit(EXIT_USAGE)

"""One function per command: parse its options, call its package, deliver the outcome.

Each command imports its package inside its own body, so ``coprod-check validate`` never pays
for jinja2, rich or the scoring code.
"""

from __future__ import annotations

import datetime as dt
import sys

from coprod_check.cli import epilogs as e
from coprod_check.cli import options as h
from coprod_check.cli import serve_commands
from coprod_check.cli import serve_options as s
from coprod_check.cli.app import app, mapping_app, plan_app
from coprod_check.cli.deliver import deliver
from coprod_check.errors import Outcome
from coprod_check.files.destination import Destination
from coprod_check.render.formats import HandoutFormat


@app.command(epilog=e.TEMPLATE_EPILOG)
def template(
    bank: h.OnlyBanksOption = None, output: h.OutputOption = None, force: h.ForceOption = False
) -> None:
    """Write a blank answers file: every question, its options and guidance as comments."""
    from coprod_check.answers.command import template_command

    deliver(lambda: template_command(bank or [], Destination(output, force)))


@app.command(epilog=e.QUESTIONNAIRE_EPILOG)
def questionnaire(
    bank: h.OnlyBanksOption = None,
    fmt: h.HandoutFormatOption = HandoutFormat.MARKDOWN,
    output: h.OutputOption = None,
    force: h.ForceOption = False,
) -> None:
    """Print the questions as a handout to answer on paper: tick boxes and space for notes."""
    from coprod_check.answers.command import questionnaire_command

    deliver(lambda: questionnaire_command(bank or [], fmt, Destination(output, force)))


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
            Destination(output, force, fmt),
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
            Destination(output, force, fmt),
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
        to = Destination(output, force, fmt)
        return aggregate_command(inputs, bank or [], mapping, settings, to, progress, encoding)

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

    deliver(lambda: draft_command(export, bank or [], Destination(output, force), encoding))


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
    to = Destination(output, force)
    deliver(lambda: plan_draft_command(source, bank or [], to, top=chosen_top, cycle=cycle))


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
    to = Destination(output, force, fmt)
    deliver(lambda: plan_status_command(plan, bank or [], day, to, fail_on_overdue))


app.command(epilog=s.SERVE_EPILOG)(serve_commands.serve)


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

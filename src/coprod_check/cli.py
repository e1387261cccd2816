"""The command line: parse options, call the core, pick a reporter, map errors to exit codes.

Keep this module thin and its imports light: every command imports what it needs inside its own
function, so ``coprod-check validate`` never pays for jinja2 or the report code.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, NoReturn

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
    pretty_exceptions_enable=False,
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


def _check_output(
    output: Path | None,
    force: bool,
    inputs: list[Path],
    banks: list[str] | None = None,
    refusal: str = "refusing to write the report over an input file",
) -> None:
    """Refuse, before any work, to write over an input or a --bank file, a folder, into a
    missing folder or (without --force) over a file; see :func:`atomic.check_output`.
    Nothing to check when the output goes to standard output."""
    from coprod_check.files.atomic import check_output

    if output is None:
        return
    protected = [*inputs, *(Path(choice) for choice in banks or [] if Path(choice).exists())]
    check_output(output, force=force, inputs=protected, refusal=refusal)


PlanFormat = Literal["text", "json"]

_BANK_HELP = (
    "A bank file (path) to use besides the bundled banks, or the id of a bundled bank. "
    "Repeat for more."
)

# Options several commands share, declared once.
BanksOption = Annotated[
    list[str] | None, typer.Option("--bank", "-b", metavar="ID_OR_PATH", help=_BANK_HELP)
]
OnlyBanksOption = Annotated[
    list[str] | None,
    typer.Option(
        "--bank",
        "-b",
        metavar="ID_OR_PATH",
        help="Only this bank: a bundled bank id or a bank file. Repeat for more. "
        "Default: every bundled bank.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write it here instead of printing it."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="NAME",
        help="The text encoding of CSV exports (utf-8, utf-16, cp1252 for Windows-1252, ...). "
        "Default: told from the file (UTF-8 with or without BOM, UTF-16, Windows-1252).",
        show_default=False,
    ),
]


def _format(fmt: str | None, output: Path | None, formats: tuple[str, ...]) -> str:
    """``--format``, or what ``-o``'s name says; a binary format needs a file or a pipe."""
    from coprod_check.errors import UsageError
    from coprod_check.render.output_format import BINARY_FORMATS, choose_format

    chosen = choose_format(fmt, output, formats)
    if chosen in BINARY_FORMATS and output is None and sys.stdout.isatty():
        raise UsageError(f"--format {chosen} makes a file: give -o report.{chosen}")
    return chosen


def _emit(text: str | bytes, output: Path | None, force: bool) -> None:
    """Print ``text``, or write it to ``output`` atomically and say so on standard error."""
    from coprod_check.files.atomic import write_atomic

    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomic(output, text, overwrite=force)
    typer.echo(f"coprod-check: wrote {output}", err=True)


def _render_any(
    result: object,
    fmt: str,
    explain: bool = False,
    show_all: bool = False,
    output: Path | None = None,
    render: Callable[..., str] | None = None,
) -> str | bytes:
    """The report in ``fmt``: an office file's bytes, or text from the command's renderer."""
    from coprod_check.render.output_format import BINARY_FORMATS

    if fmt in BINARY_FORMATS:
        from coprod_check.render.office.formats import render_result

        return render_result(result, fmt)
    colour = False if output else None
    if render is not None:
        return render(result, fmt, color=colour)
    from coprod_check.scoring.report import render as render_score

    return render_score(result, fmt, explain=explain, show_all=show_all, color=colour)  # type: ignore[arg-type]


_TEMPLATE_EPILOG = """\b
Examples:
  coprod-check template -o answers.yaml
  coprod-check template --bank right-circumstances --bank my-bank.yaml -o answers.yaml

\b
Exit codes: 0 written; 2 the output file exists (use --force), an unknown
bank id, or a bank file that cannot be read (1 if it is read but invalid)."""


@app.command(epilog=_TEMPLATE_EPILOG)
def template(
    bank: OnlyBanksOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Write a blank answers file: every question, its options and guidance as comments."""
    from coprod_check.answers.loader import select_banks
    from coprod_check.answers.template import render_template

    try:
        _check_output(output, force, [], bank, "refusing to write the template over a bank file")
        _emit(render_template(select_banks(bank or [])), output, force)
    except CoprodError as error:
        fail(error)


_QUESTIONNAIRE_EPILOG = """\b
Examples:
  coprod-check questionnaire > handout.md
  coprod-check questionnaire -f html -o handout.html
  coprod-check questionnaire --bank right-circumstances -f html -o inett.html

\b
Exit codes: 0 written; 2 the output file exists (use --force) or is a bank
file, an unknown bank id or format, or a bank file that cannot be read (1 if
it is read but invalid)."""


@app.command(epilog=_QUESTIONNAIRE_EPILOG)
def questionnaire(
    bank: OnlyBanksOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="markdown or html (one printable page).")
    ] = "markdown",
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print the questions as a handout to answer on paper: tick boxes and space for notes."""
    from coprod_check.answers.handout import HANDOUT_FORMATS, render_handout
    from coprod_check.answers.loader import select_banks
    from coprod_check.errors import UsageError

    try:
        if fmt not in HANDOUT_FORMATS:
            raise UsageError(f"--format {fmt}: choose one of: {', '.join(HANDOUT_FORMATS)}")
        _check_output(output, force, [], bank, "refusing to write the handout over a bank file")
        _emit(render_handout(select_banks(bank or []), fmt), output, force)
    except CoprodError as error:
        fail(error)


_SCORE_EPILOG = """\b
Examples:
  coprod-check score answers.yaml
  coprod-check score answers.yaml --explain --all
  coprod-check score answers.yaml -f html -o report.html
  coprod-check score answers.yaml -f json --fail-below descriptive --fail-on-blockers

\b
Exit codes: 0 scored (whatever the verdict); 1 the answers file is invalid
(unknown question, answer not on its scale, bank not loaded, ...) or the
result falls short of --fail-below / --fail-on-blockers (the report is still
written); 2 a file cannot be read (missing, empty, not YAML), the output
exists without --force or is an input file, or bad usage."""


@app.command(epilog=_SCORE_EPILOG)
def score(
    answers: Annotated[Path, typer.Argument(metavar="ANSWERS", help="The answers file to score.")],
    bank: BanksOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text, json, markdown, html, docx (Word) or xlsx (Excel). Default: what the "
            "-o file's name ends in, else text.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show which answers and rules led to each result.")
    ] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every recommendation, not only the first five.")
    ] = False,
    fail_below: Annotated[
        str | None,
        typer.Option(
            "--fail-below",
            metavar="LEVEL",
            help="Exit 1 if the level is below LEVEL (none, descriptive, intermediate, "
            "transformative).",
        ),
    ] = None,
    fail_on_blockers: Annotated[
        bool, typer.Option("--fail-on-blockers", help="Exit 1 if any blocker red flag is raised.")
    ] = False,
) -> None:
    """Score an answers file: verdict, level, section scores and what to do next."""
    from coprod_check.answers.loader import available_banks, read_answers
    from coprod_check.errors import EXIT_FINDINGS
    from coprod_check.scoring.engine import score as score_answers
    from coprod_check.scoring.gates import parse_level, shortfalls
    from coprod_check.scoring.report import FORMATS

    try:
        out_fmt = _format(fmt, output, (*FORMATS, "docx", "xlsx"))
        _check_output(
            output,
            force,
            [answers],
            bank,
            "refusing to write the report over an input file (answers or bank)",
        )
        loaded = read_answers(answers, available_banks(bank or []))
        level = parse_level(fail_below, loaded.banks) if fail_below is not None else None
        for warning in loaded.warnings:
            typer.echo(f"coprod-check: {warning}", err=True)
        result = score_answers(loaded.banks, loaded.answers)
        _emit(_render_any(result, out_fmt, explain, show_all, output), output, force)
    except CoprodError as error:
        fail(error)
    reasons = shortfalls(result, loaded.banks, level, fail_on_blockers)
    for reason in reasons:
        typer.echo(f"coprod-check: falls short: {reason}", err=True)
    if reasons:
        raise typer.Exit(EXIT_FINDINGS)


_ASSESS_EPILOG = """\b
Examples:
  coprod-check assess -o answers.yaml
  coprod-check assess --bank right-circumstances -o inett.yaml --plain
  coprod-check assess --resume answers.yaml

\b
Keys: a number or option id answers; ? don't know; s skip; b back; n note;
j N or j question-id jump; q quit (saved); h help. Every answer is saved at
once. Exit codes: 0 finished or quit; 1 a --resume file with wrong content;
2 not a terminal, the output exists (use --resume), unreadable input;
130 interrupted with Ctrl-C (answers kept; the message says how to resume)."""


@app.command(epilog=_ASSESS_EPILOG)
def assess(
    bank: Annotated[
        list[str] | None,
        typer.Option(
            "--bank",
            "-b",
            metavar="ID_OR_PATH",
            help="Ask only this bank: a bundled bank id or a bank file. Repeat for more. "
            "Default: every bundled bank. With --resume: bank files the answers need.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Save the answers here (default answers.yaml); never replaces a file.",
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume",
            metavar="ANSWERS",
            help="Carry on with this answers file from its first unanswered question.",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain", help="Plain numbered prompts, no colour or bars (for screen readers)."
        ),
    ] = False,
) -> None:
    """Answer the questions one by one in the terminal; every answer is saved at once."""
    from coprod_check.assess.runner import assess as run_assessment

    try:
        code = run_assessment(
            bank or [], output, resume, plain=plain, interactive=sys.stdin.isatty()
        )
    except CoprodError as error:
        fail(error)
    raise typer.Exit(code)


_COMPARE_EPILOG = """\b
Examples:
  coprod-check compare jan.yaml apr.yaml jul.yaml
  coprod-check compare jan-result.json apr.yaml -f html -o progress.html
  coprod-check compare jan.json jul.json --fail-on-regression

\b
Exit codes: 0 done; 1 a regression with --fail-on-regression, or an input
with wrong content; 2 unreadable input, bad usage, or questions that changed
between inputs without --allow-bank-change."""


@app.command(epilog=_COMPARE_EPILOG)
def compare(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT",
            help="Two or more answers files or JSON results saved from score or aggregate. "
            "They are put in order by the dates they carry, or else taken in the order given.",
        ),
    ],
    bank: BanksOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text, json, markdown, html, docx or xlsx. Default: what the -o file's name "
            "ends in, else text.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    allow_bank_change: Annotated[
        bool,
        typer.Option(
            "--allow-bank-change",
            help="When the questions differ between inputs, compare only the questions they "
            "share (the report says which were left out) instead of stopping.",
        ),
    ] = False,
    fail_on_regression: Annotated[
        bool,
        typer.Option(
            "--fail-on-regression",
            help="Exit 1 if, from the previous input to the latest, the level drops, the "
            "verdict worsens or a new blocker red flag appears.",
        ),
    ] = False,
) -> None:
    """Compare assessments across improvement cycles: what moved, and was it an improvement?"""
    from coprod_check.answers.loader import available_banks
    from coprod_check.compare.engine import compare as compare_points
    from coprod_check.compare.inputs import load_points
    from coprod_check.compare.report import FORMATS, render
    from coprod_check.errors import EXIT_FINDINGS, UsageError

    try:
        out_fmt = _format(fmt, output, (*FORMATS, "docx", "xlsx"))
        if len(inputs) < 2:
            raise UsageError("compare needs at least two inputs, earlier and later")
        _check_output(output, force, inputs, bank)
        chosen = available_banks(bank) if bank else None
        points = load_points(
            [str(path) for path in inputs],
            lambda: chosen if chosen is not None else available_banks([]),
        )
        for warning in (text for point in points for text in point.warnings):
            typer.echo(f"coprod-check: {warning}", err=True)
        result = compare_points(
            points, allow_bank_change=allow_bank_change, tool_version=__version__
        )
        _emit(_render_any(result, out_fmt, output=output, render=render), output, force)
    except CoprodError as error:
        fail(error)
    if fail_on_regression and result.regressions:
        for regression in result.regressions:
            typer.echo(f"coprod-check: regression: {regression}", err=True)
        raise typer.Exit(EXIT_FINDINGS)


_AGGREGATE_EPILOG = """\b
Examples:
  coprod-check aggregate workshop/*.yaml
  coprod-check aggregate survey.csv --mapping survey-mapping.yaml -f html -o results.html
  coprod-check mapping draft survey.csv -o survey-mapping.yaml

\b
Exit codes: 0 done; 1 bad rows were skipped (the report and standard error
list them), a bad row stopped the run (--on-error fail) or the mapping file
is invalid; 2 an input cannot be read (missing, empty, header only, a byte
its encoding cannot hold) or bad usage."""


@app.command(epilog=_AGGREGATE_EPILOG)
def aggregate(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT...",
            help="Answers files (.yaml, one respondent each) and form exports (.csv or Excel "
            ".xlsx, one respondent per row; columns for question ids, role and respondent).",
        ),
    ],
    bank: BanksOption = None,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            "-m",
            help="A mapping file from form headers, answer labels and roles to coprod-check "
            "ids (draft one with 'coprod-check mapping draft').",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text, json, csv, markdown, html, docx or xlsx. Default: what the -o file's "
            "name ends in, else text.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    min_group_size: Annotated[
        int,
        typer.Option(
            "--min-group-size",
            metavar="K",
            help="Role groups with fewer respondents are not shown on their own (privacy).",
        ),
    ] = 3,
    gap_threshold: Annotated[
        float,
        typer.Option(
            "--gap-threshold",
            metavar="POINTS",
            help="Report a perception gap when one group scores a section this many points "
            "(0-100) higher than another.",
        ),
    ] = 20.0,
    top: Annotated[
        int, typer.Option("--top", metavar="N", help="How many most-disputed questions to list.")
    ] = 5,
    include_notes: Annotated[
        bool,
        typer.Option("--include-notes", help="Put free-text notes in the report (off: privacy)."),
    ] = False,
    on_error: Annotated[
        str,
        typer.Option(
            "--on-error",
            metavar="skip|fail",
            help="A bad row: skip it (listed in the report; exit 1) or stop at it (exit 1).",
        ),
    ] = "skip",
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show a progress bar on standard error. Default: when it is a terminal.",
            show_default=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
) -> None:
    """Workshops and surveys: many respondents, results for everyone and each role group."""
    from coprod_check.aggregate.command import run_aggregate, settings_from_options
    from coprod_check.aggregate.progress import progress_bar, wants_progress
    from coprod_check.aggregate.report import FORMATS, render
    from coprod_check.errors import EXIT_FINDINGS

    try:
        out_fmt = _format(fmt, output, (*FORMATS, "docx", "xlsx"))
        settings = settings_from_options(
            min_group_size=min_group_size,
            gap_threshold=gap_threshold,
            top=top,
            include_notes=include_notes,
            on_error=on_error,
        )
        _check_output(output, force, [*inputs, *([mapping] if mapping else [])], bank)
        with progress_bar(wants_progress(progress)) as on_progress:
            result = run_aggregate(inputs, bank or [], mapping, settings, on_progress, encoding)
        for warning in result.warnings:
            typer.echo(f"coprod-check: warning: {warning}", err=True)
        _emit(_render_any(result, out_fmt, output=output, render=render), output, force)
    except CoprodError as error:
        fail(error)
    if result.rows_skipped:
        for problem in result.problems:
            where = f"{problem.path}:{problem.row}" if problem.row else problem.path
            typer.echo(f"coprod-check: skipped: {where}: {problem.message}", err=True)
        more = result.rows_skipped - len(result.problems)
        if more:
            typer.echo(f"coprod-check: skipped {more} more bad rows (not listed)", err=True)
        raise typer.Exit(EXIT_FINDINGS)


mapping_app = typer.Typer(
    help="Mapping files: from a form export's headers, labels and roles to coprod-check ids.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(mapping_app, name="mapping")


_DRAFT_EPILOG = """\b
Examples:
  coprod-check mapping draft survey.csv -o survey-mapping.yaml
  coprod-check aggregate survey.csv --mapping survey-mapping.yaml

\b
Exit codes: 0 everything matched; 1 something is marked UNMATCHED (the draft
is still written); 2 unreadable input or the output exists (use --force)."""


@mapping_app.command("draft", epilog=_DRAFT_EPILOG)
def mapping_draft(
    export: Annotated[
        Path, typer.Argument(help="The export of a form or survey (.csv or Excel .xlsx).")
    ],
    bank: BanksOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    encoding: EncodingOption = None,
) -> None:
    """Draft a mapping file for a form export; exit 1 while anything is marked UNMATCHED."""
    from coprod_check.aggregate.command import run_draft
    from coprod_check.errors import EXIT_FINDINGS

    try:
        _check_output(
            output, force, [export], bank, "refusing to write the mapping over an input file"
        )
        draft = run_draft(export, bank or [], encoding)
        _emit(draft.text, output, force)
    except CoprodError as error:
        fail(error)
    if draft.unmatched:
        typer.echo(
            f"coprod-check: {draft.unmatched} item(s) marked UNMATCHED: decide each before "
            "using the mapping",
            err=True,
        )
        raise typer.Exit(EXIT_FINDINGS)


plan_app = typer.Typer(
    help="Action plans: from an assessment's recommendations to owners, due dates and measures, "
    "cycle by cycle (the Model for Improvement).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(plan_app, name="plan")

_PLAN_DRAFT_EPILOG = """\b
Examples:
  coprod-check plan draft answers.yaml -o plan.yaml
  coprod-check plan draft workshop-result.json --all -o plan.yaml
  coprod-check plan status plan.yaml

\b
Exit codes: 0 written; 1 the input's content is wrong; 2 unreadable input,
the output exists (use --force) or bad usage."""


@plan_app.command("draft", epilog=_PLAN_DRAFT_EPILOG)
def plan_draft(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="ANSWERS_OR_RESULT",
            help="An answers file, or a JSON result saved from score or aggregate.",
        ),
    ],
    bank: BanksOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    top: Annotated[
        int, typer.Option("--top", metavar="N", help="Make actions of the first N recommendations.")
    ] = 5,
    every: Annotated[
        bool, typer.Option("--all", help="Make an action of every recommendation.")
    ] = False,
    cycle: Annotated[
        int, typer.Option("--cycle", metavar="N", help="The improvement cycle the actions are for.")
    ] = 1,
) -> None:
    """Draft an action plan (YAML with comments to edit) from an assessment's recommendations."""
    from coprod_check.plan.commands import run_draft

    try:
        _check_output(
            output, force, [source], bank, "refusing to write the plan over an input file"
        )
        draft = run_draft(source, bank or [], top=None if every else top, cycle=cycle)
        for warning in draft.warnings:
            typer.echo(f"coprod-check: {warning}", err=True)
        _emit(draft.text, output, force)
    except CoprodError as error:
        fail(error)


_PLAN_STATUS_EPILOG = """\b
Examples:
  coprod-check plan status plan.yaml
  coprod-check plan status plan.yaml --today 2026-12-01 --fail-on-overdue

\b
Exit codes: 0 listed; 1 the plan is invalid, or an action is overdue with
--fail-on-overdue; 2 unreadable input or bad usage."""


@plan_app.command("status", epilog=_PLAN_STATUS_EPILOG)
def plan_status(
    plan: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file.")],
    bank: BanksOption = None,
    today: Annotated[
        dt.datetime | None,
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            formats=["%Y-%m-%d"],
            help="The day to count overdue actions from. Default: today.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[PlanFormat, typer.Option("--format", "-f", help="text or json.")] = "text",
    fail_on_overdue: Annotated[
        bool, typer.Option("--fail-on-overdue", help="Exit 1 if any action is overdue.")
    ] = False,
) -> None:
    """List a plan's actions by status, overdue first."""
    from coprod_check.errors import EXIT_FINDINGS
    from coprod_check.plan.commands import run_status
    from coprod_check.plan.report import render_status

    day = today.date() if today is not None else dt.date.today()
    try:
        outcome = run_status(plan, bank or [], day)
    except CoprodError as error:
        fail(error)
    for warning in outcome.warnings:
        typer.echo(f"coprod-check: {warning}", err=True)
    typer.echo(render_status(outcome.status, fmt), nl=False)
    overdue = outcome.status.groups["overdue"]
    if fail_on_overdue and overdue:
        for state in overdue:
            typer.echo(
                f"coprod-check: overdue: {state.action.id} was due {state.action.due}", err=True
            )
        raise typer.Exit(EXIT_FINDINGS)


_VALIDATE_EPILOG = """\b
Examples:
  coprod-check validate                      # the bundled banks
  coprod-check validate my-bank.yaml answers/
  coprod-check validate --format json banks/ > report.json

\b
Exit codes: 0 every file valid (warnings, such as ids another bank uses, are
allowed); 1 errors found (YAML syntax included); 2 a path cannot be read
(missing, binary, not UTF-8, too large) or bad usage.
In GitHub Actions (GITHUB_ACTIONS=true) the default format is github."""


@app.command(epilog=_VALIDATE_EPILOG)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Bank, answers, mapping or plan files, or folders to search for *.yaml / *.yml. "
            "Default: the bundled banks.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text, json or github (annotations). Default: text, or github in GitHub Actions.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check question banks, answers, mapping and plan files: every problem, with file:line:col."""
    import os

    from coprod_check.errors import UsageError
    from coprod_check.validate.output import FORMATS, render
    from coprod_check.validate.run import validate_bundled, validate_paths

    try:
        chosen = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
        if chosen not in FORMATS:
            raise UsageError(f"--format {chosen}: choose one of: {', '.join(FORMATS)}")
        report = validate_paths(paths) if paths else validate_bundled()
    except CoprodError as error:
        fail(error)
    typer.echo(render(report, chosen), nl=False)  # type: ignore[arg-type]
    raise typer.Exit(report.exit_code)


_SCHEMA_EPILOG = """\b
Examples:
  coprod-check schema > coprod-bank.schema.json
  coprod-check schema --answers > coprod-answers.schema.json
  coprod-check schema --plan > coprod-plan.schema.json

\b
The schema covers fields and types only; references between ids, thresholds
and red flags need coprod-check validate."""


@app.command(epilog=_SCHEMA_EPILOG)
def schema(
    answers: Annotated[
        bool,
        typer.Option("--answers", help="The schema of answers files instead of banks."),
    ] = False,
    plan: Annotated[
        bool, typer.Option("--plan", help="The schema of action plans instead of banks.")
    ] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the bank format, for editors and other tools."""
    from coprod_check.json_schema import render_schema

    try:
        typer.echo(render_schema(answers=answers, plan=plan), nl=False)
    except CoprodError as error:
        fail(error)


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
    except Exception as error:  # a bug, not a user's mistake: one line, the traceback on request
        if os.environ.get("COPROD_CHECK_DEBUG"):
            raise
        typer.echo(
            f"coprod-check: internal error, please report it: {type(error).__name__}: {error} "
            "(set COPROD_CHECK_DEBUG=1 to see the traceback)",
            err=True,
        )
        sys.exit(EXIT_USAGE)

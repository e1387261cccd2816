"""Every option and argument of the command line, with its help text, declared once.

Kept apart from the command wiring so that it stays short and readable. Format options
are enums (:mod:`coprod_check.render.formats`): ``--help`` lists the choices and typer itself
refuses a bad value with exit code 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from coprod_check.render.formats import (
    AggregateFormat,
    HandoutFormat,
    PlanFormat,
    ReportFormat,
    ValidateFormat,
)


def _show_version(value: bool) -> None:
    if value:
        from coprod_check import __version__

        typer.echo(f"coprod-check {__version__}")
        raise typer.Exit(0)


VersionOption = Annotated[
    bool,
    typer.Option(
        "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
    ),
]
BanksOption = Annotated[
    list[str] | None,
    typer.Option(
        "--bank",
        "-b",
        metavar="ID_OR_PATH",
        help="A bank file (path) to use besides the bundled banks, or the id of a bundled bank. "
        "Repeat for more.",
    ),
]
OnlyBanksOption = Annotated[
    list[str] | None,
    typer.Option(
        "--bank",
        "-b",
        metavar="ID_OR_PATH",
        help="Only this bank: a bundled bank id or a bank file. Repeat for more. "
        "Default: the bundled banks answered by default.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write it here instead of printing it."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
_FROM_OUTPUT = "Default: what the -o file's name ends in, else text."
ReportFormatOption = Annotated[
    ReportFormat | None,
    typer.Option("--format", "-f", help=f"Report format. {_FROM_OUTPUT}", show_default=False),
]
HandoutFormatOption = Annotated[
    HandoutFormat, typer.Option("--format", "-f", help="One printable page.")
]
AggregateFormatOption = Annotated[
    AggregateFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Report format (csv for spreadsheets). {_FROM_OUTPUT}",
        show_default=False,
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="The date of this cycle (saved in the JSON, for compare). Default: the latest date "
        "of the answers files, if any.",
        show_default=False,
    ),
]
LabelOption = Annotated[
    list[str] | None,
    typer.Option(
        "--label",
        "-l",
        metavar="LABEL",
        help="A name for each cycle, once per input in the same order (e.g. --label 'Jan 2026' "
        "--label 'Apr 2026'). Default: the file names.",
    ),
]
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
ValidateFormatOption = Annotated[
    ValidateFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="github gives annotations. Default: text, or github in GitHub Actions.",
        show_default=False,
    ),
]

# score
AnswersArgument = Annotated[
    Path, typer.Argument(metavar="ANSWERS", help="The answers file to score.")
]
ExplainOption = Annotated[
    bool, typer.Option("--explain", help="Show which answers and rules led to each result.")
]
AllOption = Annotated[
    bool, typer.Option("--all", help="List every recommendation, not only the first five.")
]
FailBelowOption = Annotated[
    str | None,
    typer.Option(
        "--fail-below",
        metavar="LEVEL",
        help="Exit 1 if the level is below LEVEL (none, descriptive, intermediate, "
        "transformative).",
    ),
]
FailOnBlockersOption = Annotated[
    bool, typer.Option("--fail-on-blockers", help="Exit 1 if any blocker red flag is raised.")
]

# assess
AssessBanksOption = Annotated[
    list[str] | None,
    typer.Option(
        "--bank",
        "-b",
        metavar="ID_OR_PATH",
        help="Ask only this bank: a bundled bank id or a bank file. Repeat for more. "
        "Default: the bundled banks answered by default. With --resume: bank files the "
        "answers need.",
    ),
]
AssessOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Save the answers here (default answers.yaml); never replaces a file.",
    ),
]
ResumeOption = Annotated[
    Path | None,
    typer.Option(
        "--resume",
        metavar="ANSWERS",
        help="Carry on with this answers file from its first unanswered question.",
    ),
]
PlainOption = Annotated[
    bool,
    typer.Option("--plain", help="Plain numbered prompts, no colour or bars (for screen readers)."),
]

# compare
CompareInputsArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="INPUT",
        help="Two or more answers files or JSON results saved from score or aggregate. "
        "They are put in order by the dates they carry, or else taken in the order given.",
    ),
]
AllowBankChangeOption = Annotated[
    bool,
    typer.Option(
        "--allow-bank-change",
        help="When the questions differ between inputs, compare only the questions they "
        "share (the report says which were left out) instead of stopping.",
    ),
]
FailOnRegressionOption = Annotated[
    bool,
    typer.Option(
        "--fail-on-regression",
        help="Exit 1 if, from the previous input to the latest, the level drops, the "
        "verdict worsens or a new blocker red flag appears.",
    ),
]

# aggregate and mapping draft
AggregateInputsArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="INPUT...",
        help="Answers files (.yaml, one respondent each) and form exports (.csv or Excel "
        ".xlsx, one respondent per row; columns for question ids, role and respondent).",
    ),
]
MappingOption = Annotated[
    Path | None,
    typer.Option(
        "--mapping",
        "-m",
        help="A mapping file from form headers, answer labels and roles to coprod-check "
        "ids (draft one with 'coprod-check mapping draft').",
    ),
]
MinGroupSizeOption = Annotated[
    int,
    typer.Option(
        "--min-group-size",
        metavar="K",
        help="Role groups with fewer respondents are not shown on their own (privacy).",
    ),
]
GapThresholdOption = Annotated[
    float,
    typer.Option(
        "--gap-threshold",
        metavar="POINTS",
        help="Report a perception gap when one group scores a section this many points "
        "(0-100) higher than another.",
    ),
]
TopOption = Annotated[
    int, typer.Option("--top", metavar="N", help="How many most-disputed questions to list.")
]
IncludeNotesOption = Annotated[
    bool,
    typer.Option("--include-notes", help="Put free-text notes in the report (off: privacy)."),
]
OnErrorOption = Annotated[
    str,
    typer.Option(
        "--on-error",
        metavar="skip|fail",
        help="A bad row: skip it (listed in the report; exit 1) or stop at it (exit 1).",
    ),
]
ProgressOption = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Show a progress bar on standard error. Default: when it is a terminal.",
        show_default=False,
    ),
]
ExportArgument = Annotated[
    Path, typer.Argument(help="The export of a form or survey (.csv or Excel .xlsx).")
]

# plan draft and plan status
PlanSourceArgument = Annotated[
    Path,
    typer.Argument(
        metavar="ANSWERS_OR_RESULT",
        help="An answers file, or a JSON result saved from score or aggregate.",
    ),
]
PlanTopOption = Annotated[
    int, typer.Option("--top", metavar="N", help="Make actions of the first N recommendations.")
]
PlanAllOption = Annotated[
    bool, typer.Option("--all", help="Make an action of every recommendation.")
]
CycleOption = Annotated[
    int, typer.Option("--cycle", metavar="N", help="The improvement cycle the actions are for.")
]
PlanArgument = Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file.")]
TodayOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="The day to count overdue actions from. Default: today.",
        show_default=False,
    ),
]
PlanFormatOption = Annotated[
    PlanFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Status format, or docx / xlsx to export the plan. {_FROM_OUTPUT}",
        show_default=False,
    ),
]
ScorePlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        metavar="PLAN",
        help="An action plan to show in the summary and beside each recommendation.",
    ),
]
ComparePlanOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--plan",
        metavar="PLAN",
        help="An action plan to line up with the cycles (plan files among the inputs are "
        "recognised too). Repeat for more.",
    ),
]
FailOnOverdueOption = Annotated[
    bool, typer.Option("--fail-on-overdue", help="Exit 1 if any action is overdue.")
]

# validate and schema
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help="Bank, answers, mapping or plan files, or folders to search for *.yaml / *.yml. "
        "Default: the bundled banks.",
        show_default=False,
    ),
]
SchemaAnswersOption = Annotated[
    bool, typer.Option("--answers", help="The schema of answers files instead of banks.")
]
SchemaPlanOption = Annotated[
    bool, typer.Option("--plan", help="The schema of action plans instead of banks.")
]

"""What ``--help`` says: every option and argument with its help, each command's examples and
exit codes.

Kept apart from ``cli.py`` so that the command wiring stays short and readable. Format options
are enums (:mod:`coprod_check.render.formats`): ``--help`` lists the choices and typer itself
refuses a bad value with exit code 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_check.render.formats import AggregateFormat, HandoutFormat, ReportFormat, ValidateFormat

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
        "Default: every bundled bank.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write it here instead of printing it."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")]
HandoutFormatOption = Annotated[
    HandoutFormat, typer.Option("--format", "-f", help="One printable page.")
]
AggregateFormatOption = Annotated[
    AggregateFormat, typer.Option("--format", "-f", help="Report format (csv for spreadsheets).")
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
        "Default: every bundled bank. With --resume: bank files the answers need.",
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
        help="Answers files (.yaml, one respondent each) and CSV exports (.csv, one "
        "respondent per row; columns for question ids, role and respondent).",
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
ExportArgument = Annotated[Path, typer.Argument(help="The CSV export of a form or survey.")]

# validate and schema
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help="Bank, answers or mapping files, or folders to search for *.yaml / *.yml. "
        "Default: the bundled banks.",
        show_default=False,
    ),
]
SchemaAnswersOption = Annotated[
    bool, typer.Option("--answers", help="The schema of answers files instead of banks.")
]

TEMPLATE_EPILOG = """\b
Examples:
  coprod-check template -o answers.yaml
  coprod-check template --bank right-circumstances --bank my-bank.yaml -o answers.yaml

\b
Exit codes: 0 written; 2 the output file exists (use --force), an unknown
bank id, or a bank file that cannot be read (1 if it is read but invalid)."""

QUESTIONNAIRE_EPILOG = """\b
Examples:
  coprod-check questionnaire > handout.md
  coprod-check questionnaire -f html -o handout.html
  coprod-check questionnaire --bank right-circumstances -f html -o inett.html

\b
Exit codes: 0 written; 2 the output file exists (use --force) or is a bank
file, an unknown bank id or format, or a bank file that cannot be read (1 if
it is read but invalid)."""

SCORE_EPILOG = """\b
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

ASSESS_EPILOG = """\b
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

COMPARE_EPILOG = """\b
Examples:
  coprod-check compare jan.yaml apr.yaml jul.yaml
  coprod-check compare jan-result.json apr.yaml -f html -o progress.html
  coprod-check compare jan.json jul.json --fail-on-regression

\b
Exit codes: 0 done; 1 a regression with --fail-on-regression, or an input
with wrong content; 2 unreadable input, bad usage, or questions that changed
between inputs without --allow-bank-change."""

AGGREGATE_EPILOG = """\b
Examples:
  coprod-check aggregate workshop/*.yaml
  coprod-check aggregate survey.csv --mapping survey-mapping.yaml -f html -o results.html
  coprod-check mapping draft survey.csv -o survey-mapping.yaml

\b
Exit codes: 0 done; 1 bad rows were skipped (the report and standard error
list them), a bad row stopped the run (--on-error fail) or the mapping file
is invalid; 2 an input cannot be read (missing, empty, header only, not
UTF-8) or bad usage."""

DRAFT_EPILOG = """\b
Examples:
  coprod-check mapping draft survey.csv -o survey-mapping.yaml
  coprod-check aggregate survey.csv --mapping survey-mapping.yaml

\b
Exit codes: 0 everything matched; 1 something is marked UNMATCHED (the draft
is still written); 2 unreadable input or the output exists (use --force)."""

VALIDATE_EPILOG = """\b
Examples:
  coprod-check validate                      # the bundled banks
  coprod-check validate my-bank.yaml answers/
  coprod-check validate --format json banks/ > report.json

\b
Exit codes: 0 every file valid (warnings, such as ids another bank uses, are
allowed); 1 errors found (YAML syntax included); 2 a path cannot be read
(missing, binary, not UTF-8, too large) or bad usage.
In GitHub Actions (GITHUB_ACTIONS=true) the default format is github."""

SCHEMA_EPILOG = """\b
Examples:
  coprod-check schema > coprod-bank.schema.json
  coprod-check schema --answers > coprod-answers.schema.json

\b
The schema covers fields and types only; references between ids, thresholds
and red flags need coprod-check validate."""

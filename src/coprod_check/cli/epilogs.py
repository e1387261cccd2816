"""What each command's ``--help`` ends with: examples and exit codes."""

APP_HELP = (
    "Is your team ready to co-produce a service with the people who use it? "
    "A self-assessment built on Malby (2014), Inett's right circumstances and "
    "Needham & Carr's (2009) levels of co-production."
)
MAPPING_HELP = "Mapping files: from a form export's headers, labels and roles to coprod-check ids."
PLAN_HELP = (
    "Action plans: from an assessment's recommendations to owners, due dates and measures, "
    "cycle by cycle (the Model for Improvement)."
)


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
  coprod-check score answers.yaml --plan plan.yaml

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
  coprod-check compare jan.yaml apr.yaml jul.yaml plan.yaml

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
is invalid; 2 an input cannot be read (missing, empty, header only, a byte
its encoding cannot hold) or bad usage."""

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
  coprod-check schema --plan > coprod-plan.schema.json

\b
The schema covers fields and types only; references between ids, thresholds
and red flags need coprod-check validate."""

PLAN_DRAFT_EPILOG = """\b
Examples:
  coprod-check plan draft answers.yaml -o plan.yaml
  coprod-check plan draft workshop-result.json --all -o plan.yaml
  coprod-check plan status plan.yaml

\b
Exit codes: 0 written; 1 the input's content is wrong; 2 unreadable input,
the output exists (use --force) or bad usage."""

PLAN_STATUS_EPILOG = """\b
Examples:
  coprod-check plan status plan.yaml
  coprod-check plan status plan.yaml --today 2026-12-01 --fail-on-overdue
  coprod-check plan status plan.yaml -o plan.docx      # or plan.xlsx

\b
Exit codes: 0 listed; 1 the plan is invalid, or an action is overdue with
--fail-on-overdue; 2 unreadable input or bad usage."""

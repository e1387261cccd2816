"""``coprod-check aggregate`` and ``mapping draft``: everything between parsing and delivering.

Kept out of ``cli`` so the command line stays thin; nothing here prints or exits (the progress
bar, when asked for, draws on standard error).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.aggregate.bank_index import BankIndex
from coprod_check.aggregate.ingest import ON_ERROR, Ingest, OnError, Progress
from coprod_check.aggregate.mapping_draft import Draft, draft_mapping
from coprod_check.aggregate.result import AggregateResult, Settings
from coprod_check.errors import Outcome, UsageError

if TYPE_CHECKING:
    from coprod_check.files.destination import Destination


def settings_from_options(
    *,
    min_group_size: int,
    gap_threshold: float,
    top: int,
    include_notes: bool,
    on_error: str,
    date: str | None = None,
) -> Settings:
    """Checked settings; a usage error names the option that is out of range."""
    if on_error not in ON_ERROR:
        raise UsageError(f"--on-error {on_error}: choose one of: {', '.join(ON_ERROR)}")
    if min_group_size < 1:
        raise UsageError("--min-group-size must be at least 1")
    if not 0 < gap_threshold <= 100:
        raise UsageError("--gap-threshold must be more than 0 and at most 100 (points)")
    if top < 0:
        raise UsageError("--top must be 0 or more")
    return Settings(
        min_group_size=min_group_size,
        gap_threshold=gap_threshold,
        top_disagreements=top,
        include_notes=include_notes,
        on_error=on_error,
        date=_checked_date(date),
    )


def _checked_date(text: str | None) -> str | None:
    """``--date``: a real calendar date, as YYYY-MM-DD."""
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise UsageError(f"--date {text}: give the cycle's date as YYYY-MM-DD") from None


def run_aggregate(
    inputs: Sequence[Path],
    bank_choices: Sequence[str],
    mapping_path: Path | None,
    settings: Settings,
    progress: Progress | None = None,
    encoding: str | None = None,
) -> AggregateResult:
    """Load banks and the mapping, stream every input, and aggregate. ``encoding``: of every
    CSV (as given to ``--encoding``; None: detected)."""
    from coprod_check.aggregate.encodings import check_encoding
    from coprod_check.aggregate.engine import aggregate
    from coprod_check.aggregate.mapping import load_mapping
    from coprod_check.answers.loader import available_banks

    if not inputs:
        raise UsageError("give at least one answers file or CSV export")
    codec = check_encoding(encoding) if encoding is not None else None
    banks = available_banks(list(bank_choices))
    index = BankIndex(banks)
    mapping = load_mapping(mapping_path, index) if mapping_path is not None else None
    on_error: OnError = settings.on_error
    ingest = Ingest(
        index,
        answer_banks=banks,
        mapping=mapping,
        on_error=on_error,
        include_notes=settings.include_notes,
        progress=progress,
        encoding=codec,
    )
    ingest.read_all(list(inputs))
    return aggregate(ingest, settings)


def run_draft(export: Path, bank_choices: Sequence[str], encoding: str | None = None) -> Draft:
    """Draft a mapping file for ``export`` against the chosen (default: bundled) banks."""
    from coprod_check.aggregate.encodings import check_encoding
    from coprod_check.aggregate.sources import TABLE_SUFFIXES
    from coprod_check.answers.loader import available_banks

    if export.suffix.lower() not in TABLE_SUFFIXES:
        raise UsageError(f"{export}: mapping draft reads a .csv, .tsv or .xlsx export")
    codec = check_encoding(encoding) if encoding is not None else None
    index = BankIndex(available_banks(list(bank_choices)))
    return draft_mapping(export, str(export), index, codec)


def aggregate_command(
    inputs: Sequence[Path],
    bank_choices: Sequence[str],
    mapping_path: Path | None,
    settings: Settings,
    to: Destination,
    progress: bool | None,
    encoding: str | None = None,
) -> Outcome:
    """The report; skipped bad rows are findings (exit 1), listed after it."""
    from coprod_check.aggregate.progress import progress_bar, wants_progress
    from coprod_check.aggregate.report import REPORTS, render

    chosen = to.format(REPORTS.names)
    to.guard([*inputs, *([mapping_path] if mapping_path else [])], bank_choices)
    with progress_bar(wants_progress(progress)) as on_progress:
        result = run_aggregate(inputs, bank_choices, mapping_path, settings, on_progress, encoding)
    report = render(result, chosen, color=to.color, width=to.width)
    findings: list[str] = []
    for problem in result.problems if result.rows_skipped else []:
        where = f"{problem.path}:{problem.row}" if problem.row else problem.path
        findings.append(f"skipped: {where}: {problem.message}")
    more = result.rows_skipped - len(result.problems)
    if result.rows_skipped and more:
        findings.append(f"skipped {more} more bad rows (not listed)")
    notes = [f"warning: {warning}" for warning in result.warnings]
    return to.outcome(report, notes=notes, findings=findings)


def draft_command(
    export: Path,
    bank_choices: Sequence[str],
    to: Destination,
    encoding: str | None = None,
) -> Outcome:
    """The draft mapping; anything marked UNMATCHED is a finding (exit 1)."""
    to.guard([export], bank_choices, "refusing to write the mapping over an input file")
    draft = run_draft(export, bank_choices, encoding)
    findings = (
        [f"{draft.unmatched} item(s) marked UNMATCHED: decide each before using the mapping"]
        if draft.unmatched
        else []
    )
    return to.outcome(draft.text, findings=findings)

"""``--format docx`` and ``--format xlsx``: the same signature for every command's result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.errors import UsageError

if TYPE_CHECKING:
    from coprod_check.plan.summary import PlanSummary
    from coprod_check.render.formats import RenderOptions
    from coprod_check.render.office.document import OfficeReport

OFFICE_FORMATS: tuple[str, ...] = ("docx", "xlsx")


def render_office(report: OfficeReport, fmt: str) -> bytes:
    """The report as a Word document or Excel workbook."""
    if fmt == "docx":
        from coprod_check.render.office.docx_writer import render_docx

        return render_docx(report)
    if fmt == "xlsx":
        from coprod_check.render.office.xlsx_writer import render_xlsx

        return render_xlsx(report)
    raise UsageError(f"unknown office format {fmt!r}; choose one of: {', '.join(OFFICE_FORMATS)}")


def render_result(result: object, fmt: str, plan: PlanSummary | None = None) -> bytes:
    """A score, aggregate or compare result as ``fmt`` (docx or xlsx); ``plan`` is the action
    plan given with ``score --plan``."""
    from coprod_check.aggregate.result import AggregateResult
    from coprod_check.compare.result import CompareResult
    from coprod_check.scoring.result import Result

    if isinstance(result, AggregateResult):
        from coprod_check.aggregate.office_report import aggregate_office

        return render_office(aggregate_office(result), fmt)
    if isinstance(result, CompareResult):
        from coprod_check.compare.office_report import compare_office

        return render_office(compare_office(result), fmt)
    if isinstance(result, Result):
        from coprod_check.scoring.report.office import score_office

        return render_office(score_office(result, plan), fmt)
    raise TypeError(f"no office report for {type(result).__name__}")


def docx_report(result: object, options: RenderOptions) -> bytes:
    """The registries' ``docx`` renderer, for every kind of result."""
    return render_result(result, "docx", options.plan)


def xlsx_report(result: object, options: RenderOptions) -> bytes:
    """The registries' ``xlsx`` renderer, for every kind of result."""
    return render_result(result, "xlsx", options.plan)


__all__ = ["OFFICE_FORMATS", "docx_report", "render_office", "render_result", "xlsx_report"]

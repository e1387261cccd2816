"""The result as JSON: the model's own field order is the contract, so keys are not sorted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.render.formats import RenderOptions
from coprod_check.render.json_text import json_text
from coprod_check.scoring.result import Result

if TYPE_CHECKING:
    from coprod_check.plan.summary import PlanSummary


def render_json(result: Result, plan: PlanSummary | None = None) -> str:
    """Indented UTF-8 JSON of the whole result, ending in a newline; the same input, same bytes.
    With a plan (``score --plan``), a ``plan`` key follows the result's own keys."""
    data = result.model_dump(mode="json")
    if plan is not None:
        data["plan"] = plan.model_dump(mode="json")
    return json_text(data)


def report(result: Result, options: RenderOptions) -> str:
    """The registry's ``json`` renderer: always the whole result (and the plan with --plan),
    whatever the other options."""
    return render_json(result, options.plan)

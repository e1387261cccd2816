"""The result as JSON: the model's own field order is the contract, so keys are not sorted."""

from __future__ import annotations

import json

from coprod_check.render.formats import RenderOptions
from coprod_check.scoring.result import Result


def render_json(result: Result) -> str:
    """Indented UTF-8 JSON of the whole result, ending in a newline; the same input, same bytes."""
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def report(result: Result, options: RenderOptions) -> str:
    """The registry's ``json`` renderer: always the whole result, whatever the options."""
    return render_json(result)

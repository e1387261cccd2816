"""How every JSON output is written: one rule, so the formats agree byte for byte."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from coprod_check.render.formats import RenderOptions


def json_text(data: Any) -> str:
    """Indented UTF-8 JSON in the data's own key order (the order is the contract, so keys are
    not sorted), ending in a newline; never NaN or infinity. Same input, same bytes."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def json_report(result: BaseModel, options: RenderOptions) -> str:
    """Every registry's ``json`` renderer: the whole result in model field order, whatever the
    other options; with a plan (``score --plan``), a ``plan`` key after the result's own."""
    data = result.model_dump(mode="json")
    if options.plan is not None:
        data["plan"] = options.plan.model_dump(mode="json")
    return json_text(data)

"""How every JSON output is written: one rule, so the formats agree byte for byte."""

from __future__ import annotations

import json
from typing import Any


def json_text(data: Any) -> str:
    """Indented UTF-8 JSON in the data's own key order (the order is the contract, so keys are
    not sorted), ending in a newline; never NaN or infinity. Same input, same bytes."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"

"""JSON Schemas of the bank, answers and plan formats, generated from the pydantic models.

Generated rather than written so that editors and third-party validators using the schema agree
with coprod-check on schema-level errors (unknown, missing and wrongly typed fields). Checks that
need the whole bank (references, thresholds, red flags) are beyond JSON Schema: run
``coprod-check validate`` for those.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from coprod_check.render.json_text import json_text

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model: type[BaseModel], schema_id: str, title: str) -> dict[str, Any]:
    generated = model.model_json_schema()
    return {"$schema": DRAFT, "$id": schema_id, **generated, "title": title}


def bank_schema() -> dict[str, Any]:
    """The JSON Schema of a question-bank file (``schema_version: 1``)."""
    from coprod_check.bank.model import SCHEMA_VERSION
    from coprod_check.bank.schema import Bank

    return _schema(
        Bank,
        f"urn:coprod-check:schema:bank:{SCHEMA_VERSION}",
        f"coprod-check question bank (schema_version {SCHEMA_VERSION})",
    )


def answers_schema() -> dict[str, Any]:
    """The JSON Schema of an answers file (``answers_version: 1``)."""
    from coprod_check.answers.model import ANSWERS_VERSION
    from coprod_check.answers.schema import AnswersFile

    return _schema(
        AnswersFile,
        f"urn:coprod-check:schema:answers:{ANSWERS_VERSION}",
        f"coprod-check answers file (answers_version {ANSWERS_VERSION})",
    )


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of an action plan (``plan_version: 1``)."""
    from coprod_check.plan.model import PLAN_VERSION, Plan

    return _schema(
        Plan,
        f"urn:coprod-check:schema:plan:{PLAN_VERSION}",
        f"coprod-check action plan (plan_version {PLAN_VERSION})",
    )


def render_schema(*, answers: bool = False, plan: bool = False) -> str:
    """The schema as indented JSON text, ending in a newline."""
    if answers and plan:
        from coprod_check.errors import UsageError

        raise UsageError("give --answers or --plan, not both")
    schema = plan_schema() if plan else answers_schema() if answers else bank_schema()
    return json_text(schema)

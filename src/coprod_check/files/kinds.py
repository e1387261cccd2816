"""What kind of file this is: by its name (YAML, table) or by its top-level keys (bank, answers,
mapping, plan). One home, so that validate, aggregate, compare and the bank loader agree."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from coprod_check.errors import InvalidFileError

if TYPE_CHECKING:
    from coprod_check.files.yaml_source import YamlDocument

Kind = Literal["bank", "answers", "mapping", "plan"]

YAML_SUFFIXES = (".yaml", ".yml")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TABLE_SUFFIXES = (".csv", ".tsv", *WORKBOOK_SUFFIXES)

#: The key each kind of coprod-check YAML file starts with.
_MARKERS: tuple[tuple[str, Kind], ...] = (
    ("schema_version", "bank"),
    ("answers_version", "answers"),
    ("mapping_version", "mapping"),
    ("plan_version", "plan"),
)


def is_yaml_name(name: str) -> bool:
    """Whether a file name ends in ``.yaml`` or ``.yml`` (any case)."""
    return name.lower().endswith(YAML_SUFFIXES)


def kind_of(data: Any) -> Kind | None:
    """``bank``, ``answers``, ``mapping`` or ``plan`` by the file's top-level keys; else
    ``None``."""
    if not isinstance(data, dict):
        return None
    return next((kind for key, kind in _MARKERS if key in data), None)


def refuse_other_kind(doc: YamlDocument, own_key: str, others: Mapping[str, str]) -> None:
    """Unless ``doc`` has its own kind's ``own_key``, the message of the first of ``others``'
    keys it has (another kind of file given in its place), raised at that key."""
    if isinstance(doc.data, dict) and own_key not in doc.data:
        for key, message in others.items():
            if key in doc.data:
                raise InvalidFileError(message, doc.locate((key,)))

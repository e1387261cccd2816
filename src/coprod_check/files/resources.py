"""Where the bundled question banks and report templates live.

In an installed wheel they are package data (``coprod_check/questionnaires`` and
``coprod_check/templates``, force-included at build time) read through ``importlib.resources``.
In a source checkout (editable install) they are the top-level ``questionnaires/`` and
``templates/`` folders of the repository, which is the single copy we edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import coprod_check
from coprod_check.files.kinds import is_yaml_name

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_PACKAGE = "coprod_check"
_REPO_ROOT = Path(__file__).resolve().parents[3]


def _data_dir(name: str) -> Traversable:
    packaged: Traversable
    package = Path(coprod_check.__file__).parent if coprod_check.__file__ else None
    if package is not None and package.is_dir():
        # On disk, importlib.resources gives this very folder; asking it would also import
        # tempfile and zipfile, which cost more than finding and reading the banks' cache.
        packaged = package / name
    else:  # in a zip file, say
        from importlib import resources

        packaged = resources.files(_PACKAGE) / name
    if packaged.is_dir():
        return packaged
    return _REPO_ROOT / name


def questionnaires_dir() -> Traversable:
    """The folder of bundled question banks."""
    return _data_dir("questionnaires")


def templates_dir() -> Traversable:
    """The folder of bundled jinja2 report templates."""
    return _data_dir("templates")


def bundled_bank_files() -> list[Traversable]:
    """The bundled bank files, sorted by name so output order is stable."""
    folder = questionnaires_dir()
    return sorted(
        (item for item in folder.iterdir() if is_yaml_name(item.name)),
        key=lambda item: item.name,
    )

"""The bundled-bank cache gives the banks reading the files gives, and never gets in the way.

Every command the test suite runs uses a cache folder of the run's own (``conftest.py``), so
the golden files of ``score``, ``compare`` and the rest are compared with output drawn from
cached banks as well as from banks read afresh.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_check.bank import cache
from coprod_check.bank.loader import (
    _bundled_bank,
    bundled_display,
    bundled_files,
    load_bank,
    read_bundled,
)

REPO = Path(__file__).resolve().parents[2]
BUNDLED = [(read_bundled(item), bundled_display(item)) for item in bundled_files()]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COPROD_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "banks"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@pytest.mark.parametrize(("text", "name"), BUNDLED, ids=[name for _, name in BUNDLED])
def test_a_cached_bank_is_the_bank_the_file_gives(folder: Path, text: str, name: str) -> None:
    fresh = load_bank(REPO / name) if (REPO / name).is_file() else None
    first = _bundled_bank(text, name)  # read, checked, remembered
    [entry] = _entries(folder)
    assert json.loads(entry.read_text(encoding="utf-8"))["id"] == first.id
    second = _bundled_bank(text, name)  # from the cache
    assert second == first
    assert second.model_dump() == first.model_dump()
    if fresh is not None:
        assert fresh == first


def test_a_damaged_entry_is_ignored_and_replaced(folder: Path) -> None:
    text, name = BUNDLED[0]
    expected = _bundled_bank(text, name)
    [entry] = _entries(folder)
    entry.write_text("{not json", encoding="utf-8")
    assert _bundled_bank(text, name) == expected
    assert json.loads(entry.read_text(encoding="utf-8"))["id"] == expected.id


def test_an_entry_the_models_refuse_is_not_used(folder: Path) -> None:
    text, name = BUNDLED[0]
    expected = _bundled_bank(text, name)
    [entry] = _entries(folder)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["unexpected"] = True
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert _bundled_bank(text, name) == expected


def test_another_text_is_another_entry(folder: Path) -> None:
    text, name = BUNDLED[0]
    _bundled_bank(text, name)
    _bundled_bank(text + "\n# an edit\n", name)
    assert len(_entries(folder)) == 2


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPROD_CHECK_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    text, name = BUNDLED[0]
    assert cache.cache_dir() is None
    assert _bundled_bank(text, name).id
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would go", encoding="utf-8")
    monkeypatch.setenv("COPROD_CHECK_CACHE_DIR", str(blocker))
    text, name = BUNDLED[0]
    assert _bundled_bank(text, name).id
    assert blocker.read_text(encoding="utf-8") == "a file where the folder would go"


def test_data_json_cannot_hold_exactly_is_not_kept(folder: Path) -> None:
    cache.remember("some text", {1: "a number as a key"})
    cache.remember("other text", {"when": float("nan")})
    assert _entries(folder) == []


def test_an_edit_to_the_checking_code_gives_new_entries(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, name = BUNDLED[0]
    _bundled_bank(text, name)
    monkeypatch.setattr(cache, "_code_stamp", lambda: "other rules")
    assert cache.cached_data(text) is None


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG rule is for Linux")
def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPROD_CHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "coprod-check"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "coprod-check"


def test_score_reads_the_same_with_and_without_a_cache(tmp_path: Path) -> None:
    example = str(REPO / "examples" / "borough-wide-redesign.yaml")
    outputs = []
    for setting in ("", str(tmp_path / "c"), str(tmp_path / "c")):  # off, then miss, then hit
        env = {**os.environ, "COPROD_CHECK_CACHE_DIR": setting}
        done = subprocess.run(
            [sys.executable, "-m", "coprod_check", "score", example, "-f", "json"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        outputs.append((done.returncode, done.stdout, done.stderr))
    assert len(list((tmp_path / "c" / "banks").glob("*.json"))) == 6
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][1].startswith("{")

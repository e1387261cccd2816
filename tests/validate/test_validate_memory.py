"""``validate`` keeps little of each bank: answers and mapping files still see every bank.

Of the valid banks in a run only the first ``_BanksInPlay.KEEP`` are held as models; the rest are
read again if an answers or mapping file turns up. Whichever way a bank is held, the answers and
mapping files must be checked against the same banks, with the same problems, so every case here
is validated twice: as usual, and with nothing held (every bank read again).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.bank.loader import InvalidBankError, bundled_display, load_bank
from coprod_check.validate import run
from coprod_check.validate.run import ValidationReport, _bank, _BanksInPlay, _Source, validate_paths

FIXTURES = Path(__file__).parents[1] / "fixtures"
RUNS = {
    "clashing banks and answers": [FIXTURES / "validate-clashes" / "with-answers"],
    "answers with their banks": [FIXTURES / "answers" / "banks", FIXTURES / "answers" / "valid"],
    "invalid answers": [FIXTURES / "answers" / "banks", FIXTURES / "answers" / "invalid"],
    "a mapping file": [FIXTURES / "validate-mapping" / "own-bank"],
}


def _problems(report: ValidationReport) -> list[str]:
    return [f"{file.kind} {problem}" for file in report.files for problem in file.problems]


@pytest.mark.parametrize("paths", RUNS.values(), ids=list(RUNS))
def test_banks_read_again_give_the_same_report(
    paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    held = validate_paths(paths)
    monkeypatch.setattr(_BanksInPlay, "KEEP", 0)
    read_again = validate_paths(paths)
    assert _problems(read_again) == _problems(held)
    assert read_again.exit_code == held.exit_code
    assert any(file.kind in ("answers", "mapping") for file in held.files)


def test_a_bank_that_changed_since_it_was_checked_is_left_out(tmp_path: Path) -> None:
    source = FIXTURES / "answers" / "banks" / "mini.yaml"
    copy = tmp_path / "mini.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    bank = _bank("mini", _Source(str(copy), copy.read_text))
    assert bank is not None and bank.id == "mini"
    assert _bank("another-id", _Source(str(copy), copy.read_text)) is None
    copy.write_text("schema_version: 1\nid: mini\n", encoding="utf-8")
    assert _bank("mini", _Source(str(copy), copy.read_text)) is None
    copy.unlink()
    assert _bank("mini", _Source(str(copy), lambda: _read_missing(copy))) is None


def _read_missing(path: Path) -> str:
    from coprod_check.files.yaml_source import read_text

    return read_text(path)


def test_a_damaged_bundled_bank_stops_the_clash_check_as_loading_it_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "right-circumstances.yaml"
    damaged.write_text("schema_version: 1\nid: right-circumstances\n", encoding="utf-8")
    with pytest.raises(InvalidBankError) as loading:
        load_bank(damaged, bundled_display(damaged))
    monkeypatch.setattr(run, "bundled_files", lambda: [damaged])
    with pytest.raises(InvalidBankError) as validating:
        validate_paths([FIXTURES / "answers" / "banks" / "mini.yaml"])
    assert str(validating.value) == str(loading.value)
    assert validating.value.problems == loading.value.problems

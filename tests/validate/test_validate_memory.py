"""``validate`` keeps little of each bank: answers and mapping files still see every bank.

Of the valid banks in a run only the first ``_BanksInPlay.KEEP`` are held as models; the rest are
read again if an answers or mapping file turns up. Whichever way a bank is held, the answers and
mapping files must be checked against the same banks, with the same problems, so every case here
is validated twice: as usual, and with nothing held (every bank read again).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from coprod_check.bank import clashes
from coprod_check.bank.clashes import BankIds, IdIndex, as_bundled, find_clashes, ids_of_document
from coprod_check.bank.loader import InvalidBankError, bundled_display, load_bank
from coprod_check.files.resources import questionnaires_dir
from coprod_check.files.yaml_source import YamlDocument, parse_yaml
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


# --- the clash check keeps an index of hashes, and reads again only the banks that may clash ----

_BANK_IDS = st.sampled_from(["a", "b", "c"])
_QUESTIONS = st.lists(st.sampled_from(["q1", "q2", "q3", "q4"]), unique=True, max_size=4)
_BANKS = st.lists(st.tuples(_BANK_IDS, _QUESTIONS), max_size=5)


def _data(bank_id: str, questions: list[str]) -> dict[str, Any]:
    return {"id": bank_id, "sections": [{"questions": [{"id": q} for q in questions]}]}


def _ids(index: int, bank_id: str, questions: list[str]) -> BankIds:
    return ids_of_document(parse_yaml(yaml.safe_dump(_data(bank_id, questions)), f"b{index}.yaml"))


@pytest.mark.parametrize("colliding", [False, True], ids=["hashes", "every hash the same"])
@given(given_banks=_BANKS, bundled_banks=_BANKS)
def test_the_banks_read_again_give_every_warning_of_the_run(
    colliding: bool,
    given_banks: list[tuple[str, list[str]]],
    bundled_banks: list[tuple[str, list[str]]],
) -> None:
    run_ids = [_ids(i, bank_id, questions) for i, (bank_id, questions) in enumerate(given_banks)]
    bundled = [
        as_bundled(_ids(0, bank_id, questions))
        for bank_id, questions in dict(bundled_banks).items()
    ]
    with pytest.MonkeyPatch.context() as patch:
        if colliding:
            patch.setattr(clashes, "_key", lambda question_id: 7)
        index = IdIndex()
        for bank_id, questions in given_banks:
            index.add(_data(bank_id, questions))
        suspects = index.suspects(bundled)
    everything = find_clashes(run_ids, bundled)
    replaced = {bank_id for bank_id, _ in given_banks}
    assert find_clashes([run_ids[n] for n in suspects], bundled, replaced) == everything
    if colliding:  # every bank with a question shares its hash with another such bank in play
        asking = [n for n, (_, questions) in enumerate(given_banks) if questions]
        in_play = asking + [b for b in bundled if b.questions and b.bank_id not in replaced]
        assert set(suspects) >= (set(asking) if len(in_play) > 1 else set())
    else:  # without a shared hash, exactly the banks with a warning are read again
        assert [run_ids[n].name for n in suspects] == sorted(everything, key=lambda p: int(p[1:-5]))


@pytest.mark.parametrize("case", sorted(FIXTURES.glob("validate-clashes/*")), ids=lambda p: p.name)
def test_ids_sharing_a_hash_give_the_same_report(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case)
    paths = sorted(Path(".").glob("*.yaml"))
    usual = validate_paths(paths)
    monkeypatch.setattr(clashes, "_key", lambda question_id: 7)
    assert _problems(validate_paths(paths)) == _problems(usual)


def test_only_the_banks_that_clash_are_read_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    malby = (questionnaires_dir() / "malby-do-dont.yaml").read_text(encoding="utf-8")
    for number in range(30):  # banks with ids of their own; two share one question id
        text = malby.replace("malby-", f"g{number:02d}-")
        if number in (4, 17):
            text = text.replace(f"g{number:02d}-open-about-service", "shared-open-about-service")
        (tmp_path / f"bank-{number:02d}.yaml").write_text(text, encoding="utf-8")
    again: list[str] = []
    read_again = run._read_again

    def counting(source: _Source) -> YamlDocument | None:
        again.append(source.display)
        return read_again(source)

    monkeypatch.setattr(run, "_read_again", counting)
    report = validate_paths([tmp_path])
    warned = [file.path for file in report.files if file.problems]
    assert warned == [str(tmp_path / "bank-04.yaml"), str(tmp_path / "bank-17.yaml")]
    assert again == warned
    assert report.exit_code == 0

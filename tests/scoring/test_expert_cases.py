"""Expert cases: real-world situations answered honestly, with the verdict and level the sources
call for. Each case is a folder in ``tests/cases/`` (``independent/`` holds cases written by
someone who never read the engine) with ``case.yaml`` and a normal ``answers.yaml``.

For each case the report must give the expected verdict, approach and level, and name every
expected decisive question among its decisive reasons (the verdict's, its alternatives' and the
level's). Every quoted passage must appear, word for word, in the source texts. The approach is
not asserted when the expected verdict is "insufficient-answers": there is no approach to name
without answers. A case may carry ``xfail: <reason quoting the passage>`` when the engine team is
sure its expectation misreads the sources; it is then reported, never silently changed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cases.port_v1 import RENAMED
from coprod_check.answers.loader import available_banks, read_answers
from coprod_check.scoring.engine import score
from coprod_check.scoring.result import Result
from source_quotes import seeds_dir

CASES = Path(__file__).resolve().parent.parent / "cases"
VERDICTS = {
    "ready",
    "ready-with-conditions",
    "not-yet",
    "not-right-approach",
    "insufficient-answers",
}
APPROACHES = {"co-production", "co-design", "voice", "choice", "narrower-scale", None}
LEVELS = {"descriptive", "intermediate", "transformative", "not-assessed"}


def _case_dirs() -> list[Path]:
    return sorted(path.parent for path in CASES.rglob("case.yaml"))


def _load(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    return data


def _params() -> list[Any]:
    params = []
    for folder in _case_dirs():
        case = _load(folder)
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        params.append(pytest.param(folder, id=str(folder.relative_to(CASES)), marks=marks))
    return params


def _result(folder: Path) -> Result:
    loaded = read_answers(folder / "answers.yaml", available_banks([]))
    return score(loaded.banks, loaded.answers)


def named_decisive(result: Result) -> set[str]:
    """Every question id the report names among its decisive reasons and its conditions."""
    ids = {qid for reason in result.verdict.decisive for qid in reason.question_ids}
    ids |= {qid for reason in result.verdict.ranked_conditions for qid in reason.question_ids}
    ids |= {qid for alternative in result.verdict.alternatives for qid in alternative.question_ids}
    ids |= set(result.level.decisive)
    return ids


def test_at_least_twelve_cases() -> None:
    own = [folder for folder in _case_dirs() if "independent" not in folder.parts]
    assert len(own) >= 12


@pytest.mark.parametrize("folder", _params())
def test_case(folder: Path) -> None:
    case = _load(folder)
    expected = case["expected"]
    assert expected["verdict"] in VERDICTS
    assert expected.get("approach") in APPROACHES
    assert expected["level"] in LEVELS
    result = _result(folder)
    assert result.verdict.id == expected["verdict"], result.verdict.reasons
    if expected["verdict"] != "insufficient-answers":
        assert result.verdict.approach == expected["approach"], result.verdict.reasons
    assert (result.level.id or "not-assessed") == expected["level"], result.level.explanation
    # cases written for the 1.x banks name questions by their old ids: follow the renames
    decisive = {RENAMED.get(qid, (qid, {}))[0] for qid in expected.get("decisive") or []}
    missing = decisive - named_decisive(result)
    assert not missing, f"decisive reasons not named: {sorted(missing)}; {result.verdict.reasons}"


def _seeds() -> str | None:
    folder = seeds_dir()
    if folder is None:
        return None
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    return _normal(" ".join(texts))


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    "folder", [pytest.param(f, id=str(f.relative_to(CASES))) for f in _case_dirs()]
)
def test_passages_are_in_the_sources(folder: Path) -> None:
    seeds = _seeds()
    if seeds is None:
        pytest.skip(
            "the source texts are not beside the repository (../shared/seeds); "
            "set COPROD_CHECK_SEEDS to their folder to run this test"
        )
    case = _load(folder)
    assert case.get("sources"), "a case cites at least one source passage"
    for source in case["sources"]:
        assert _normal(source["passage"]) in seeds, source

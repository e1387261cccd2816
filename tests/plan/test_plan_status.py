"""``coprod-check plan status``: actions by status and those overdue, on a fixed ``--today``.

The three-cycle plan of ``fixtures/plan/cycles/`` is listed on days chosen around its due dates;
the text is pinned by golden files, the grouping and exit codes by exact assertions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from coprod_check.cli import app
from coprod_check.plan.model import ACTION_STATUSES, Action
from coprod_check.plan.status import action_state

CYCLES = Path(__file__).parents[1] / "fixtures" / "plan" / "cycles"

runner = CliRunner()


@pytest.fixture(autouse=True)
def in_cycles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CYCLES)


def status(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["plan", "status", "plan.yaml", "-b", "../bank.yaml", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def groups(today: str) -> dict[str, list[str]]:
    code, out, _ = status("--today", today, "-f", "json")
    assert code == 0
    data = json.loads(out)
    return {name: [s["action"]["id"] for s in members] for name, members in data["groups"].items()}


@pytest.mark.parametrize("today", ["2026-03-31", "2026-05-01"])
def test_status_text(today: str, golden: Callable[[str, str], None]) -> None:
    code, out, err = status("--today", today)
    assert (code, err) == (0, "")
    golden(f"plan/status-{today}.txt", out)


def test_due_today_is_not_overdue_and_the_day_after_is() -> None:
    assert groups("2026-04-10")["overdue"] == []
    assert groups("2026-04-11")["overdue"] == ["a3"]


def test_groups_hold_each_action_once_overdue_first_by_due_date() -> None:
    assert groups("2026-10-01") == {
        "overdue": ["a3", "a6"],
        "doing": [],
        "planned": ["a8"],
        "done": ["a1", "a2", "a4", "a7"],
        "dropped": ["a5"],
    }


def test_json_counts_and_days_overdue() -> None:
    code, out, _ = status("--today", "2026-10-01", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["counts"] == {"doing": 1, "planned": 2, "done": 4, "dropped": 1, "overdue": 2}
    assert data["today"] == "2026-10-01"
    assert [s["days_overdue"] for s in data["groups"]["overdue"]] == [174, 1]
    assert data["groups"]["planned"][0]["needs"] == ["owner", "due date", "measure"]


def test_fail_on_overdue_exits_1_and_names_each_overdue_action() -> None:
    code, out, err = status("--today", "2026-10-01", "--fail-on-overdue")
    assert code == 1
    assert out.startswith("Action plan: Community falls service (plan.yaml)\n")
    assert err == (
        "coprod-check: overdue: a3 was due 2026-04-10\n"
        "coprod-check: overdue: a6 was due 2026-09-30\n"
    )


def test_fail_on_overdue_exits_0_when_nothing_is_overdue() -> None:
    assert status("--today", "2026-04-01", "--fail-on-overdue")[0] == 0


@pytest.mark.parametrize("today", ["2026-13-01", "01/10/2026", "tomorrow"])
def test_a_today_that_is_not_a_date_is_a_usage_error(today: str) -> None:
    code, out, err = status("--today", today)
    assert (code, out) == (2, "")
    assert "Invalid value for '--today'" in err


def test_an_invalid_plan_exits_1_with_its_first_problem(tmp_path: Path) -> None:
    text = (CYCLES / "plan.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(text.replace("    done_on: 2026-03-01\n", ""))
    result = runner.invoke(
        app, ["plan", "status", str(tmp_path / "plan.yaml"), "-b", str(CYCLES.parent / "bank.yaml")]
    )
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"coprod-check: error: {tmp_path / 'plan.yaml'}:38:5: an action marked done needs the "
        "date it was done: add 'done_on: YYYY-MM-DD'\n"
    )


def test_a_missing_plan_exits_2() -> None:
    result = runner.invoke(app, ["plan", "status", "no-such-plan.yaml"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("coprod-check: error: no-such-plan.yaml: ")


def test_an_answers_file_is_not_a_plan() -> None:
    result = runner.invoke(app, ["plan", "status", "jan.yaml", "-b", "../bank.yaml"])
    assert result.exit_code == 1
    assert result.stderr == (
        "coprod-check: error: jan.yaml:2:1: this is an answers file, not an action plan (draft "
        "one with 'coprod-check plan draft ANSWERS -o plan.yaml')\n"
    )


DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(
    due=st.none() | DAYS,
    today=DAYS,
    status_id=st.sampled_from(ACTION_STATUSES),
)
def test_overdue_exactly_when_open_and_due_before_today(
    due: dt.date | None, today: dt.date, status_id: str
) -> None:
    action = Action.model_validate(
        {
            "id": "a1",
            "bank": "b",
            "question": "q",
            "recommendation": "r",
            "due": due,
            "status": status_id,
            "done_on": today if status_id == "done" else None,
            "reason": "r" if status_id == "dropped" else None,
        }
    )
    state = action_state(action, today)
    expected = status_id in ("planned", "doing") and due is not None and due < today
    assert state.overdue is expected
    assert (state.days_overdue is not None) is expected
    if expected and due is not None:
        assert state.days_overdue == (today - due).days > 0

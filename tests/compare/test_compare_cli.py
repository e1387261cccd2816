"""``coprod-check compare`` end to end: hand-built sequences of answers files and saved results.

Each folder in ``fixtures/compare/cases`` is one run: ``args`` (one argument a line, paths
relative to ``fixtures/compare``) and the exact ``stdout``, ``stderr`` and ``exit-code`` it must
give. ``pytest --update-golden`` rewrites them; review the diff before committing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare_samples import point, save, values
from conftest import updating_golden
from coprod_check.aggregate.result import AggregateResult, Settings
from coprod_check.cli import app
from html_checks import CHROMIUM, chromium_console, page_problems

HERE = Path(__file__).parents[1] / "fixtures" / "compare"
CASES = sorted(path for path in (HERE / "cases").iterdir() if path.is_dir())
V1 = "banks/v1/cycle-fixture.yaml"

runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["compare", *(str(arg) for arg in args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(HERE)
    return HERE


SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


def pinned(out: str) -> str:
    """What a golden file pins: in HTML, the shared style sheet and chart drawing (owned and
    tested by the reporters) are placeholders; the charts' text is checked separately."""
    if not out.startswith("<!DOCTYPE html>"):
        return out
    return SVG.sub("<svg><!-- chart --></svg>", STYLE.sub("<style><!-- shared --></style>", out))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Path, in_fixtures: Path, request: pytest.FixtureRequest) -> None:
    args = case.joinpath("args").read_text(encoding="utf-8").split("\n")
    code, out, err = invoke(*(arg for arg in args if arg))
    expected = {"stdout": pinned(out), "stderr": err, "exit-code": f"{code}\n"}
    if updating_golden(request.config):
        for name, text in expected.items():
            case.joinpath(name).write_text(text, encoding="utf-8", newline="\n")
        return
    for name, text in expected.items():
        assert text == case.joinpath(name).read_text(encoding="utf-8"), f"{case.name}/{name}"


def read_case(name: str) -> tuple[int, str, str]:
    case = HERE / "cases" / name
    return (
        int(case.joinpath("exit-code").read_text(encoding="utf-8")),
        case.joinpath("stdout").read_text(encoding="utf-8"),
        case.joinpath("stderr").read_text(encoding="utf-8"),
    )


# What the golden cases pin, said in plain assertions so a careless --update-golden shows up.


def test_cases_say_what_the_issue_asks() -> None:
    assert read_case("improvement-text")[0] == 0
    code, out, err = read_case("regression-fails")
    assert code == 1
    assert err == (
        "coprod-check: regression: level dropped from Intermediate to Descriptive\n"
        "coprod-check: regression: verdict worsened from Ready to co-produce, on conditions to "
        "Not ready yet\n"
        "coprod-check: regression: new blocker: You haven't got the funders behind you: Malby "
        "says don't do co-production if so. (cycle-fixture/cf-dont-no-funders)\n"
    )
    code, out, err = read_case("new-blocker-fails")
    assert code == 1
    assert err == (
        "coprod-check: regression: new blocker: You haven't got the funders behind you: Malby "
        "says don't do co-production if so. (malby-do-dont/malby-dont-no-funders)\n"
    )
    code, out, err = read_case("bank-change-stops")
    assert (code, out) == (2, "")
    assert err == (
        "coprod-check: error: results/apr-v2.json: the questions differ: cycle-fixture 1.0.0 "
        "(answers/jan.yaml) -> 1.1.0 (results/apr-v2.json): added cf-authority-wider-leadership; "
        "reworded cf-aims-valued-equally; compare only the questions they share with "
        "--allow-bank-change\n"
    )
    code, out, err = read_case("bank-change-allowed")
    assert (code, err) == (0, "")
    assert "only the 6 questions identical at every point are compared and 2 are left out" in out
    assert (
        "**Questions left out:** cycle-fixture/cf-aims-valued-equally, "
        "cycle-fixture/cf-authority-wider-leadership"
    ) in out
    assert (
        "| Aims shared by everyone (on 1 shared question only) | Criterion | 66.7 | 66.7 | 0 | "
        "= no change |"
    ) in out
    code, out, err = read_case("other-bank-version-allowed")
    assert code == 0
    assert err.endswith("check the questions still match [bank-version-differs]\n")
    assert (
        "**Comparability:** Answers were given to another version of a bank than the one they "
        "were scored with; as asked (--allow-bank-change), the 7 questions as scored are "
        "compared, but the wording people answered cannot be checked."
    ) in out
    code, out, err = read_case("other-bank-version-stops")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "coprod-check: error: answers/apr-old-version.yaml: the questions differ: "
        "answers/apr-old-version.yaml answered cycle-fixture 0.9.0 but was scored with 1.0.0, so "
        "its wording cannot be checked; compare only the questions they share with "
        "--allow-bank-change"
    )
    code, out, err = read_case("dates-reorder-inputs")
    data = json.loads(out)
    assert code == 0  # in date order it is an improvement, so --fail-on-regression passes
    assert [p["label"] for p in data["points"]] == ["answers/jan.yaml", "answers/apr.yaml"]
    assert data["order"] == "date"
    code, out, err = read_case("undated-keeps-order-given")
    assert code == 1  # in the order given, April then January is a regression
    assert "Order: In the order given on the command line: answers/apr-undated.yaml carries no" in (
        out
    )


def test_three_cycles_json_values() -> None:
    code, out, err = read_case("three-cycles-json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["compare_version"] == 1
    assert [(p["level_id"], p["verdict_id"]) for p in data["points"]] == [
        ("descriptive", "not-yet"),
        ("intermediate", "ready-with-conditions"),
        ("descriptive", "not-yet"),
    ]
    authority = data["criteria"][0]
    assert authority["section_id"] == "cf-authority"
    assert authority["scores"] == [33.33, 83.33, 50.0]
    assert authority["step_changes"] == [50.0, -33.33]
    assert authority["change"] == 16.67
    assert authority["direction"] == "better"
    assert [step["level"]["direction"] for step in data["steps"]] == ["better", "worse"]
    assert data["regressions"] == data["steps"][1]["regressions"]
    assert len(data["regressions"]) == 3
    assert [(r["question_id"], r["status"]) for r in data["recommendations"]] == [
        ("cf-dont-no-funders", "still-open"),
        ("cf-authority-senior-leaders", "new"),
    ]


def test_mixed_inputs_compare_like_answers_files_alone(in_fixtures: Path) -> None:
    """A saved score result of jan.yaml stands in for jan.yaml: only its label and kind differ."""
    _, mixed, _ = invoke("results/jan.json", "answers/apr.yaml", "-b", V1, "-f", "json")
    _, answers, _ = invoke("answers/jan.yaml", "answers/apr.yaml", "-b", V1, "-f", "json")
    left, right = json.loads(mixed), json.loads(answers)
    assert [(p["label"], p["kind"]) for p in left["points"]] == [
        ("results/jan.json", "score"),
        ("answers/apr.yaml", "answers"),
    ]
    for data in (left, right):
        data["points"][0].update(label="", kind="")
    assert left == right


def test_html_report_is_self_contained_and_accessible(in_fixtures: Path) -> None:
    code, html, err = invoke("answers/jan.yaml", "answers/apr.yaml", "-b", V1, "-f", "html")
    assert (code, err) == (0, "")
    assert page_problems(html) == []
    assert html.count('role="img"') == 5  # one trend chart per section
    assert (
        '<desc id="trend-1-desc">Bar chart of the score of Authority to move outside the normal '
        "way of doing things out of 100 at each point, earliest first, with its thresholds. "
        "Change from first to last: +50 (better). The bars:"
    ) in html
    assert "Point 1 (2026-01-15): 33.3, Not met" in html
    assert "Point 2 (2026-04-15): 83.3, Met" in html
    assert (
        '<title id="trend-1-title">Authority to move outside the normal way of doing things: '
        in (html)
    )
    assert '<th scope="col">Point 1</th><th scope="col">Point 2</th>' in html


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.slow
def test_chromium_loads_the_compare_report_without_console_errors(
    tmp_path: Path, in_fixtures: Path
) -> None:
    page = tmp_path / "progress.html"
    html = invoke("answers/jan.yaml", "answers/apr.yaml", "-b", V1, "-f", "html")[1]
    page.write_text(html, encoding="utf-8")
    dom, console = chromium_console(page, tmp_path / "profile")
    assert console == []
    assert "Progress across improvement cycles</h1>" in dom


def test_html_escapes_file_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = save(point("2026-01-15", values()), tmp_path / "<b>one&amp;.json")
    save(point("2026-04-15", values()), tmp_path / "two.json")
    code, html, err = invoke(first.name, "two.json", "-f", "html")
    assert (code, err) == (0, "")
    assert "<b>one" not in html
    assert "&lt;b&gt;one&amp;amp;.json" in html
    assert page_problems(html) == []


def test_aggregate_result_is_compared_by_its_overall_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    overall = point("2026-04-15", values(inett_authority_move_outside=1.0), pseudonym=None)
    aggregate = AggregateResult(
        tool_version="0.1.0",
        banks=overall.banks,
        settings=Settings(
            min_group_size=3,
            gap_threshold=20,
            top_disagreements=5,
            include_notes=False,
            on_error="skip",
        ),
        inputs=[],
        respondents=12,
        without_role=0,
        rows_skipped=0,
        problems=[],
        warnings=[],
        warnings_total=0,
        groups=[],
        questions=[],
        sections=[],
        outcomes=[],
        overall=overall,
        disagreements=[],
        gaps=[],
        notes=None,
        notes_total=0,
    )
    workshop = tmp_path / "workshop.json"
    workshop.write_text(json.dumps(aggregate.model_dump(mode="json")), encoding="utf-8")
    save(point("2026-01-15", values()), tmp_path / "before.json")
    code, out, err = invoke("before.json", "workshop.json", "-f", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [(p["kind"], p["respondents"]) for p in data["points"]] == [
        ("score", None),
        ("aggregate", 12),
    ]
    assert data["criteria"][0]["scores"] == [50.0, 75.0]
    code, out, err = invoke("before.json", "workshop.json", "-f", "markdown")
    assert "| 2 | workshop.json | aggregate result of 12 respondents | 2026-04-15 |" in out


INVALID = {
    "aggregate-without-overall.json": (
        1,
        "invalid/aggregate-without-overall.json:1:1: not a valid saved aggregate result: "
        "banks: Field required",
    ),
    "bad-verdict.json": (
        1,
        "invalid/bad-verdict.json:18:5: not a valid saved score result: verdict.id: Input "
        "should be 'ready', 'ready-with-conditions', 'not-yet', 'not-right-approach' or "
        "'insufficient-answers'",
    ),
    "compare-result.json": (
        2,
        "invalid/compare-result.json: this is a compare result, not an assessment; compare "
        "takes answers files and JSON results saved from 'coprod-check score' or "
        "'coprod-check aggregate'",
    ),
    "empty.yaml": (2, "invalid/empty.yaml:1: the file is empty"),
    "list.json": (
        2,
        "invalid/list.json: a JSON file that is not an object; compare takes answers files "
        "and JSON results saved from 'coprod-check score' or 'coprod-check aggregate'",
    ),
    "newer-result.json": (
        2,
        "invalid/newer-result.json: result_version 2: this coprod-check reads version 1 "
        "only; run 'coprod-check score' again with this version to compare it",
    ),
    "no-version.json": (
        2,
        "invalid/no-version.json:1: a JSON file without result_version or "
        "aggregate_version; compare takes answers files and JSON results saved from "
        "'coprod-check score' or 'coprod-check aggregate'",
    ),
    "not-answers.yaml": (
        2,
        "invalid/not-answers.yaml:1: neither an answers file (no answers_version) nor a "
        "saved result; compare takes answers files and JSON results saved from "
        "'coprod-check score' or 'coprod-check aggregate'",
    ),
    "question-bank.yaml": (
        2,
        "invalid/question-bank.yaml:1: this is a question bank, not answers; compare takes "
        "answers files and JSON results saved from 'coprod-check score' or "
        "'coprod-check aggregate' (give banks to score answers with --bank)",
    ),
    "truncated.json": (2, "invalid/truncated.json:4:1: not valid JSON: Expecting value"),
    "unknown-question.yaml": (
        1,
        "invalid/unknown-question.yaml:5:3: no listed bank has a question 'cf-no-such-question'",
    ),
}


def test_every_invalid_fixture_has_an_expectation() -> None:
    assert sorted(path.name for path in (HERE / "invalid").iterdir()) == sorted(INVALID)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_input_is_one_line_naming_the_file(name: str, in_fixtures: Path) -> None:
    code, out, err = invoke(f"invalid/{name}", "results/jan.json", "-b", V1)
    assert (code, out) == (INVALID[name][0], "")
    assert err == f"coprod-check: error: {INVALID[name][1]}\n"


def test_missing_file(in_fixtures: Path) -> None:
    assert invoke("results/jan.json", "missing.json") == (
        2,
        "",
        "coprod-check: error: missing.json: no such file\n",
    )


def test_one_input_is_a_usage_error(in_fixtures: Path) -> None:
    assert invoke("results/jan.json") == (
        2,
        "",
        "coprod-check: error: compare needs at least two inputs, earlier and later\n",
    )


def test_unknown_bank_is_reported_even_without_answers_files(in_fixtures: Path) -> None:
    code, out, err = invoke("results/jan.json", "results/jan.json", "-b", "no-such-bank")
    assert (code, out) == (2, "")
    assert err.startswith("coprod-check: error: --bank no-such-bank: no bundled bank has this id")


def test_output_file_written_atomically_and_not_overwritten(tmp_path: Path) -> None:
    first = save(point("2026-01-15", values()), tmp_path / "jan.json")
    second = save(point("2026-04-15", values()), tmp_path / "apr.json")
    report = tmp_path / "progress.md"
    assert invoke(first, second, "-f", "markdown", "-o", report) == (
        0,
        "",
        f"coprod-check: wrote {report}\n",
    )
    written = report.read_text(encoding="utf-8")
    assert written.startswith("# Progress across improvement cycles\n")
    code, out, err = invoke(first, second, "-o", report)
    assert out == ""
    assert (code, err) == (
        2,
        f"coprod-check: error: {report}: already exists; use --force to replace it\n",
    )
    assert report.read_text(encoding="utf-8") == written
    assert invoke(first, second, "-o", report, "--force")[0] == 0
    text = report.read_text(encoding="utf-8")
    assert text == written  # markdown, as the name says, without --format
    assert "\x1b[" not in text
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "apr.json",
        "jan.json",
        "progress.md",
    ]


def test_never_writes_over_an_input(tmp_path: Path) -> None:
    first = save(point("2026-01-15", values()), tmp_path / "jan.json")
    second = save(point("2026-04-15", values()), tmp_path / "apr.json")
    before = second.read_bytes()
    code, out, err = invoke(first, second, "-o", second, "--force")
    assert (code, out) == (2, "")
    assert err == (
        f"coprod-check: error: {second}: refusing to write the report over an input file\n"
    )
    assert second.read_bytes() == before


def test_saved_fixture_results_match_the_sample_builder() -> None:
    """The hand-built JSON fixtures are exactly what ``compare_samples`` builds."""
    expected = {
        "steady-jan.json": point("2026-01-15", values(), level="descriptive", verdict="not-yet"),
        "steady-apr-blocker.json": point(
            "2026-04-15",
            values(malby_dont_no_funders=0.0),
            level="descriptive",
            verdict="not-yet",
            flags=[("malby-dont-no-funders", "blocker")],
            recommendations=["malby-dont-no-funders"],
        ),
    }
    for name, result in expected.items():
        saved = json.loads((HERE / "results" / name).read_text(encoding="utf-8"))
        assert saved == result.model_dump(mode="json"), name


def test_saved_aggregate_from_the_aggregate_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workshop's aggregate result saved by ``coprod-check aggregate`` compares end to end."""
    bank = HERE / V1
    people = []
    for number in (1, 2, 3):
        text = (HERE / "answers" / "apr.yaml").read_text(encoding="utf-8")
        person = tmp_path / f"person-{number}.yaml"
        person.write_text(text.replace("Falls service team", f"Person {number}"), "utf-8")
        people.append(str(person))
    saved = tmp_path / "workshop.json"
    made = runner.invoke(
        app, ["aggregate", *people, "-b", str(bank), "-f", "json", "-o", str(saved)]
    )
    assert made.exit_code == 0, made.stderr
    monkeypatch.chdir(HERE)
    code, out, err = invoke("results/jan.json", saved, "-f", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [(p["kind"], p["respondents"], p["level_id"]) for p in data["points"]] == [
        ("score", None, "descriptive"),
        ("aggregate", 3, "intermediate"),
    ]
    # The aggregate result carries its cycle's date: the latest of its answers files'.
    assert data["order"] == "date"
    assert data["points"][1]["date"] == "2026-04-15"
    # Everyone answered as apr.yaml did, so the overall result is apr.yaml's.
    _, alone, _ = invoke("results/jan.json", "answers/apr.yaml", "-b", V1, "-f", "json")
    assert data["criteria"] == json.loads(alone)["criteria"]

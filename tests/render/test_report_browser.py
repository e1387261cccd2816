"""The HTML reports in a real browser: Debian's headless Chromium driven by Playwright.

At 360 px (a small phone) the page itself never scrolls sideways (wide tables scroll inside
their own box), and axe-core finds no violations, for a score report, a 25-person 5-group
workshop and a comparison of two workshops by role group. Skipped, with the reason shown, when
Chromium, axe-core or Playwright is missing; ``.ci/run`` installs all three.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from browser_support import axe_violations
from coprod_check.cli import app
from print_samples import EXAMPLES, workshop

pytestmark = pytest.mark.browser


def run(*args: str | Path) -> None:
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code in (0, 1), result.stderr


def reports(folder: Path) -> dict[str, Path]:
    """A score report, a workshop's report and a compare report of two workshops."""
    run("score", EXAMPLES / "borough-wide-redesign.yaml", "-o", folder / "score.html")
    march = workshop(folder / "march.csv")
    june = workshop(folder / "june.csv", seed=7)
    run("aggregate", march, "-o", folder / "aggregate.html")
    run("aggregate", march, "--date", "2026-03-01", "-o", folder / "march.json")
    run("aggregate", june, "--date", "2026-06-01", "-o", folder / "june.json")
    run(
        "compare",
        *(folder / "march.json", folder / "june.json"),
        *("--label", "March", "--label", "June"),
        *("-o", folder / "compare.html"),
    )
    return {name: folder / f"{name}.html" for name in ("score", "aggregate", "compare")}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return reports(tmp_path_factory.mktemp("reports"))


@pytest.mark.parametrize("name", ["score", "aggregate", "compare"])
@pytest.mark.parametrize("width", [360, 1024])
def test_report_reflows_and_has_no_axe_violations(
    browser: Any, written: dict[str, Path], name: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(written[name].resolve().as_uri())
        page.wait_for_load_state("load")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"the {name} report is {scroll} px wide at {width} px"
        # The wide tables are there, and scroll in their own box instead.
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.table-scroll')]
                .filter(box => box.scrollWidth > box.clientWidth).length"""
        )
        if width == 360 and name != "score":
            assert boxes >= 1
        assert axe_violations(page) == []
    finally:
        context.close()


def test_the_reflow_measure_can_fail(browser: Any, tmp_path: Path) -> None:
    """A table outside its scrolling box makes the page itself wider than the phone."""
    html = tmp_path / "wide.html"
    html.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta name='viewport' "
        "content='width=device-width, initial-scale=1'><title>t</title></head><body><main>"
        "<table><tr>" + "<td>column-with-a-long-name</td>" * 12 + "</tr></table></main></body>",
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    try:
        page.goto(html.resolve().as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") > 360
    finally:
        context.close()

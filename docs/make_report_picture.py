"""Redraw ``docs/report.png``, the README's picture: the top of the score report of
``examples/consults-but-decides.yaml`` as headless Chromium shows it 900 px wide.

Run from the repository root after a change to the report's look:
``.venv/bin/python docs/make_report_picture.py`` (needs Chromium and the test extra).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "report.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "coprod_check",
                "score",
                str(ROOT / "examples" / "consults-but-decides.yaml"),
                "-o",
                str(html),
            ],
            check=True,
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 900, "height": 1250})
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(ROOT / "docs" / "report.png"))
            browser.close()
    print(f"wrote {ROOT / 'docs' / 'report.png'}")


if __name__ == "__main__":
    main()

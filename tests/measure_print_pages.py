"""Print the A4 page counts of the reports the print tests bound, for the docs and reviews:
``.venv/bin/python tests/measure_print_pages.py`` (needs Chromium and poppler-utils).

The limits are tested in ``tests/render/test_print_pages.py`` and
``tests/answers/test_handout_pages.py``; this script only reports the figures.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from typer.testing import CliRunner

from coprod_check.cli import app
from print_samples import EXAMPLES, pages, print_to_pdf, workshop

LIMITS = {"aggregate": 12, "score": 4, "handout": 10}


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        jobs: list[tuple[str, str, list[str]]] = [
            ("aggregate", "25 people, 5 groups", ["aggregate", str(workshop(folder / "w.csv"))]),
            ("handout", "default banks", ["questionnaire", "-f", "html"]),
        ]
        for example in sorted(EXAMPLES.glob("*.yaml")):
            jobs.append(("score", example.stem, ["score", str(example)]))
        for number, (kind, label, args) in enumerate(jobs):
            html = folder / f"{number}.html"
            result = CliRunner().invoke(app, [*args, "-o", str(html)])
            assert result.exit_code in (0, 1), result.stderr
            count = pages(print_to_pdf(html))
            print(f"{kind:10} {label:30} {count:3} A4 pages (limit {LIMITS[kind]})")


if __name__ == "__main__":
    main()

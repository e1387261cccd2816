"""Time ``coprod-check compare`` of many inputs: the text report against the HTML report.

The inputs are the four bundled examples repeated with successive dates (one a week), so every
cycle is a real answers file scored with the bundled banks. The two formats run in turn, a fresh
process each; prints median wall-clock and CPU times and the ratio text / HTML (target: at
most 1, the text report no slower than the HTML one of the same data).

    python benchmarks/compare_text_vs_html.py               # 100 inputs, 5 runs each
    python benchmarks/compare_text_vs_html.py --inputs 20 --runs 10
"""

from __future__ import annotations

import argparse
import datetime
import re
import tempfile
from pathlib import Path

from measure import REPO, add_keep_env, apply, interleave, machine, ratio_line, table, tool

DATE = re.compile(r"^(\s+date:) \d{4}-\d{2}-\d{2}$", re.MULTILINE)


def generate(folder: Path, count: int) -> list[str]:
    """``count`` answers files, the examples in turn, dated a week apart from 2026-01-05."""
    examples = sorted((REPO / "examples").glob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in examples]
    start = datetime.date(2026, 1, 5)
    paths = []
    for number in range(count):
        day = start + datetime.timedelta(weeks=number)
        text = DATE.sub(lambda match, day=day: f"{match[1]} {day.isoformat()}", texts[number % 4])
        path = folder / f"cycle-{number:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100, help="inputs to compare (100)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each format (default 5)")
    add_keep_env(parser)
    options = parser.parse_args()
    apply(options)
    coprod = tool("coprod-check")
    with tempfile.TemporaryDirectory(prefix="coprod-compare-") as temp:
        inputs = generate(Path(temp), options.inputs)
        samples = interleave(
            {
                "compare -f text": [coprod, "compare", *inputs, "-f", "text"],
                "compare -f html": [coprod, "compare", *inputs, "-f", "html"],
            },
            options.runs,
        )
    print(f"inputs: {options.inputs}; runs: {options.runs} each; {machine()}")
    print(table(samples))
    print(ratio_line("text / html", *samples.values()))


if __name__ == "__main__":
    main()

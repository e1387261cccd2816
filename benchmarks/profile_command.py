"""Where a coprod-check command spends its time: imports (``-X importtime``) or calls (cProfile).

    python benchmarks/profile_command.py imports -- score examples/borough-wide-redesign.yaml
    python benchmarks/profile_command.py calls -- validate
    python benchmarks/profile_command.py calls --top 40 -- compare a.yaml b.yaml -f html

``imports`` runs the command under ``python -X importtime`` and lists the slowest imports by
cumulative time (a module's time includes the modules it imports), so it shows which packages a
command pulls in. ``calls`` runs it under cProfile and lists the functions with the most
cumulative time. Both run in a fresh process, as a user would, with output discarded.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from measure import ENV, add_keep_env, apply, machine

ENTRY = (
    "import sys; from coprod_check.cli import main; "
    "sys.argv = ['coprod-check', *sys.argv[1:]]; main()"
)


def imports(command: list[str], top: int) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", ENTRY, *command],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, total, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
        rows.append((int(total), int(own), name))
    rows.sort(reverse=True)
    print(f"{'cumulative ms':>13} {'own ms':>7}  module")
    for total, own, name in rows[:top]:
        print(f"{total / 1000:13.1f} {own / 1000:7.1f}  {name}")


def calls(command: list[str], top: int) -> None:
    code = (
        "import cProfile, pstats, sys, io\n"
        "from coprod_check.cli import main\n"
        f"sys.argv = ['coprod-check', *{command!r}]\n"
        "profile = cProfile.Profile()\n"
        "try:\n"
        "    profile.runcall(main)\n"
        "except SystemExit:\n"
        "    pass\n"
        "out = io.StringIO()\n"
        f"pstats.Stats(profile, stream=out).sort_stats('cumulative').print_stats({top})\n"
        "sys.stderr.write(out.getvalue())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    print(result.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], usage="%(prog)s {imports,calls} [--top N] -- COMMAND"
    )
    parser.add_argument("mode", choices=["imports", "calls"])
    parser.add_argument("--top", type=int, default=30, help="how many rows to show (30)")
    add_keep_env(parser)
    arguments = sys.argv[1:]
    split = arguments.index("--") if "--" in arguments else len(arguments)
    options = parser.parse_args(arguments[:split])
    apply(options)
    command = arguments[split + 1 :]
    print(f"coprod-check {' '.join(command)}; {machine()}")
    if options.mode == "imports":
        imports(command, options.top)
    else:
        calls(command, options.top)


if __name__ == "__main__":
    main()

"""Options, help and epilogs of ``coprod-check serve`` and ``coprod-check workshop``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SERVE_EPILOG = """\b
Examples:
  coprod-check serve
  coprod-check serve --bank right-circumstances --min-group-size 5 --title "Falls service"
  coprod-check serve --host 0.0.0.0 --port 8080        # on the local network (warns)
  coprod-check serve --behind-https --public-url https://survey.example.org

\b
Prints the participant link, its QR code and the facilitator link. Answers are
kept in the database file (--db); 'coprod-check workshop' closes, exports and
deletes. Exit codes: 0 stopped with Ctrl-C; 1 a bank file is invalid; 2 bad
usage, an unreadable database, or the port is in use."""

WORKSHOP_HELP = "Workshop databases made by 'coprod-check serve': close, export, delete."

WORKSHOP_EPILOG = """\b
Examples:
  coprod-check workshop close coprod-workshop.db
  coprod-check workshop export coprod-workshop.db -o results/
  coprod-check workshop delete coprod-workshop.db --yes

\b
Exit codes: 0 done; 1 a bank file is invalid; 2 no such database, a file that
is not a workshop database, an export file exists (use --force), or bad usage."""

DbOption = Annotated[
    Path,
    typer.Option("--db", metavar="FILE", help="The workshop database (created if missing)."),
]
RoleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--role",
        metavar="ROLE",
        help="A role group participants may choose. Repeat for more; default: all six.",
    ),
]
TitleOption = Annotated[
    str, typer.Option("--title", help="The workshop's name, shown on every page.")
]
NewOption = Annotated[bool, typer.Option("--new", help="Start another workshop in the database.")]
ClosesInOption = Annotated[
    float | None,
    typer.Option("--closes-in", metavar="HOURS", help="Stop taking answers after this long."),
]
HostOption = Annotated[
    str,
    typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network (warns)."),
]
PortOption = Annotated[int, typer.Option("--port", help="Port to listen on.")]
BehindHttpsOption = Annotated[
    bool,
    typer.Option(
        "--behind-https",
        help="Behind an HTTPS reverse proxy: Secure cookies, HSTS, and trust its X-Forwarded-* "
        "headers (from --forwarded-allow-ips).",
    ),
]
PublicUrlOption = Annotated[
    str | None,
    typer.Option("--public-url", metavar="URL", help="The address participants use (links, QR)."),
]
ForwardedOption = Annotated[
    str,
    typer.Option("--forwarded-allow-ips", metavar="IPS", help="The reverse proxy's address(es)."),
]
RateLimitOption = Annotated[
    int,
    typer.Option("--rate-limit", metavar="N", help="Requests a minute allowed per address."),
]
DbArgument = Annotated[Path, typer.Argument(metavar="DB", help="The workshop database file.")]
ExportFolderOption = Annotated[
    Path, typer.Option("--output", "-o", metavar="FOLDER", help="Write the files here.")
]
YesOption = Annotated[bool, typer.Option("--yes", help="Confirm: delete every answer for good.")]

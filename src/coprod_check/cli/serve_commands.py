"""The browser workshop's commands: ``serve`` and ``workshop close / export / delete``.

``serve`` is registered by ``cli.commands`` so that ``--help`` lists it in its place.
"""

from __future__ import annotations

from pathlib import Path

import typer

from coprod_check.cli import options as h
from coprod_check.cli import serve_options as s
from coprod_check.cli.app import workshop_app
from coprod_check.cli.deliver import deliver


def serve(
    bank: h.OnlyBanksOption = None,
    db: s.DbOption = Path("coprod-workshop.db"),
    role: s.RoleOption = None,
    min_group_size: h.MinGroupSizeOption = 3,
    title: s.TitleOption = "Co-production readiness workshop",
    new: s.NewOption = False,
    closes_in: s.ClosesInOption = None,
    host: s.HostOption = "127.0.0.1",
    port: s.PortOption = 8000,
    behind_https: s.BehindHttpsOption = False,
    public_url: s.PublicUrlOption = None,
    forwarded_allow_ips: s.ForwardedOption = "127.0.0.1",
    rate_limit: s.RateLimitOption = 1200,
) -> None:
    """Run a workshop in the browser: participants answer on their phones, answers kept here."""
    from coprod_check.serve.command import ServeOptions, serve_command

    options = ServeOptions(
        db=db,
        banks=bank or [],
        roles=role or [],
        min_group_size=min_group_size,
        title=title,
        new=new,
        closes_in_hours=closes_in,
        host=host,
        port=port,
        behind_https=behind_https,
        public_url=public_url,
        forwarded_allow_ips=forwarded_allow_ips,
        rate_limit=rate_limit,
    )
    deliver(lambda: serve_command(options, lambda text, err: typer.echo(text, nl=False, err=err)))


@workshop_app.command("close")
def workshop_close(db: s.DbArgument) -> None:
    """Stop a workshop taking answers (everything saved is kept)."""
    from coprod_check.serve.command import close_command

    deliver(lambda: close_command(db))


@workshop_app.command("export")
def workshop_export(
    db: s.DbArgument,
    folder: s.ExportFolderOption = Path("."),
    bank: h.BanksOption = None,
    force: h.ForceOption = False,
) -> None:
    """Write answers files (zip), a CSV for aggregate, results (JSON, HTML), the consensus."""
    from coprod_check.serve.command import export_command

    deliver(lambda: export_command(db, folder, bank or [], force))


@workshop_app.command("delete")
def workshop_delete(db: s.DbArgument, yes: s.YesOption = False) -> None:
    """Delete a workshop database and every answer in it, for good (stop the server first)."""
    from coprod_check.serve.command import delete_command

    deliver(lambda: delete_command(db, confirmed=yes))

"""What ``coprod-check serve`` and ``coprod-check workshop ...`` do between parsing and output.

Kept out of ``cli.py`` so the command line stays thin. Starlette, uvicorn and segno are imported
only here and below, so no other command pays for them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coprod_check.answers.model import ROLES
from coprod_check.bank.model import Bank
from coprod_check.errors import InputError, Location, Outcome, UsageError
from coprod_check.serve.records import Workshop, WorkshopSettings
from coprod_check.serve.results import EXPORTS, export_file
from coprod_check.serve.sqlite_store import SqliteStore

DEFAULT_DB = Path("coprod-workshop.db")
DEFAULT_TITLE = "Co-production readiness workshop"
LOCAL = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class ServeOptions:
    db: Path
    banks: Sequence[str]
    roles: Sequence[str]
    min_group_size: int
    title: str
    new: bool
    closes_in_hours: float | None
    host: str
    port: int
    behind_https: bool
    public_url: str | None
    forwarded_allow_ips: str
    rate_limit: int


@dataclass(frozen=True, slots=True)
class Launch:
    """A server ready to start: its store, banks, the workshops it serves and where."""

    store: SqliteStore
    banks: dict[tuple[str, str], Bank]
    workshops: list[Workshop]
    base_url: str
    warnings: list[str]


def _check(options: ServeOptions) -> None:
    if options.min_group_size < 1:
        raise UsageError("--min-group-size must be at least 1")
    if not 0 < options.port < 65536:
        raise UsageError("--port must be between 1 and 65535")
    for role in options.roles:
        if role not in ROLES:
            raise UsageError(f"--role {role}: choose from: {', '.join(ROLES)}")
    if options.closes_in_hours is not None and options.closes_in_hours <= 0:
        raise UsageError("--closes-in must be more than 0 hours")
    if options.rate_limit < 10:
        raise UsageError("--rate-limit must be at least 10 requests a minute")
    if options.public_url and not options.public_url.startswith(("http://", "https://")):
        raise UsageError("--public-url must start with https:// (or http://)")
    if not options.title.strip() or len(options.title) > 200:
        raise UsageError("--title must be 1 to 200 characters")


def check_port(host: str, port: int) -> None:
    """Refuse at once, in one line, a port another program listens on (rather than after
    printing links that lead nowhere)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise UsageError(
                f"cannot listen on {host}:{port}: {error.strerror or error} "
                "(another program may be using the port: choose another with --port)"
            ) from None


def lan_address() -> str | None:
    """This machine's address on the local network, for links when serving on 0.0.0.0."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))  # no packet is sent for a UDP connect
        address = str(probe.getsockname()[0])
        return None if address.startswith("127.") else address
    return None


def prepare(options: ServeOptions) -> Launch:
    """Open (or create) the database, load banks, create a workshop when there is none."""
    from coprod_check.answers.loader import available_banks, select_banks

    _check(options)
    chosen = select_banks(list(options.banks))
    loaded = {(bank.id, bank.version): bank for bank in available_banks(list(options.banks))}
    loaded.update({(bank.id, bank.version): bank for bank in chosen})
    store = SqliteStore(options.db)
    workshops = [item for item in store.workshops() if item.closed_at is None]
    if options.new or not store.workshops():
        closes = None
        if options.closes_in_hours is not None:
            closes = (
                (dt.datetime.now(dt.UTC) + dt.timedelta(hours=options.closes_in_hours))
                .replace(microsecond=0)
                .isoformat()
            )
        workshops.append(
            store.create_workshop(
                WorkshopSettings(
                    title=" ".join(options.title.split()),
                    banks=tuple((bank.id, bank.version) for bank in chosen),
                    roles=tuple(options.roles or ROLES),
                    min_group_size=options.min_group_size,
                    closes_at=closes,
                )
            )
        )
    warnings: list[str] = []
    for workshop in workshops:
        missing = [ref for ref in workshop.settings.banks if ref not in loaded]
        if missing:
            names = ", ".join(f"{bank} {version}" for bank, version in missing)
            warnings.append(
                f"workshop {workshop.settings.title!r} uses banks not loaded ({names}); "
                "give their files with --bank"
            )
    host = options.host
    if options.public_url:
        base = options.public_url.rstrip("/")
    else:
        shown = host
        if host in ("0.0.0.0", "::", ""):
            shown = lan_address() or "THIS-COMPUTER"
            warnings.append(
                "--host 0.0.0.0: anyone on this network can reach the server (not only this "
                "computer). Use it only on a network you trust, for the workshop's length; over "
                "the internet, run it behind HTTPS (see the README)."
            )
        base = f"http://{shown}:{options.port}"
    if not workshops:
        warnings.append("every workshop in this database is closed; start one with --new")
    return Launch(store, loaded, workshops, base, warnings)


def banner(launch: Launch) -> str:
    """What the terminal shows: each workshop's links and the participant QR code."""
    import segno

    lines: list[str] = []
    for workshop in launch.workshops:
        participant = f"{launch.base_url}/w/{workshop.participant_token}"
        facilitator = f"{launch.base_url}/f/{workshop.facilitator_token}"
        code = segno.make(participant, error="m")
        stream = io.StringIO()
        code.terminal(out=stream, compact=True, border=2)
        lines += [
            f"Workshop: {workshop.settings.title}",
            f"  Participants: {participant}",
            f"  Facilitator (keep private): {facilitator}",
            stream.getvalue().rstrip("\n"),
            "",
        ]
    lines.append("Press Ctrl-C to stop the server; answers are saved as they are given.")
    return "\n".join(lines) + "\n"


def run_server(launch: Launch, options: ServeOptions) -> None:
    """Serve until Ctrl-C. No access log: client addresses and user agents are never recorded."""
    import uvicorn

    from coprod_check.serve.app import create_app
    from coprod_check.serve.context import Server

    server = Server(
        launch.store, launch.banks, https=options.behind_https, public_url=options.public_url
    )
    # COPROD_SERVE_TIMING=1: each response says how long the server spent on it (Server-Timing),
    # for benchmarks/serve_load.py; off by default.
    timing = os.environ.get("COPROD_SERVE_TIMING") == "1"
    app = create_app(server, rate_per_minute=options.rate_limit, timing=timing)
    config = uvicorn.Config(
        app,
        host=options.host,
        port=options.port,
        access_log=False,
        log_level="warning",
        server_header=False,
        proxy_headers=options.behind_https,
        forwarded_allow_ips=options.forwarded_allow_ips if options.behind_https else None,
        timeout_keep_alive=5,
        limit_concurrency=2000,
    )
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a facilitator stops the server: a normal end
    finally:
        launch.store.close()


def serve_command(options: ServeOptions, show: Callable[[str, bool], None]) -> Outcome:
    """Prepare, show warnings and the links (``show(text, to_stderr)``), serve until Ctrl-C."""
    _check(options)
    check_port(options.host, options.port)
    launch = prepare(options)
    for warning in launch.warnings:
        show(f"coprod-check: warning: {warning}\n", True)
    show(banner(launch), False)
    run_server(launch, options)
    return Outcome(notes=[f"server stopped; the answers are kept in {options.db}"])


def close_command(db: Path) -> Outcome:
    closed = close_workshops(db)
    notes = [f"closed {item.settings.title!r}" for item in closed]
    return Outcome(notes=notes or ["nothing to close (already closed)"])


def export_command(db: Path, folder: Path, bank_choices: Sequence[str], force: bool) -> Outcome:
    written = export_workshops(db, folder, bank_choices, force)
    return Outcome(notes=[f"wrote {path}" for path in written])


def delete_command(db: Path, *, confirmed: bool) -> Outcome:
    if not confirmed:
        raise UsageError(f"this deletes every answer in {db} for good; add --yes to confirm")
    delete_workshops(db)
    return Outcome(notes=[f"deleted {db} and every answer in it"])


# -- workshop close / delete / export ------------------------------------------------------


def open_existing(db: Path) -> SqliteStore:
    if not db.is_file():
        raise InputError("no workshop database here", Location(str(db)))
    return SqliteStore(db, create=False)


def close_workshops(db: Path) -> list[Workshop]:
    """Close every open workshop in ``db``; returns those it closed."""
    store = open_existing(db)
    try:
        closed = [item for item in store.workshops() if item.closed_at is None]
        for item in closed:
            store.close_workshop(item.id)
        return closed
    finally:
        store.close()


def delete_workshops(db: Path) -> None:
    """Delete every answer for good: rows wiped (secure delete), file emptied, then removed."""
    store = open_existing(db)
    try:
        store.delete_everything()
    finally:
        store.close()
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{db}{suffix}")


def export_workshops(
    db: Path, folder: Path, bank_choices: Sequence[str], force: bool
) -> list[Path]:
    """Write every export of the database's workshop into ``folder`` (atomically, each)."""
    from coprod_check.answers.loader import available_banks
    from coprod_check.files.atomic import check_output
    from coprod_check.serve.results import NoAnswersError

    store = open_existing(db)
    try:
        workshops = store.workshops()
        if not workshops:
            raise InputError("this database holds no workshop", Location(str(db)))
        loaded = {(bank.id, bank.version): bank for bank in available_banks(list(bank_choices))}
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such folder (create it first)")
        written: list[Path] = []
        for number, workshop in enumerate(workshops, start=1):
            missing = [ref for ref in workshop.settings.banks if ref not in loaded]
            if missing:
                raise UsageError(
                    f"workshop {workshop.settings.title!r} uses banks not loaded "
                    f"({', '.join(f'{b} {v}' for b, v in missing)}); give their files with --bank"
                )
            banks = [loaded[ref] for ref in workshop.settings.banks]
            prefix = "" if len(workshops) == 1 else f"workshop-{number}-"
            for name in EXPORTS:
                try:
                    made = export_file(store, workshop, banks, name)
                except NoAnswersError:
                    continue
                assert made is not None
                path = folder / f"{prefix}{name}"
                check_output(path, force=force, inputs=[db])
                _write_bytes(path, made[0], force)
                written.append(path)
        return written
    finally:
        store.close()


def _write_bytes(path: Path, body: bytes | str, force: bool) -> None:
    from coprod_check.files.atomic import write_atomic

    if isinstance(body, str):
        write_atomic(path, body, overwrite=force)
        return
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(body)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise InputError(
                f"cannot write: {error.strerror or error}", Location(str(path))
            ) from None
        raise

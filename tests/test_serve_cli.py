"""``coprod-check serve`` and ``coprod-check workshop``: a real uvicorn server on 127.0.0.1
answering a participant, the warning for --host 0.0.0.0, and close / export / delete."""

from __future__ import annotations

import io
import json
import signal
import socket
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx2
import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from coprod_check.serve.command import ServeOptions, prepare
from serve_process import start_serve
from serve_support import MINI, hidden, make_setup, person

runner = CliRunner()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, str, Path]]:
    db = tmp_path / "live.db"
    server = start_serve(db, "--bank", str(MINI), "--title", "Live test")
    yield server.process, server.participant, server.facilitator, db
    server.stop(timeout=20)


def test_a_real_server_on_127_0_0_1_takes_answers(
    served: tuple[subprocess.Popen[str], str, str, Path],
) -> None:
    process, participant, facilitator, db = served
    assert participant.startswith("http://127.0.0.1:")
    with httpx2.Client(follow_redirects=False, timeout=10) as client:
        welcome = client.get(participant)
        assert welcome.status_code == 200 and "Live test" in welcome.text
        start = client.post(
            f"{participant}/start",
            content=urlencode({"csrf": hidden(welcome.text, "csrf")}),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert start.status_code == 303
        about_url = participant.split("/w/")[0] + start.headers["location"]
        about = client.get(about_url)
        saved = client.post(
            about_url,
            content=urlencode({"csrf": hidden(about.text, "csrf"), "role": "carer"}),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert saved.status_code == 303
        page_url = participant.split("/w/")[0] + saved.headers["location"]
        page = client.get(page_url)
        posted = client.post(
            page_url,
            content=urlencode(
                {
                    "csrf": hidden(page.text, "csrf"),
                    "seen": hidden(page.text, "seen"),
                    "answer:mini/a1": "agree",
                    "go": "next",
                }
            ),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert posted.status_code == 303
        assert "server" not in posted.headers
        board = client.get(facilitator)
        assert board.status_code == 200 and "Who has answered" in board.text
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0
    errors = process.stderr.read() if process.stderr else ""
    assert "127.0.0.1" not in errors and "GET /" not in errors  # no access log, no addresses
    import sqlite3

    with sqlite3.connect(db) as connection:
        assert connection.execute(
            "SELECT option_id FROM answer WHERE question_id = 'a1'"
        ).fetchall() == [("agree",)]


def options(tmp_path: Path, **changes: object) -> ServeOptions:
    values: dict[str, object] = {
        "db": tmp_path / "w.db",
        "banks": [str(MINI)],
        "roles": [],
        "min_group_size": 3,
        "title": "T",
        "new": False,
        "closes_in_hours": None,
        "host": "127.0.0.1",
        "port": 8000,
        "behind_https": False,
        "public_url": None,
        "forwarded_allow_ips": "127.0.0.1",
        "rate_limit": 1200,
        **changes,
    }
    return ServeOptions(**values)  # type: ignore[arg-type]


def test_listening_on_every_address_warns_plainly(tmp_path: Path) -> None:
    launch = prepare(options(tmp_path, host="0.0.0.0"))
    assert any("anyone on this network can reach the server" in w for w in launch.warnings)
    quiet = prepare(options(tmp_path))
    assert quiet.warnings == [] and quiet.base_url == "http://127.0.0.1:8000"


def test_the_same_database_serves_the_same_workshop_after_a_restart(tmp_path: Path) -> None:
    first = prepare(options(tmp_path))
    first.store.close()
    again = prepare(options(tmp_path))
    assert [w.participant_token for w in again.workshops] == [
        w.participant_token for w in first.workshops
    ]
    newer = prepare(options(tmp_path, new=True))
    assert len(newer.workshops) == 2


def test_a_public_url_is_used_for_links(tmp_path: Path) -> None:
    launch = prepare(options(tmp_path, public_url="https://survey.example.org/"))
    assert launch.base_url == "https://survey.example.org"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min-group-size", "0"], "--min-group-size must be at least 1"),
        (["--role", "king"], "--role king: choose from"),
        (["--port", "70000"], "--port must be between"),
        (["--public-url", "survey.example.org"], "--public-url must start with"),
        (["--closes-in", "0"], "--closes-in must be more than 0"),
        (["--bank", "nope"], "no bundled bank has this id"),
    ],
)
def test_serve_usage_errors_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "w.db"), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert result.output.count("\n") == 1


def test_workshop_close_export_and_delete(tmp_path: Path) -> None:
    setup = make_setup(tmp_path)
    ann = person(setup)
    ann.start()
    ann.about("Ann", "carer")
    ann.submit(1, {"a1": "agree"}, {"a1": "A-PRIVATE-NOTE"})
    setup.store.close()
    db = str(setup.path)

    closed = runner.invoke(app, ["workshop", "close", db])
    assert closed.exit_code == 0 and "closed 'Falls service workshop'" in closed.output
    assert runner.invoke(app, ["workshop", "close", db]).output.startswith(
        "coprod-check: nothing to close"
    )

    out = tmp_path / "out"
    out.mkdir()
    exported = runner.invoke(app, ["workshop", "export", db, "-o", str(out), "--bank", str(MINI)])
    assert exported.exit_code == 0, exported.output
    assert sorted(p.name for p in out.iterdir()) == [
        "answers.zip",
        "consensus.yaml",
        "responses.csv",
        "results.html",
        "results.json",
    ]
    with zipfile.ZipFile(io.BytesIO((out / "answers.zip").read_bytes())) as archive:
        assert "A-PRIVATE-NOTE" in archive.read("participant-001.yaml").decode()
    again = runner.invoke(app, ["workshop", "export", db, "-o", str(out), "--bank", str(MINI)])
    assert again.exit_code == 2 and "already exists; use --force" in again.output
    scored = runner.invoke(app, ["score", str(out / "consensus.yaml"), "--bank", str(MINI)])
    assert scored.exit_code == 0, scored.output
    # ... and compare, beside a participant's own answers file from the export.
    with zipfile.ZipFile(out / "answers.zip") as archive:
        (out / "ann.yaml").write_bytes(archive.read("participant-001.yaml"))
    inputs = [str(out / "ann.yaml"), str(out / "consensus.yaml")]
    labels = ["-l", "Ann", "-l", "Consensus"]
    compared = runner.invoke(app, ["compare", *inputs, "--bank", str(MINI), *labels, "-f", "json"])
    assert compared.exit_code == 0, compared.output
    assert isinstance(json.loads(compared.output), dict)
    assert '"Ann"' in compared.output and '"Consensus"' in compared.output

    refused = runner.invoke(app, ["workshop", "delete", db])
    assert refused.exit_code == 2 and "add --yes" in refused.output
    assert Path(db).exists()
    deleted = runner.invoke(app, ["workshop", "delete", db, "--yes"])
    assert deleted.exit_code == 0
    assert not Path(db).exists() and not Path(f"{db}-wal").exists()
    missing = runner.invoke(app, ["workshop", "close", db])
    assert missing.exit_code == 2 and "no workshop database here" in missing.output


def test_workshop_commands_refuse_a_file_that_is_not_a_workshop(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("my notes\n" * 200)
    result = runner.invoke(app, ["workshop", "delete", str(other), "--yes"])
    assert result.exit_code == 2 and "not a usable workshop database" in result.output
    assert other.read_text() == "my notes\n" * 200


def test_a_port_in_use_is_a_one_line_usage_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(
            app, ["serve", "--db", str(tmp_path / "w.db"), "--port", str(port), "--bank", str(MINI)]
        )
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "Participants:" not in result.output
    assert not (tmp_path / "w.db").exists()

"""The facilitator's side over HTTP: nothing without the token, live counts with small groups
hidden, results from the aggregate engine, the consensus round, closing, and exports that
``score``, ``compare`` and ``aggregate`` read back to the same results."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from coprod_check.aggregate.command import run_aggregate
from coprod_check.aggregate.report import render
from coprod_check.answers.loader import parse_answers
from coprod_check.scoring.engine import score
from coprod_check.serve.results import aggregate_result, settings_for
from serve_support import Setup, hidden, make_setup, person, post_form

FACILITATOR_ROUTES = [
    ("GET", ""),
    ("GET", "/results"),
    ("GET", "/qr.svg"),
    ("POST", "/close"),
    ("GET", "/consensus"),
    ("GET", "/consensus/mini/a1"),
    ("POST", "/consensus/mini/a1"),
    ("POST", "/consensus/mini/a1/dissent/1/remove"),
    ("GET", "/export/answers.zip"),
    ("GET", "/export/responses.csv"),
    ("GET", "/export/results.json"),
    ("GET", "/export/results.html"),
    ("GET", "/export/consensus.yaml"),
]

GROUPS = [  # (role, answer to a1): three carers, three staff, one manager
    ("carer", "strongly-agree"),
    ("carer", "agree"),
    ("carer", "strongly-agree"),
    ("frontline staff", "disagree"),
    ("frontline staff", "strongly-disagree"),
    ("frontline staff", "disagree"),
    ("manager", "neither"),
]


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return make_setup(tmp_path)


@pytest.fixture
def workshop(setup: Setup) -> Setup:
    """Seven people answer pages 1 and 2; all but the last finish."""
    for number, (role, a1) in enumerate(GROUPS):
        someone = person(setup)
        someone.start()
        someone.about(f"P{number}", role)
        someone.submit(1, {"a1": a1, "a2": "agree", "a3": "disagree"}, {"a2": f"note {number}"})
        someone.submit(2, {"b1": "agree"})
        if number < len(GROUPS) - 1:
            someone.finish()
    return setup


@pytest.mark.parametrize(("method", "route"), FACILITATOR_ROUTES)
@pytest.mark.parametrize(
    "token",
    ["wrong", "{participant}", "{facilitator}x", "{short}"],
)
def test_no_facilitator_route_answers_without_its_token(
    setup: Setup, method: str, route: str, token: str
) -> None:
    workshop = setup
    someone = person(setup)
    someone.start()
    someone.about("P1", "carer")
    someone.submit(1, {"a1": "agree"}, {"a2": "note 1"})
    bad = token.format(
        participant=workshop.workshop.participant_token,
        facilitator=workshop.workshop.facilitator_token,
        short=workshop.workshop.facilitator_token[:-1],
    )
    client = workshop.client()
    csrf = hidden(client.get(workshop.facilitator).text, "csrf")  # a valid code changes nothing
    reply = client.request(
        method,
        f"/f/{bad}{route}",
        data={"csrf": csrf, "confirm": "yes"} if method == "POST" else None,
    )
    assert reply.status_code == 404
    assert "This link does not work" in reply.text
    assert "P1" not in reply.text and "note" not in reply.text
    assert workshop.fresh().closed_at is None


def test_participant_links_never_reach_facilitator_pages(workshop: Setup) -> None:
    client = workshop.client()
    token = workshop.workshop.participant_token
    for route in ("results", "consensus", "export/responses.csv"):
        assert client.get(f"/w/{token}/{route}").status_code == 404


def test_the_facilitator_page_counts_groups_and_hides_small_ones(workshop: Setup) -> None:
    page = workshop.client().get(workshop.facilitator).text
    rows = {
        label: rest
        for label, *rest in re.findall(
            r'<th scope="row">([^<]+)</th><td class="num">([^<]+)</td>'
            r'<td class="num">([^<]+)</td><td>([^<]+)</td>',
            page,
        )
    }
    assert rows["Carers"] == ["3", "3", "Shown"]
    assert rows["Frontline staff"] == [
        "3",
        "3",
        "Hidden, so that a smaller group cannot be worked out",
    ]
    assert rows["Managers"] == ["fewer than 3", "fewer than 3", "Hidden: fewer than 3 people"]
    assert rows["Everyone"] == ["7", "6", "Shown"]
    assert f"http://127.0.0.1:8000/w/{workshop.workshop.participant_token}" in page
    assert '<svg role="img" aria-label="QR code of the participant link"' in page


def counts_row(page: str, label: str) -> list[str]:
    found = re.search(
        rf'<th scope="row">{label}</th><td class="num">([^<]+)</td><td class="num">([^<]+)</td>',
        page,
    )
    assert found, f"no {label} row"
    return list(found.groups())


def test_the_facilitator_page_updates_its_counts_by_itself_without_javascript(
    workshop: Setup,
) -> None:
    client = workshop.client()
    live = client.get(workshop.facilitator)
    # The browser reloads the page by itself (no script, nothing the CSP must allow) ...
    assert live.headers["refresh"] == "15"
    assert "updates itself every 15 seconds" in live.text
    assert counts_row(live.text, "Everyone") == ["7", "6"]
    assert "<script" not in live.text and "http-equiv" not in live.text
    # ... and each reload shows who has answered since.
    someone = person(workshop)
    someone.start()
    someone.about("P8", "carer")
    assert counts_row(client.get(workshop.facilitator).text, "Everyone") == ["8", "6"]
    # The facilitator can stop it (screen readers, or ticking the close box at leisure) ...
    still = client.get(f"{workshop.facilitator}?live=0")
    assert still.status_code == 200 and "refresh" not in still.headers
    assert f'href="{workshop.facilitator}">Update them every 15 seconds' in still.text
    # ... and a closed workshop's numbers no longer change, so it stops by itself.
    close = [("csrf", hidden(live.text, "csrf")), ("confirm", "yes")]
    assert post_form(client, f"{workshop.facilitator}/close", close).status_code == 303
    assert "refresh" not in client.get(workshop.facilitator).headers


@pytest.mark.parametrize(("seconds", "words"), [(1, "every 1 second."), (30, "every 30 seconds.")])
def test_the_facilitator_page_says_how_often_it_updates_in_words(
    workshop: Setup, seconds: int, words: str
) -> None:
    workshop.server.refresh_seconds = seconds
    page = workshop.client().get(workshop.facilitator)
    assert page.headers["refresh"] == str(seconds)
    assert f"This page updates itself {words}" in page.text


def test_results_are_the_aggregate_report_with_small_groups_hidden(workshop: Setup) -> None:
    reply = workshop.client().get(f"{workshop.facilitator}/results")
    assert reply.status_code == 200
    responses = list(workshop.store.responses(workshop.workshop.id))
    result = aggregate_result(workshop.workshop, workshop.banks, responses)
    assert result is not None
    expected = render(result, "html")
    assert (
        reply.text.replace(
            f'<nav><p><a href="{workshop.facilitator}">Back to the facilitator page</a></p>'
            "</nav>\n",
            "",
        )
        == expected
    )
    shown = {group.id: group.shown for group in result.groups}
    # Complementary suppression (aggregate's rule): Everyone minus carers would be the
    # manager's answers plus the staff's, so the staff are hidden too.
    assert shown == {"everyone": True, "carer": True, "frontline staff": False, "manager": False}
    assert "Back to the facilitator page" in reply.text


def test_results_before_anyone_answers_say_so(setup: Setup) -> None:
    reply = setup.client().get(f"{setup.facilitator}/results")
    assert reply.status_code == 409 and "No answers yet" in reply.text


def test_the_qr_code_download_is_an_svg_of_the_link(setup: Setup) -> None:
    reply = setup.client().get(f"{setup.facilitator}/qr.svg")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "image/svg+xml"
    assert reply.text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns=')
    assert "attachment" in reply.headers["content-disposition"]


def consensus_post(setup: Setup, question: str, fields: list[tuple[str, str]]) -> object:
    client = setup.client()
    page = client.get(f"{setup.facilitator}/consensus/mini/{question}")
    assert page.status_code == 200
    return post_form(
        client,
        f"{setup.facilitator}/consensus/mini/{question}",
        [("csrf", hidden(page.text, "csrf")), *fields],
    )


def test_the_consensus_round_lists_the_most_disputed_first(workshop: Setup) -> None:
    page = workshop.client().get(f"{workshop.facilitator}/consensus").text
    disputed = page.split("Most disputed first")[1].split("Every question")[0]
    assert "We have authority." in disputed  # a1: the only question people differ on
    assert "Leaders back us." not in disputed


def test_recording_a_consensus_answer_with_dissent(workshop: Setup) -> None:
    reply = consensus_post(
        workshop,
        "a1",
        [
            ("answer", "agree"),
            ("note", "Agreed after discussion"),
            ("dissent_group", "frontline staff"),
            ("dissent_text", "We have no budget authority"),
        ],
    )
    assert reply.status_code == 303  # type: ignore[attr-defined]
    page = workshop.client().get(reply.headers["location"]).text  # type: ignore[attr-defined]
    assert "Saved." in page and 'value="agree" checked' in page
    assert "Frontline staff:</strong> We have no budget authority" in page
    assert "Small group" not in page
    agreed = workshop.store.consensus(workshop.workshop.id)
    assert [(a.key, a.option, a.note) for a in agreed] == [
        (("mini", "a1"), "agree", "Agreed after discussion")
    ]
    assert [(d.group, d.text) for d in agreed[0].dissent] == [
        ("frontline staff", "We have no budget authority")
    ]
    # The consensus answers file is a normal answers file that score accepts.
    text = workshop.client().get(f"{workshop.facilitator}/export/consensus.yaml").text
    loaded = parse_answers(text, "consensus.yaml", workshop.banks)
    a1 = loaded.answers.answer_for("a1")
    assert a1.answer == "agree"
    assert (
        a1.note == "Agreed after discussion\nDissent (Frontline staff): We have no budget authority"
    )
    assert loaded.answers.answer_for("a2").note == (
        "Not discussed in the consensus round: everyone's typical answer."
    )
    assert loaded.answers.answer_for("a2").answer == "agree"
    assert score(loaded.banks, loaded.answers).verdict.id


def test_a_dissent_recorded_by_mistake_can_be_removed(workshop: Setup) -> None:
    consensus_post(workshop, "a1", [("answer", "agree"), ("dissent_text", "Oops")])
    dissent = workshop.store.consensus(workshop.workshop.id)[0].dissent[0]
    client = workshop.client()
    page = client.get(f"{workshop.facilitator}/consensus/mini/a1").text
    remove = re.search(
        r'action="([^"]+/remove)">\s*<input type="hidden" name="csrf" value="([^"]+)"', page
    )
    assert remove is not None and remove.group(1).endswith(f"/dissent/{dissent.id}/remove")
    reply = post_form(client, remove.group(1), [("csrf", remove.group(2))])
    assert reply.status_code == 303
    assert workshop.store.consensus(workshop.workshop.id)[0].dissent == ()


@pytest.mark.parametrize(
    ("fields", "status", "text"),
    [
        ([], 400, "Choose the answer the room agreed"),
        ([("answer", "fully-true")], 400, "not one of this question"),
        ([("answer", "agree"), ("dissent_group", "king")], 400, "not one of this workshop"),
        ([("answer", "agree"), ("extra", "x")], 400, "field this page does not have"),
        ([("answer", "agree"), ("note", "x" * 2001)], 400, "at most 2,000"),
    ],
)
def test_bad_consensus_forms_are_refused(
    workshop: Setup, fields: list[tuple[str, str]], status: int, text: str
) -> None:
    reply = consensus_post(workshop, "a1", fields)
    assert reply.status_code == status  # type: ignore[attr-defined]
    assert text in reply.text  # type: ignore[attr-defined]
    assert workshop.store.consensus(workshop.workshop.id) == []


def test_consensus_for_a_question_not_in_the_workshop_is_404(workshop: Setup) -> None:
    reply = workshop.client().get(f"{workshop.facilitator}/consensus/mini/zz")
    assert reply.status_code == 404


def test_closing_needs_confirmation_and_then_stops_answers(workshop: Setup) -> None:
    client = workshop.client()
    csrf = hidden(client.get(workshop.facilitator).text, "csrf")
    refused = post_form(client, f"{workshop.facilitator}/close", [("csrf", csrf)])
    assert refused.status_code == 400 and workshop.fresh().closed_at is None
    forged = post_form(client, f"{workshop.facilitator}/close", [("confirm", "yes")])
    assert forged.status_code == 403 and workshop.fresh().closed_at is None
    done = post_form(client, f"{workshop.facilitator}/close", [("csrf", csrf), ("confirm", "yes")])
    assert done.status_code == 303 and workshop.fresh().closed_at is not None
    assert "This workshop is closed" in client.get(workshop.facilitator).text
    assert client.get(workshop.welcome).status_code == 410
    assert client.get(f"{workshop.facilitator}/results").status_code == 200


def test_the_csv_export_reads_into_aggregate_without_a_mapping(
    workshop: Setup, tmp_path: Path
) -> None:
    client = workshop.client()
    csv_path = tmp_path / "responses.csv"
    csv_path.write_bytes(client.get(f"{workshop.facilitator}/export/responses.csv").content)
    assert csv_path.read_text().splitlines()[0].startswith("respondent,role,mini/a1,mini/a1 note,")
    served = json.loads(client.get(f"{workshop.facilitator}/export/results.json").text)
    assert served["settings"]["date"] == dt.date.today().isoformat()
    # A CSV carries no dates: the cycle's date is given, as with `aggregate --date`.
    settings = settings_for(workshop.workshop, date=served["settings"]["date"])
    from_csv = run_aggregate([csv_path], [str(MINI_PATH)], None, settings)
    mine = json.loads(render(from_csv, "json"))
    for key in ("groups", "questions", "sections", "outcomes", "overall", "disagreements", "gaps"):
        assert mine[key] == served[key], key


def test_the_answers_files_export_aggregates_to_the_same_results(
    workshop: Setup, tmp_path: Path
) -> None:
    client = workshop.client()
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"{workshop.facilitator}/export/answers.zip").content)
    )
    names = archive.namelist()
    assert names == [f"participant-{n:03d}.yaml" for n in range(1, 8)]
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_bytes(archive.read(name))
        paths.append(path)
    first = parse_answers(paths[0].read_text(), "p1", workshop.banks).answers
    assert first.respondent.pseudonym == "P0" and first.respondent.role == "carer"
    assert first.answer_for("a2").note == "note 0"
    from_files = run_aggregate(paths, [str(MINI_PATH)], None, settings_for(workshop.workshop))
    served = json.loads(client.get(f"{workshop.facilitator}/export/results.json").text)
    mine = json.loads(render(from_files, "json"))
    for key in ("groups", "questions", "sections", "outcomes", "overall", "disagreements", "gaps"):
        assert mine[key] == served[key], key


def test_the_html_export_is_the_self_contained_report(workshop: Setup) -> None:
    reply = workshop.client().get(f"{workshop.facilitator}/export/results.html")
    assert reply.headers["content-disposition"] == 'attachment; filename="results.html"'
    assert reply.text.startswith("<!DOCTYPE html>") and "<nav>" not in reply.text


def test_an_unknown_export_is_404(workshop: Setup) -> None:
    assert workshop.client().get(f"{workshop.facilitator}/export/db.sqlite").status_code == 404


MINI_PATH = Path(__file__).parent / "fixtures" / "answers" / "banks" / "mini.yaml"


def test_the_token_test_covers_every_facilitator_route(setup: Setup) -> None:
    """A new facilitator route must be added to FACILITATOR_ROUTES (and so tested above)."""
    from starlette.routing import Route

    app = setup.client().app.app  # type: ignore[attr-defined]
    declared = {
        (method, route.path.removeprefix("/f/{facilitator}"))
        for route in app.routes
        if isinstance(route, Route) and route.path.startswith("/f/")
        for method in (route.methods or set()) - {"HEAD"}
    }
    tested = {
        (method, re.sub(r"/export/[a-z.]+$", "/export/{name}", route))
        for method, route in FACILITATOR_ROUTES
    }
    tested = {
        (method, route.replace("/mini/a1", "/{bank}/{question}").replace("/1/", "/{dissent:int}/"))
        for method, route in tested
    }
    assert declared == tested

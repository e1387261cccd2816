"""The participant's side of ``coprod-check serve``, over HTTP against the real app and SQLite:
the whole path, resuming, and that no answer is lost or duplicated (double submit, back button,
two tabs), with a plain page and the right status for every bad submission."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from html import unescape
from pathlib import Path

import pytest

from coprod_check.answers.introduction import INTRODUCTION
from coprod_check.serve.records import SavedAnswer
from serve_support import FORM, Setup, first_choice, hidden, make_setup, person

ALL_MINI = {
    "a1": "agree",
    "a2": "strongly-agree",
    "a3": "disagree",
}


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return make_setup(tmp_path)


def rows(setup: Setup) -> list[tuple[object, ...]]:
    with sqlite3.connect(setup.path) as db:
        return db.execute(
            "SELECT response_id, bank_id, question_id, option_id, note FROM answer ORDER BY 1, 2, 3"
        ).fetchall()


def answers_of(setup: Setup, number: int = 1) -> dict[str, SavedAnswer]:
    found = [r for r in setup.store.responses(setup.workshop.id) if r.number == number]
    assert found, "no such response"
    return {question: saved for (_, question), saved in found[0].answers.items()}


def test_welcome_page_defines_co_production_and_says_what_happens_to_answers(setup: Setup) -> None:
    page = setup.client().get(setup.welcome)
    assert page.status_code == 200
    # The one shared introduction (also the handout's and `assess`'s), word for word.
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", page.text)).split())
    assert f"{INTRODUCTION.heading} {INTRODUCTION.definition} {INTRODUCTION.who_we_mean}" in text
    for term in INTRODUCTION.glossary:
        assert f"{term.word.capitalize()} {term.meaning}" in text
    assert "What happens to your answers" in page.text
    assert "at least 3 people" in page.text
    assert page.text.index("What co-production means") < page.text.index('type="submit"')


def test_a_participant_answers_every_page_and_finishes(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about("Ann", "carer")
    assert ann.pages == 5
    first = ann.open(1)
    assert "Page 1 of 5" in first and 'max="5" value="1"' in first
    reply = ann.submit(1, ALL_MINI, {"a1": "Board paper 12"}, html=first)
    assert reply.headers["location"].endswith("/page/2")
    for number in range(2, 6):
        shown = ann.open(number)
        reply = ann.submit(number, first_choice(shown), html=shown)
    assert reply.headers["location"].endswith("/summary")
    summary = setup.client().get(f"{ann.home}/summary")
    assert "Board paper 12" in summary.text and "Ann" in summary.text
    done = ann.finish()
    assert done.status_code == 303
    assert 'coprod_resume=""' in done.headers["set-cookie"]
    saved = answers_of(setup)
    assert saved["a1"] == SavedAnswer("agree", "Board paper 12")
    assert saved["a2"] == SavedAnswer("strongly-agree", None)
    assert len(saved) == 9
    response = next(iter(setup.store.responses(setup.workshop.id)))
    assert (response.pseudonym, response.role, response.finished_at is not None) == (
        "Ann",
        "carer",
        True,
    )


def test_the_resume_cookie_is_private_and_scoped_to_the_workshop(setup: Setup) -> None:
    ann = person(setup)
    client = ann.client
    page = client.get(setup.welcome)
    reply = client.post(
        f"{setup.welcome}/start", data={"csrf": hidden(page.text, "csrf")}, follow_redirects=False
    )
    cookie = reply.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert f"Path={setup.welcome}" in cookie
    assert "Secure" not in cookie  # not behind HTTPS here; see the security tests


def test_closing_the_tab_and_coming_back_carries_on_where_they_left_off(setup: Setup) -> None:
    ann = person(setup)
    home = ann.start()
    ann.about("", "manager")
    ann.submit(1, ALL_MINI)
    # A new browser (no cookie) with the private link:
    other = setup.client()
    reply = other.get(home, follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == f"{home}/page/2"
    # The same browser: the welcome page offers to carry on.
    welcome = ann.client.get(setup.welcome)
    assert "Carry on with my answers" in welcome.text and f'href="{home}"' in welcome.text
    # And the saved answers are shown again on page 1.
    again = other.get(f"{home}/page/1").text
    assert 'value="agree" checked' in again


def test_a_double_submit_stores_one_answer_per_question(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    shown = ann.open(1)
    first = ann.submit(1, ALL_MINI, html=shown)
    second = ann.submit(1, ALL_MINI, html=shown)
    assert first.status_code == second.status_code == 303
    assert second.headers["location"].endswith("/page/2")
    assert len(rows(setup)) == 3  # section 1 holds three questions


def test_going_back_and_changing_an_answer_replaces_it(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    ann.submit(1, ALL_MINI)
    back = ann.submit(2, {}, go="back")
    assert back.headers["location"].endswith("/page/1")
    ann.submit(1, {**ALL_MINI, "a1": "disagree"})
    assert answers_of(setup)["a1"].option == "disagree"
    assert len(rows(setup)) == 5  # pages 1 and 2: three and two questions


def test_two_tabs_never_silently_overwrite_each_other(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    tab_a = ann.open(1)
    tab_b = ann.open(1)
    assert ann.submit(1, ALL_MINI, html=tab_a).status_code == 303
    conflict = ann.submit(1, {**ALL_MINI, "a1": "disagree"}, html=tab_b)
    assert conflict.status_code == 409
    assert "changed in another tab" in conflict.text
    assert 'value="disagree" checked' in conflict.text
    assert answers_of(setup)["a1"].option == "agree"
    # Saving again from the page that said so stores it.
    again = ann.submit(1, {**ALL_MINI, "a1": "disagree"}, html=conflict.text)
    assert again.status_code == 303
    assert answers_of(setup)["a1"].option == "disagree"


def test_an_answer_not_on_the_scale_is_refused_and_what_was_saved_is_kept(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    ann.submit(1, ALL_MINI)
    reply = ann.submit(1, {**ALL_MINI, "a1": "fully-true"})
    assert reply.status_code == 400
    text = reply.text
    assert "There is a problem" in text and "is not one of its options" in text
    assert "Traceback" not in text
    assert answers_of(setup)["a1"].option == "agree"


def test_a_scale_without_dont_know_gets_one(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    page = ann.open(3)
    assert page.count('value="">') == 2  # c1 and c2: "Don't know" added as the last choice
    reply = ann.submit(3, {"c1": ""}, html=page)
    assert reply.status_code == 303
    assert answers_of(setup)["c1"] == SavedAnswer(None, None)


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ([("answer:mini/zz", "agree")], "field this page does not have"),
        ([("answer:mini/a1", "agree"), ("answer:mini/a1", "disagree")], "two values"),
        ([("go", "sideways")], "two values"),
        ([("is_admin", "1")], "field this page does not have"),
    ],
)
def test_a_tampered_page_form_is_refused_plainly(
    setup: Setup, extra: list[tuple[str, str]], why: str
) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    ann.submit(1, ALL_MINI)
    reply = ann.submit(1, {}, extra=extra)
    assert reply.status_code == 400
    assert why in reply.text and "nothing from it was saved" in reply.text
    assert answers_of(setup)["a1"].option == "agree"


def test_a_form_that_is_not_urlencoded_is_refused(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    page = ann.open(1)
    reply = ann.client.post(
        f"{ann.home}/page/1",
        files={"upload": ("x.txt", b"hello")},
        data={"csrf": hidden(page, "csrf")},
    )
    assert reply.status_code == 400
    assert "could not be read" in reply.text


@pytest.mark.parametrize("csrf", [None, "", "forged", "other"])
def test_a_page_without_its_own_security_code_is_refused(setup: Setup, csrf: str | None) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    bob = person(setup)
    bob.start()
    bob.about()
    data = {"answer:mini/a1": "agree"}
    if csrf == "other":  # Bob's valid code, on Ann's page
        data["csrf"] = hidden(bob.open(1), "csrf")
    elif csrf is not None:
        data["csrf"] = csrf
    reply = ann.client.post(f"{ann.home}/page/1", data=data)
    assert reply.status_code == 403
    assert "security code" in reply.text
    assert rows(setup) == []


def test_a_post_from_another_website_is_refused(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    page = ann.open(1)
    reply = ann.client.post(
        f"{ann.home}/page/1",
        data={"csrf": hidden(page, "csrf"), "answer:mini/a1": "agree"},
        headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
    )
    assert reply.status_code == 403 and "another website" in reply.text
    assert rows(setup) == []


@pytest.mark.parametrize(
    ("pseudonym", "role", "status", "text"),
    [
        ("x" * 201, "carer", 400, "at most 200"),
        ("Ann", "king", 400, "not one of this workshop"),
        ("  Ann \x1b[31m  Smith ", "carer", 303, None),
    ],
)
def test_about_you_checks_what_is_given(
    setup: Setup, pseudonym: str, role: str, status: int, text: str | None
) -> None:
    ann = person(setup)
    ann.start()
    page = ann.client.get(f"{ann.home}/about")
    reply = ann.client.post(
        f"{ann.home}/about",
        data={"csrf": hidden(page.text, "csrf"), "pseudonym": pseudonym, "role": role},
        follow_redirects=False,
    )
    assert reply.status_code == status
    if text:
        assert text in reply.text
    else:
        response = next(iter(setup.store.responses(setup.workshop.id)))
        assert response.pseudonym == "Ann [31m Smith"


def test_a_role_group_not_offered_by_this_workshop_is_refused(tmp_path: Path) -> None:
    setup = make_setup(tmp_path, roles=("carer", "manager"))
    ann = person(setup)
    ann.start()
    page = ann.client.get(f"{ann.home}/about")
    assert "Frontline staff" not in page.text
    reply = ann.client.post(
        f"{ann.home}/about",
        data={"csrf": hidden(page.text, "csrf"), "role": "frontline staff"},
    )
    assert reply.status_code == 400


def test_notes_are_cleaned_and_limited(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    assert ann.submit(1, ALL_MINI, {"a1": "line one\r\nline\x00 two\x07"}).status_code == 303
    assert answers_of(setup)["a1"].note == "line one\nline two"
    reply = ann.submit(1, ALL_MINI, {"a1": "x" * 4001})
    assert reply.status_code == 400 and "at most 4,000" in reply.text
    assert answers_of(setup)["a1"].note == "line one\nline two"


def test_user_text_is_escaped_on_every_page(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about("<script>alert(1)</script>", "carer")
    ann.submit(1, ALL_MINI, {"a1": '<img src=x onerror="alert(1)">'})
    summary = ann.client.get(f"{ann.home}/summary").text
    assert "<script>alert" not in summary and "&lt;script&gt;" in summary
    assert "<img src=x" not in summary and "&lt;img src=x" in summary
    page = ann.open(1)
    assert "<img src=x" not in page


def test_a_finished_response_is_locked(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    shown = ann.open(1)
    ann.submit(1, ALL_MINI, html=shown)
    assert ann.finish().status_code == 303
    for path in ("/about", "/page/1", "/summary", ""):
        reply = ann.client.get(f"{ann.home}{path}", follow_redirects=False)
        assert reply.status_code == 303 and reply.headers["location"] == f"{ann.home}/done"
    late = ann.submit(1, {**ALL_MINI, "a1": "disagree"}, html=shown)
    assert late.status_code == 303
    assert answers_of(setup)["a1"].option == "agree"
    assert "Thank you" in ann.client.get(f"{ann.home}/done").text


def test_a_closed_workshop_takes_nothing_more_and_keeps_what_was_saved(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    shown = ann.open(1)
    ann.submit(1, ALL_MINI, html=shown)
    setup.store.close_workshop(setup.workshop.id)
    reply = ann.submit(1, {**ALL_MINI, "a1": "disagree"}, html=shown)
    assert reply.status_code == 410
    assert "has closed" in reply.text and "is kept" in reply.text
    assert answers_of(setup)["a1"].option == "agree"
    assert setup.client().get(setup.welcome).status_code == 410
    assert ann.client.get(f"{ann.home}/page/2").status_code == 410


def test_a_workshop_past_its_closing_time_is_closed(tmp_path: Path) -> None:
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat()
    setup = make_setup(tmp_path, closes_at=past)
    assert setup.client().get(setup.welcome).status_code == 410


@pytest.mark.parametrize(
    "path",
    [
        "/w/not-a-token",
        "/w/{w}/r/not-a-token",
        "/w/{w}/r/not-a-token/page/1",
        "/w/{w}/r/{r}/page/0",
        "/w/{w}/r/{r}/page/6",
        "/w/{w}/r/{r}/page/-1",
        "/nowhere",
    ],
)
def test_unknown_links_get_a_plain_404(setup: Setup, path: str) -> None:
    ann = person(setup)
    home = ann.start()
    ann.about()
    resume = home.rsplit("/", 1)[1]
    reply = ann.client.get(path.format(w=setup.workshop.participant_token, r=resume))
    assert reply.status_code == 404
    assert "<h1>" in reply.text and "Traceback" not in reply.text


def test_one_participant_cannot_read_or_change_anothers_response(tmp_path: Path) -> None:
    setup = make_setup(tmp_path)
    other_workshop = make_setup(tmp_path / "x" if (tmp_path / "x").mkdir() is None else tmp_path)
    ann = person(setup)
    ann_home = ann.start()
    ann.about("Ann")
    ann.submit(1, ALL_MINI, {"a1": "Ann's private note"})
    bob = person(setup)
    bob.start()
    bob.about("Bob")
    # Bob's pages never show Ann's answers, and Bob's security code does not work on Ann's.
    assert "Ann's private note" not in bob.open(1).replace("&#39;", "'")
    forged = bob.client.post(
        f"{ann_home}/page/1",
        data={"csrf": hidden(bob.open(1), "csrf"), "answer:mini/a1": "disagree"},
    )
    assert forged.status_code == 403
    # Ann's resume token does not open anything in another workshop.
    resume = ann_home.rsplit("/", 1)[1]
    other = other_workshop.client().get(
        f"/w/{other_workshop.workshop.participant_token}/r/{resume}/page/1"
    )
    assert other.status_code == 404
    assert answers_of(setup)["a1"] == SavedAnswer("agree", "Ann's private note")


def test_the_database_stores_no_resume_token_in_clear(setup: Setup) -> None:
    ann = person(setup)
    home = ann.start()
    token = home.rsplit("/", 1)[1]
    assert token.encode() not in setup.path.read_bytes()
    wal = Path(f"{setup.path}-wal")
    assert not wal.exists() or token.encode() not in wal.read_bytes()


PARTICIPANT_ROUTES = [  # every route under /w/{workshop}, with "{r}" for the resume token
    ("GET", ""),
    ("POST", "/start"),
    ("GET", "/r/{r}"),
    ("GET", "/r/{r}/about"),
    ("POST", "/r/{r}/about"),
    ("GET", "/r/{r}/page/1"),
    ("POST", "/r/{r}/page/1"),
    ("GET", "/r/{r}/summary"),
    ("POST", "/r/{r}/finish"),
    ("GET", "/r/{r}/done"),
]


@pytest.mark.parametrize(
    ("method", "route", "bad"),
    [
        (method, route, bad)
        for method, route in PARTICIPANT_ROUTES
        for bad in ("workshop", "resume", "resume of another workshop")
        if bad == "workshop" or "{r}" in route
    ],
)
def test_no_participant_route_answers_without_its_tokens(
    tmp_path: Path, method: str, route: str, bad: str
) -> None:
    setup = make_setup(tmp_path)
    other = make_setup(tmp_path / "other" if (tmp_path / "other").mkdir() is None else tmp_path)
    ann = person(setup)
    ann.start()
    ann.about("Ann", "carer")
    ann.submit(1, ALL_MINI, {"a1": "Ann's private note"})
    resume = ann.home.rsplit("/", 1)[1]
    stranger = person(other)
    stranger.start()
    workshop = setup.workshop.participant_token
    if bad == "workshop":
        workshop = workshop[:-1]
    given = {"resume": resume[:-1] + ("A" if resume[-1] != "A" else "B")}.get(bad, resume)
    if bad == "resume of another workshop":
        given = stranger.home.rsplit("/", 1)[1]
    csrf = hidden(ann.open(1), "csrf")  # Ann's own, valid code changes nothing either
    reply = ann.client.request(
        method,
        f"/w/{workshop}{route.format(r=given)}",
        content=f"csrf={csrf}&answer%3Amini%2Fa1=disagree&go=next" if method == "POST" else None,
        headers=FORM if method == "POST" else None,
        follow_redirects=False,
    )
    assert reply.status_code == 404, reply.text
    assert "Ann" not in reply.text.replace("&#39;", "'")
    assert answers_of(setup)["a1"] == SavedAnswer("agree", "Ann's private note")
    assert len(list(setup.store.responses(setup.workshop.id))) == 1


def test_the_token_test_covers_every_participant_route(setup: Setup) -> None:
    """A new participant route must be added to PARTICIPANT_ROUTES (and so tested above)."""
    from starlette.routing import Route

    app = setup.client().app.app  # type: ignore[attr-defined]
    declared = {
        (method, route.path.removeprefix("/w/{workshop}"))
        for route in app.routes
        if isinstance(route, Route) and route.path.startswith("/w/")
        for method in (route.methods or set()) - {"HEAD"}
    }
    tested = {
        (method, route.replace("{r}", "{resume}").replace("/page/1", "/page/{number:int}"))
        for method, route in PARTICIPANT_ROUTES
    }
    assert declared == tested

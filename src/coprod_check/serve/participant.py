"""The participant's pages: welcome, about you, one page per section, summary, done.

Each handler reads the request (async) and the store (on the loop: small indexed reads), and
hands each change to the store's writer thread (see :mod:`coprod_check.serve.context`). Every
page a participant sees is reached through the workshop's link and, after starting, their own
response's private resume token: one person's link reaches only their own answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from coprod_check.answers.introduction import INTRODUCTION
from coprod_check.serve import pages
from coprod_check.serve.context import (
    PageError,
    Redirect,
    Server,
    is_closed,
    read_form,
    require_open,
    tampered,
)
from coprod_check.serve.flow import (
    DONT_KNOW,
    GO,
    NO_ROLE,
    FormProblem,
    Page,
    fingerprint,
    option_label,
    read_about,
    read_page,
    single,
)
from coprod_check.serve.records import QuestionKey, ResponseRecord, SavedAnswer, Workshop
from coprod_check.serve.security import csrf_token, new_resume_token, token_hash

COOKIE = "coprod_resume"
COOKIE_DAYS = 30


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


class Participant:
    def __init__(self, server: Server) -> None:
        self.server = server

    # -- helpers ----------------------------------------------------------------------------

    async def _response(self, workshop: Workshop, resume: str) -> ResponseRecord:
        found = self.server.store.response(workshop.id, token_hash(resume))
        if found is None:
            raise PageError(
                404,
                "This private link does not work",
                "It is not the link of a response in this workshop. Check it was copied in "
                "full, or start again from the workshop's link.",
            )
        return found

    async def _located(self, request: Request) -> tuple[str, str, Workshop, ResponseRecord]:
        """The workshop and response a private link names (its two tokens first)."""
        wt, rt = request.path_params["workshop"], request.path_params["resume"]
        workshop = await self.server.participant_workshop(wt)
        return wt, rt, workshop, await self._response(workshop, rt)

    async def _ongoing(self, request: Request) -> tuple[str, str, Workshop, ResponseRecord]:
        """As :meth:`_located`, for the pages of a response still being answered: a finished
        one goes to its last page, and a closed workshop shows that it has closed."""
        wt, rt, workshop, found = await self._located(request)
        self._finished(wt, rt, found)
        require_open(workshop)
        return wt, rt, workshop, found

    def _base(self, request: Request, wt: str, rt: str) -> dict[str, Any]:
        return {
            "home": f"/w/{wt}/r/{rt}",
            "resume_url": f"{self.server.base_url(request)}/w/{wt}/r/{rt}",
        }

    @staticmethod
    def _finished(wt: str, rt: str, response: ResponseRecord) -> None:
        if response.finished_at is not None:
            raise Redirect(f"/w/{wt}/r/{rt}/done")

    # -- welcome and start ------------------------------------------------------------------

    async def welcome(self, request: Request) -> Response:
        wt = request.path_params["workshop"]
        workshop = await self.server.participant_workshop(wt)
        require_open(workshop, saved_note=False)
        self.server.pages_of(workshop)
        resume: str | None = None
        cookie = request.cookies.get(COOKIE)
        if cookie:
            found = self.server.store.response(workshop.id, token_hash(cookie))
            if found is not None and found.finished_at is None and found.about_done:
                resume = f"/w/{wt}/r/{cookie}"
        return pages.page(
            "welcome",
            workshop=workshop,
            title=workshop.settings.title,
            introduction=INTRODUCTION,
            min_group_size=workshop.settings.min_group_size,
            sections=len(self.server.pages_of(workshop)),
            resume=resume,
            action=f"/w/{wt}/start",
            csrf=csrf_token(workshop.secret, "start", wt),
        )

    async def start(self, request: Request) -> Response:
        wt = request.path_params["workshop"]
        workshop = await self.server.participant_workshop(wt)
        require_open(workshop, saved_note=False)
        await read_form(request, workshop.secret, "start", wt, f"/w/{wt}")
        token = new_resume_token()
        await self.server.write(self.server.store.start_response, workshop.id, token_hash(token))
        response = _see_other(f"/w/{wt}/r/{token}/about")
        response.set_cookie(
            COOKIE,
            token,
            max_age=COOKIE_DAYS * 24 * 3600,
            path=f"/w/{wt}",
            secure=self.server.https,
            httponly=True,
            samesite="lax",
        )
        return response

    async def resume(self, request: Request) -> Response:
        wt, rt, workshop, found = await self._ongoing(request)
        count = len(self.server.pages_of(workshop))
        if not found.about_done:
            return _see_other(f"/w/{wt}/r/{rt}/about")
        if found.position > count:
            return _see_other(f"/w/{wt}/r/{rt}/summary")
        return _see_other(f"/w/{wt}/r/{rt}/page/{max(found.position, 1)}")

    # -- about you --------------------------------------------------------------------------

    async def about(self, request: Request) -> Response:
        wt, rt, workshop, found = await self._ongoing(request)
        values = {
            "pseudonym": found.pseudonym or "",
            "role": found.role or (NO_ROLE if found.about_done else ""),
        }
        error: str | None = None
        status = 200
        if request.method == "POST":
            form = await read_form(request, workshop.secret, "about", rt, f"/w/{wt}/r/{rt}/about")
            try:
                pseudonym, role = read_about(form, workshop.settings.roles)
            except FormProblem as problem:
                if problem.tampered:
                    raise tampered(f"/w/{wt}/r/{rt}/about", problem.message) from None
                error, status = problem.message, 400
                values = {"pseudonym": single(form, "pseudonym") or "", "role": ""}
            else:
                position = max(found.position, 1)
                await self.server.write(
                    self.server.store.save_about, found.id, pseudonym, role, position
                )
                return _see_other(f"/w/{wt}/r/{rt}/page/1")
        return pages.page(
            "about",
            status,
            title=workshop.settings.title,
            roles=[(role, pages.ROLE_CHOICES[role]) for role in workshop.settings.roles],
            no_role=NO_ROLE,
            values=values,
            error=error,
            action=f"/w/{wt}/r/{rt}/about",
            csrf=csrf_token(workshop.secret, "about", rt),
            total=len(self.server.pages_of(workshop)),
            **self._base(request, wt, rt),
        )

    # -- section pages ----------------------------------------------------------------------

    async def section(self, request: Request) -> Response:
        wt, rt, workshop, found = await self._ongoing(request)
        number: int = request.path_params["number"]
        all_pages = self.server.pages_of(workshop)
        if not 1 <= number <= len(all_pages):
            raise PageError(
                404,
                "There is no such page",
                "This workshop has no page with that number.",
                (f"/w/{wt}/r/{rt}", "Carry on where you left off"),
            )
        if not found.about_done:
            return _see_other(f"/w/{wt}/r/{rt}/about")
        page = all_pages[number - 1]
        shown: Mapping[QuestionKey, SavedAnswer] = found.answers
        error: str | None = None
        status = 200
        if request.method == "POST":
            back = f"/w/{wt}/r/{rt}/page/{number}"
            form = await read_form(request, workshop.secret, "page", rt, back)
            go = single(form, "go") or "next"
            if go not in GO:
                raise tampered(back, "The form asked to go somewhere this page does not lead.")
            try:
                answers = read_page(page, form)
            except FormProblem as problem:
                if problem.tampered:
                    raise tampered(back, problem.message) from None
                error, status = problem.message, 400
                shown = _submitted(page, form, found.answers)
            else:
                stored = {item.key: found.answers.get(item.key) for item in page.items}
                same = all(stored[key] == answers[key] for key in answers)
                if same or single(form, "seen") == fingerprint(page, found.answers):
                    if not same:
                        position = max(found.position, number + 1 if go == "next" else number)
                        await self.server.write(
                            self.server.store.save_page, found.id, answers, position
                        )
                    return _see_other(self._after(wt, rt, number, go, len(all_pages)))
                error, status = _CONFLICT, 409
                shown = {**found.answers, **answers}
        return pages.page(
            "section",
            status,
            title=workshop.settings.title,
            page=page,
            total=len(all_pages),
            saved={item.key: shown.get(item.key) for item in page.items},
            dont_know=DONT_KNOW,
            error=error,
            action=f"/w/{wt}/r/{rt}/page/{number}",
            seen=fingerprint(page, found.answers),
            csrf=csrf_token(workshop.secret, "page", rt),
            **self._base(request, wt, rt),
        )

    @staticmethod
    def _after(wt: str, rt: str, number: int, go: str, count: int) -> str:
        if go == "back":
            return f"/w/{wt}/r/{rt}/about" if number == 1 else f"/w/{wt}/r/{rt}/page/{number - 1}"
        if number >= count:
            return f"/w/{wt}/r/{rt}/summary"
        return f"/w/{wt}/r/{rt}/page/{number + 1}"

    # -- summary and finishing --------------------------------------------------------------

    async def summary(self, request: Request) -> Response:
        wt, rt, workshop, found = await self._ongoing(request)
        if not found.about_done:
            return _see_other(f"/w/{wt}/r/{rt}/about")
        all_pages = self.server.pages_of(workshop)
        blocks = []
        for page in all_pages:
            rows = []
            for item in page.items:
                saved = found.answers.get(item.key)
                rows.append(
                    (
                        item.question.statement,
                        option_label(item, saved.option) if saved else "Not answered yet",
                        saved.note if saved else None,
                    )
                )
            blocks.append((page, rows))
        answered = sum(1 for saved in found.answers.values() if saved.option is not None)
        questions = sum(len(page.items) for page in all_pages)
        return pages.page(
            "summary",
            title=workshop.settings.title,
            blocks=blocks,
            total=len(all_pages),
            answered=answered,
            questions=questions,
            pseudonym=found.pseudonym,
            role=pages.ROLE_CHOICES.get(found.role or "", "Not given"),
            action=f"/w/{wt}/r/{rt}/finish",
            csrf=csrf_token(workshop.secret, "finish", rt),
            **self._base(request, wt, rt),
        )

    async def finish(self, request: Request) -> Response:
        wt, rt, workshop, found = await self._located(request)
        if found.finished_at is None:
            require_open(workshop)
            await read_form(request, workshop.secret, "finish", rt, f"/w/{wt}/r/{rt}/summary")
            await self.server.write(self.server.store.finish, found.id)
        response = _see_other(f"/w/{wt}/r/{rt}/done")
        # A shared laptop: the next person starts afresh.
        response.delete_cookie(
            COOKIE, path=f"/w/{wt}", secure=self.server.https, httponly=True, samesite="lax"
        )
        return response

    async def done(self, request: Request) -> Response:
        wt, rt, workshop, found = await self._located(request)
        if found.finished_at is None:
            return _see_other(f"/w/{wt}/r/{rt}")
        return pages.page(
            "done",
            title=workshop.settings.title,
            closed=is_closed(workshop),
            again=f"/w/{wt}",
        )


_CONFLICT = (
    "These answers were changed in another tab or window after this page was opened. Your "
    "answers from this page are shown below but are not saved yet: check them and save again."
)


def _submitted(
    page: Page, form: list[tuple[str, str]] | Any, saved: Mapping[QuestionKey, SavedAnswer]
) -> dict[QuestionKey, SavedAnswer]:
    """What a refused form said, to show it again (values that are not options are dropped)."""
    shown: dict[QuestionKey, SavedAnswer] = dict(saved)
    for item in page.items:
        values = [value for key, value in form if key == item.field]
        notes = [value for key, value in form if key == item.note_field]
        options = {choice.value for choice in item.choices}
        option = values[0] if len(values) == 1 and values[0] in options else None
        shown[item.key] = SavedAnswer(option or None, notes[0][:4000] if len(notes) == 1 else None)
    return shown

"""The facilitator's pages, all under ``/f/<facilitator token>``: live counts, results, the
consensus round, exports and closing. Without the token none of them answers (404)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from coprod_check.aggregate.result import AggregateResult, QuestionStats
from coprod_check.answers.model import ROLES
from coprod_check.bank.model import Bank
from coprod_check.problems.wording import plural
from coprod_check.serve import pages
from coprod_check.serve.context import NOT_FOUND, PageError, Server, is_closed, read_form
from coprod_check.serve.flow import FormProblem, Item, clean_text, option_label, single
from coprod_check.serve.records import ResponseRecord, Workshop
from coprod_check.serve.results import NoAnswersError, aggregate_result, export_file
from coprod_check.serve.security import csrf_token

#: How many of the most-disputed questions the consensus round offers first.
DISPUTED = 10


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def qr_svg(url: str) -> str:
    """The participant link as a QR code: inline SVG, labelled for screen readers."""
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=5, title="QR code of the participant link")
    return svg.replace("<svg ", '<svg role="img" aria-label="QR code of the participant link" ', 1)


class Facilitator:
    def __init__(self, server: Server) -> None:
        self.server = server

    def _data(
        self, workshop: Workshop, top: int = DISPUTED
    ) -> tuple[list[Bank], list[ResponseRecord], AggregateResult | None]:
        banks = self.server.banks_of(workshop)
        responses = list(self.server.store.responses(workshop.id))
        return banks, responses, aggregate_result(workshop, banks, responses, top)

    def _participant_url(self, request: Request, workshop: Workshop) -> str:
        return f"{self.server.base_url(request)}/w/{workshop.participant_token}"

    # -- the facilitator page ---------------------------------------------------------------

    async def dashboard(self, request: Request) -> Response:
        ft = request.path_params["facilitator"]
        workshop = await self.server.facilitator_workshop(ft)
        counts = await run_in_threadpool(self.server.store.counts, workshop.id)
        _, _, result = await run_in_threadpool(self._data, workshop, 0)
        minimum = workshop.settings.min_group_size
        shown = {group.id: group for group in result.groups} if result else {}
        by_role = {count.role: count for count in counts}
        rows = []
        for role in [*workshop.settings.roles, None]:
            count = by_role.get(role)
            started = count.started if count else 0
            finished = count.finished if count else 0
            if role is None and not started:
                continue
            label = pages.group_labels().get(role or "", "No group given")
            hidden = 0 < started < minimum
            info = shown.get(role or "")
            if role is None:
                results = "Counted in Everyone only"
            elif info is None:
                results = "No answers yet"
            elif info.shown:
                results = "Shown"
            elif info.hidden_because == "complement":
                results = "Hidden, so that a smaller group cannot be worked out"
            else:
                results = f"Hidden: fewer than {minimum} people"
            rows.append(
                (
                    label,
                    f"fewer than {minimum}" if hidden else str(started),
                    f"fewer than {minimum}" if hidden else str(finished),
                    results,
                )
            )
        url = self._participant_url(request, workshop)
        # Live numbers without JavaScript: the browser reloads the page by itself (the HTTP
        # ``Refresh`` header), until the facilitator turns it off (``?live=0``), e.g. to read
        # it with a screen reader or to tick the close box at leisure (WCAG 2.2.1).
        live = request.query_params.get("live") != "0" and not is_closed(workshop)
        response = pages.page(
            "facilitator",
            workshop=workshop,
            title=workshop.settings.title,
            url=url,
            qr=qr_svg(url),
            rows=rows,
            started=sum(count.started for count in counts),
            finished=sum(count.finished for count in counts),
            closed=is_closed(workshop),
            home=f"/f/{ft}",
            close_csrf=csrf_token(workshop.secret, "close", ft),
            minimum=minimum,
            live=live,
            every=plural(self.server.refresh_seconds, "second"),
            updated=dt.datetime.now(dt.UTC).strftime("%H:%M:%S UTC"),
        )
        if live:
            response.headers["refresh"] = str(self.server.refresh_seconds)
        return response

    async def results(self, request: Request) -> Response:
        from coprod_check.aggregate.report import render

        ft = request.path_params["facilitator"]
        workshop = await self.server.facilitator_workshop(ft)
        _, _, result = await run_in_threadpool(self._data, workshop)
        if result is None:
            raise no_answers(ft)
        html = await run_in_threadpool(render, result, "html")
        text = html if isinstance(html, str) else html.decode("utf-8")
        return pages.report_page(text, f"/f/{ft}")

    async def qr(self, request: Request) -> Response:
        import segno

        ft = request.path_params["facilitator"]
        workshop = await self.server.facilitator_workshop(ft)
        url = self._participant_url(request, workshop)
        svg = segno.make(url, error="m").svg_inline(scale=10, title="Workshop link")
        return pages.download(
            '<?xml version="1.0" encoding="utf-8"?>\n'
            + svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1),
            "workshop-qr.svg",
            "image/svg+xml",
        )

    async def close(self, request: Request) -> Response:
        ft = request.path_params["facilitator"]
        workshop = await self.server.facilitator_workshop(ft)
        form = await read_form(request, workshop.secret, "close", ft, f"/f/{ft}")
        if single(form, "confirm") != "yes":
            raise PageError(
                400,
                "The workshop is still open",
                "Tick the box to confirm that no more answers should be taken.",
                (f"/f/{ft}", "Back to the facilitator page"),
            )
        await self.server.write(self.server.store.close_workshop, workshop.id)
        return _see_other(f"/f/{ft}")

    # -- consensus round --------------------------------------------------------------------

    def _items(self, workshop: Workshop) -> dict[tuple[str, str], Item]:
        return {item.key: item for page in self.server.pages_of(workshop) for item in page.items}

    async def consensus(self, request: Request) -> Response:
        ft = request.path_params["facilitator"]
        workshop = await self.server.facilitator_workshop(ft)
        _, _, result = await run_in_threadpool(self._data, workshop)
        agreed = await run_in_threadpool(self.server.store.consensus, workshop.id)
        items = self._items(workshop)
        recorded = {item.key: item for item in agreed}
        disputed = []
        if result is not None:
            for row in result.disagreements:
                key = (row.bank_id, row.question_id)
                disputed.append((items[key], row, recorded.get(key)))
        sections = [
            (page.section.title, [(item, recorded.get(item.key)) for item in page.items])
            for page in self.server.pages_of(workshop)
        ]
        return pages.page(
            "consensus",
            title=workshop.settings.title,
            disputed=disputed,
            sections=sections,
            recorded=len(agreed),
            option_label=option_label,
            home=f"/f/{ft}",
        )

    async def consensus_question(self, request: Request) -> Response:
        ft = request.path_params["facilitator"]
        workshop = await self.server.facilitator_workshop(ft)
        key = (request.path_params["bank"], request.path_params["question"])
        item = self._items(workshop).get(key)
        if item is None:
            raise NOT_FOUND
        here = f"/f/{ft}/consensus/{key[0]}/{key[1]}"
        error: str | None = None
        status = 200
        if request.method == "POST":
            form = await read_form(request, workshop.secret, "consensus", ft, here)
            try:
                option, note, dissent = _read_consensus(item, form, workshop.settings.roles)
            except FormProblem as problem:
                error, status = problem.message, 400
            else:
                await self.server.write(
                    self.server.store.record_consensus, workshop.id, key, option, note, dissent
                )
                return _see_other(f"{here}?saved=1")
        _, _, result = await run_in_threadpool(self._data, workshop, 0)
        agreed = await run_in_threadpool(self.server.store.consensus, workshop.id)
        current = next((entry for entry in agreed if entry.key == key), None)
        stats = _question_stats(result, key)
        return pages.page(
            "consensus_question",
            status,
            title=workshop.settings.title,
            item=item,
            stats=stats,
            labels=pages.group_labels(),
            current=current,
            roles=[(role, pages.group_labels()[role]) for role in workshop.settings.roles],
            error=error,
            saved=request.query_params.get("saved") == "1" and status == 200,
            action=here,
            csrf=csrf_token(workshop.secret, "consensus", ft),
            remove_csrf=csrf_token(workshop.secret, "dissent", ft),
            home=f"/f/{ft}",
        )

    async def remove_dissent(self, request: Request) -> Response:
        ft = request.path_params["facilitator"]
        workshop = await self.server.facilitator_workshop(ft)
        key = (request.path_params["bank"], request.path_params["question"])
        here = f"/f/{ft}/consensus/{key[0]}/{key[1]}"
        await read_form(request, workshop.secret, "dissent", ft, here)
        await self.server.write(
            self.server.store.remove_dissent, workshop.id, request.path_params["dissent"]
        )
        return _see_other(here)

    # -- exports ----------------------------------------------------------------------------

    async def export(self, request: Request) -> Response:
        ft = request.path_params["facilitator"]
        name = request.path_params["name"]
        workshop = await self.server.facilitator_workshop(ft)
        try:
            made = await run_in_threadpool(self.export_file, workshop, name)
        except NoAnswersError:
            raise no_answers(ft) from None
        if made is None:
            raise NOT_FOUND
        body, media = made
        return pages.download(body, name, media)

    def export_file(self, workshop: Workshop, name: str) -> tuple[bytes | str, str] | None:
        return export_file(self.server.store, workshop, self.server.banks_of(workshop), name)


def no_answers(ft: str) -> PageError:
    return PageError(
        409,
        "No answers yet",
        "Nobody has saved a page of answers yet, so there are no results to show.",
        (f"/f/{ft}", "Back to the facilitator page"),
    )


def _question_stats(result: AggregateResult | None, key: tuple[str, str]) -> QuestionStats | None:
    if result is None:
        return None
    for question in result.questions:
        if (question.bank_id, question.question_id) == key:
            return question
    return None


def _read_consensus(
    item: Item, form: Sequence[tuple[str, str]], roles: Sequence[str]
) -> tuple[str | None, str | None, list[tuple[str | None, str]]]:
    allowed = {"csrf", "answer", "note", "dissent_group", "dissent_text"}
    if any(key not in allowed for key, _ in form):
        raise FormProblem("The form held a field this page does not have.")
    answer = single(form, "answer")
    if answer is None:
        raise FormProblem('Choose the answer the room agreed (or "Don\'t know").')
    if answer not in {choice.value for choice in item.choices}:
        raise FormProblem("The answer chosen is not one of this question's options.")
    note = clean_text(single(form, "note") or "", 2000)
    text = clean_text(single(form, "dissent_text") or "", 1000)
    group = single(form, "dissent_group") or ""
    if group and (group not in roles or group not in ROLES):
        raise FormProblem("The group chosen for the dissent is not one of this workshop's groups.")
    dissent: list[tuple[str | None, str]] = [(group or None, text)] if text else []
    return answer or None, note, dissent

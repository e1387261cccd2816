"""``coprod-check assess`` from start to end: set up, ask, save after every change, report.

The session (``session.py``) holds the state, the screen (``prompts.py``) shows and reads, and
this module ties them together. The answers file is written atomically after every change, so
Ctrl-C, a closed terminal or a crash loses nothing; Ctrl-C says how to carry on.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from coprod_check.answers.introduction import as_lines as introduction_lines
from coprod_check.answers.model import ROLES, AnswersFile, Respondent
from coprod_check.answers.writer import save_answers
from coprod_check.assess.commands import parse
from coprod_check.assess.prompts import END_PROMPT, PlainScreen, RichScreen, Screen, question_prompt
from coprod_check.assess.session import Session, SessionError
from coprod_check.bank.model import Bank
from coprod_check.errors import InputError, Location, OutputExistsError, UsageError
from coprod_check.files.atomic import same_file

EXIT_INTERRUPTED = 130
DEFAULT_OUTPUT = Path("answers.yaml")

NOT_A_TERMINAL = (
    "assess asks its questions in a terminal, but standard input is not a terminal; "
    "to answer in a file instead, run `coprod-check template -o answers.yaml`, fill it in, "
    "then run `coprod-check score answers.yaml`"
)


def resume_command(path: Path) -> str:
    return f"coprod-check assess --resume {shlex.quote(str(path))}"


def target_path(output: Path | None, resume: Path | None) -> Path:
    """Where the answers are saved; refuses to overwrite a file this session did not start.

    Without ``--resume`` an existing file is never replaced. With ``--resume`` answers are
    saved back to that file, or to ``-o`` when it names a new file (a copy carried on).
    """
    default = DEFAULT_OUTPUT if output is None and resume is None else None
    for given in (output, resume, default):
        if given is not None and given.is_dir():
            raise UsageError("is a folder; give a file name", Location(str(given)))
    if resume is None:
        path = output or DEFAULT_OUTPUT
        if path.exists():
            raise OutputExistsError(
                "already exists; to carry on with it use "
                f"`{resume_command(path)}`, or choose another file with -o",
                Location(str(path)),
            )
        return path
    if output is None or same_file(output, resume):
        return resume
    if output.exists():
        raise OutputExistsError(
            f"already exists; to carry on with {resume} leave out -o (answers are saved back "
            "to it) or choose a new file with -o",
            Location(str(output)),
        )
    return output


def assess(
    bank_choices: Sequence[str],
    output: Path | None,
    resume: Path | None,
    *,
    plain: bool,
    interactive: bool,
) -> int:
    """The whole command: check the set-up, then :func:`run`; returns the exit code.

    Raises ``CoprodError`` for the CLI to report (no terminal, a file that must not be
    overwritten, an unreadable or invalid file to resume, an unknown bank).
    """
    from coprod_check.answers.loader import available_banks, read_answers, select_banks

    if not interactive:
        raise UsageError(NOT_A_TERMINAL)
    path = target_path(output, resume)
    previous: AnswersFile | None = None
    warnings: list[str] = []
    if resume is None:
        banks = select_banks(bank_choices)
    else:
        loaded = read_answers(resume, available_banks(bank_choices))
        previous, banks = loaded.answers, loaded.banks
        warnings = [str(problem) for problem in loaded.warnings]
    return run(
        banks, path, previous, plain=plain, report=text_report(banks, plain, path), notes=warnings
    )


def text_report(
    banks: Sequence[Bank], plain: bool, path: Path | None = None
) -> Callable[[AnswersFile], str]:
    """The ``score`` text report for finished answers (colour as the terminal allows). assess
    has no ``--all``: the report names the score command that shows every recommendation."""

    def report(answers: AnswersFile) -> str:
        from coprod_check.scoring.engine import score
        from coprod_check.scoring.report.text import render_text
        from coprod_check.scoring.report.view import build_view

        target = shlex.quote(str(path)) if path is not None else "ANSWERS"
        hint = f"see every one with: coprod-check score {target} --all"
        view = build_view(score(banks, answers), all_hint=hint)
        return render_text(view, color=False if plain else None)

    return report


def run(
    banks: Sequence[Bank],
    path: Path,
    previous: AnswersFile | None,
    *,
    plain: bool,
    report: Callable[[AnswersFile], str],
    screen: Screen | None = None,
    today: dt.date | None = None,
    notes: Sequence[str] = (),
) -> int:
    """Ask the questions, saving to ``path`` after every change; the exit code.

    ``report`` turns the finished answers into the text report shown at the end.
    """
    session = Session(banks, previous)
    screen = screen or (PlainScreen() if plain else RichScreen())
    saver = _Saver(session, path, exists=previous is not None and path.exists())
    if previous is None:
        session.set_respondent(Respondent(date=today or dt.date.today()))
    if not saver.written:
        saver.save()  # claim the file now, so even Ctrl-C at the first question can resume
    try:
        for note in notes:
            screen.warn(note)
        _welcome(screen, session, path, resumed=previous is not None)
        _ask_respondent(screen, session, saver, today)
        session.resume()
        if session.at_end:
            screen.say("Every question already has an answer; you can still change any of them.")
        finished = _walk(screen, session, saver)
    except KeyboardInterrupt:
        screen.say()
        _stopped(screen, path)
        return EXIT_INTERRUPTED
    except EOFError:
        finished = False
        screen.say()
    if not finished:
        _stopped(screen, path)
        return 0
    screen.report(report(session.to_answers_file()))
    screen.say(f"Your answers are saved in {path}.", wrap=False)
    screen.say(f"To change them: {resume_command(path)}", wrap=False)
    return 0


class _Saver:
    """Writes the session's file; the first write of a new file refuses to replace one."""

    def __init__(self, session: Session, path: Path, *, exists: bool) -> None:
        self.session = session
        self.path = path
        self.written = exists

    def save(self) -> None:
        answers = self.session.to_answers_file()
        try:
            save_answers(self.path, answers, self.session.banks, overwrite=self.written)
        except OSError as error:
            raise InputError(
                f"cannot save the answers: {error.strerror or error}", Location(str(self.path))
            ) from None
        self.written = True


def _stopped(screen: Screen, path: Path) -> None:
    screen.say(f"Stopped. Your answers are saved in {path}.", wrap=False)
    screen.say(f"To carry on: {resume_command(path)}", wrap=False)


def _welcome(screen: Screen, session: Session, path: Path, *, resumed: bool) -> None:
    titles = ", ".join(bank.title for bank in session.banks)
    screen.say(f"coprod-check assessment: {session.total} questions from {titles}.")
    if resumed:
        screen.say(
            f"Carrying on with {path}: {session.answered_count()} of {session.total} answered."
        )
    for paragraph in introduction_lines():
        screen.say(paragraph)
    screen.say(f"Every answer is saved to {path} straight away.", wrap=False)
    screen.say("Type a number or letter and press Enter; h and Enter for help.")


def _ask_respondent(screen: Screen, session: Session, saver: _Saver, today: dt.date | None) -> None:
    """Pseudonym, role and project, all optional; skipped when a resumed file has any."""
    current = session.respondent
    if current.pseudonym or current.role or current.project:
        return
    screen.heading("About you (all optional: press Enter to skip)")
    pseudonym = _ask_text(screen, "Your name, a pseudonym or a team name: ", "pseudonym")
    role = _ask_role(screen)
    project = _ask_text(screen, "The project or service you are assessing: ", "project")
    date = current.date or today or dt.date.today()
    details = {"pseudonym": pseudonym, "role": role, "date": date, "project": project}
    session.set_respondent(Respondent.model_validate(details))
    saver.save()


def _ask_text(screen: Screen, prompt: str, field: str) -> str | None:
    while True:
        text = screen.ask(prompt).strip()
        if not text:
            return None
        try:
            Respondent.model_validate({field: text})
        except ValidationError as error:
            screen.warn(f"That is not accepted: {error.errors()[0]['msg']}. Try again.")
            continue
        return text


def _ask_role(screen: Screen) -> str | None:
    screen.say("Your role:")
    for number, role in enumerate(ROLES, 1):
        screen.say(f"  {number}  {role}")
    while True:
        text = screen.ask(f"Type 1-{len(ROLES)}, or press Enter to skip: ").strip()
        if not text:
            return None
        if text.isdigit() and 1 <= int(text) <= len(ROLES):
            return ROLES[int(text) - 1]
        if text.lower() in ROLES:
            return text.lower()
        screen.warn(f"Please type a number from 1 to {len(ROLES)}, or just press Enter.")


def _walk(screen: Screen, session: Session, saver: _Saver) -> bool:
    """The question loop; True when the person finished, False when they quit."""
    shown_section: tuple[str, str] | None = None
    shown_position: int | None = None
    while True:
        item = session.current
        if item is not None and session.position != shown_position:
            key = (item.bank.id, item.section.id)
            if key != shown_section:
                screen.section(item)
                shown_section = key
            screen.question(item, session)
        elif item is None and session.position != shown_position:
            _end(screen, session)
            shown_section = None
        shown_position = session.position
        line = screen.ask(question_prompt(item) if item is not None else END_PROMPT)
        command = parse(line, item)
        if command.kind == "invalid":
            screen.warn(f"{command.argument}. Type h and Enter for help.")
        elif command.kind == "empty":
            screen.warn("Type the number of your answer and press Enter (h for help).")
        elif command.kind == "help":
            screen.help(item)
        elif command.kind == "quit":
            return False
        elif command.kind == "finish":
            return True
        elif command.kind == "choose":
            session.choose(command.argument or "")
            saver.save()
        elif command.kind == "dont-know":
            session.dont_know()
            saver.save()
        elif command.kind == "skip":
            session.skip()
        elif command.kind == "back":
            if not session.back():
                screen.warn("This is the first question.")
        elif command.kind == "note":
            _note(screen, session, saver, command.argument)
        elif command.kind == "jump":
            _jump(screen, session, command.argument)


def _note(screen: Screen, session: Session, saver: _Saver, text: str | None) -> None:
    if text is None:
        text = screen.ask(
            "Type your note and press Enter (Enter alone keeps it as it is; - removes it): "
        ).strip()
        if not text:
            screen.say("Note unchanged.")
            return
    if text == "-":
        session.set_note(None)
        screen.say("Note removed.")
    else:
        session.set_note(text)
        screen.say("Note saved.")
    saver.save()


def _jump(screen: Screen, session: Session, target: str | None) -> None:
    if target is None:
        target = screen.ask(f"Go to which question (1-{session.total}, or its id)? ").strip()
        if not target:
            return
    try:
        session.jump(target)
    except SessionError as error:
        screen.warn(f"{error}.")


def _end(screen: Screen, session: Session) -> None:
    screen.heading("End of the questions")
    open_numbers = session.unanswered_numbers()
    screen.say(f"You answered {session.answered_count()} of {session.total} questions.")
    if open_numbers:
        shown = ", ".join(str(number) for number in open_numbers[:20])
        more = f" and {len(open_numbers) - 20} more" if len(open_numbers) > 20 else ""
        screen.say(f"Not answered yet: {shown}{more} (type j and a number to go there).")

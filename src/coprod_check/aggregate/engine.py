"""Counts -> :class:`AggregateResult`. Pure: no files, no printing, same counts, same result.

How a group's results are worked out, and why:

- **Section scores** are 100 x the weighted mean, over the section's questions, of each
  question's *mean* 0-1 value among the group's answers. With everyone answering everything this
  is exactly the mean of the respondents' own section scores. Means are used (not medians)
  because a median moves in whole steps of the scale (25 points on a five-option scale), so two
  groups a little apart would look the same and a group just across a step would look far apart;
  the mean uses every answer, and a difference in points between groups means what it says. The
  status uses the bank's thresholds and ``min_answered`` exactly as for one team.
- **Level and verdict** come from the group's *typical answers*: for each question, the middle
  answer of the group (the median option; the less favourable on an even tie), built into one
  answers file and scored by the scoring engine. The verdict rules work on options (red flags
  are particular answers, a case item holds at the top half of its scale), so they need actual
  answers, and the median of ordered options is an actual answer where a mean is not. A question
  gets a typical answer only when at least half of the group's respondents who were asked it
  gave an answer with a value; otherwise it counts as unanswered, as "don't know" does.

So a section's score (mean) and the status behind the verdict (typical answers) can differ
slightly; reports say which is which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction

from coprod_check import __version__
from coprod_check.aggregate.bank_index import BankIndex, QuestionInfo, QuestionKey
from coprod_check.aggregate.gaps import EVERYONE, most_disagreement, perception_gaps
from coprod_check.aggregate.ingest import Ingest
from coprod_check.aggregate.result import (
    AggregateResult,
    GroupDistribution,
    GroupInfo,
    GroupOutcome,
    GroupScore,
    InputInfo,
    NoteInfo,
    OptionInfo,
    QuestionStats,
    RowProblemInfo,
    SectionStats,
    Settings,
)
from coprod_check.aggregate.roles import GROUP_LABELS, NO_ROLE
from coprod_check.aggregate.stats import Distribution, distribution
from coprod_check.aggregate.suppression import shown_for_question, shown_groups
from coprod_check.answers.model import ROLES, Answer, AnswersFile, BankRef, Respondent, Role
from coprod_check.bank.model import Bank, Section
from coprod_check.errors import InvalidFileError, Location
from coprod_check.scoring.numbers import as_float, rounded
from coprod_check.scoring.result import BankInfo, Result
from coprod_check.scoring.sections import status_of, thresholds_for

ScoreFunction = Callable[[Sequence[Bank], AnswersFile], Result]


def aggregate(
    ingest: Ingest, settings: Settings, score: ScoreFunction | None = None
) -> AggregateResult:
    """The aggregate result of everything ``ingest`` has read."""
    if score is None:
        from functools import partial

        from coprod_check.scoring.answers import PEOPLE_ANSWERED
        from coprod_check.scoring.engine import score as score_answers

        # a group's verdict comes from its typical answers: its reasons say so
        score = partial(score_answers, who=PEOPLE_ANSWERED)
    return _Builder(ingest, settings, score).build()


def aggregate_respondents(
    banks: Sequence[Bank],
    respondents: Iterable[tuple[str | None, Mapping[str, str | None]]],
    settings: Settings,
    score: ScoreFunction | None = None,
) -> AggregateResult:
    """Aggregate in-memory respondents: ``(role or None, {question id: option id or None})``."""
    ingest = Ingest(BankIndex(banks))
    for role, answers in respondents:
        ingest.add_respondent(role, answers)
    return aggregate(ingest, settings, score)


def _points(value: Fraction | None) -> float | None:
    return None if value is None else as_float(rounded(value * 100))


class _Builder:
    def __init__(self, ingest: Ingest, settings: Settings, score: ScoreFunction) -> None:
        self.ingest = ingest
        self.tally = ingest.tally
        self.index: BankIndex = ingest.index
        self.settings = settings
        self.score = score
        self.asked = self.tally.asked()
        in_play = {info.bank.id for info in self.asked}
        self.banks = [bank for bank in self.index.banks if bank.id in in_play]
        present = [role for role in ROLES if self.tally.respondents.get(role, 0) > 0]
        self.groups = [EVERYONE, *present]
        self.shown = [
            EVERYONE,
            *shown_groups(
                self.tally.respondents,
                present,
                self.tally.total_respondents(),
                settings.min_group_size,
            ),
        ]
        self._dists: dict[tuple[str, QuestionKey], Distribution | None] = {}
        self._visible: dict[QuestionKey, frozenset[str]] = {}

    def respondents(self, group: str) -> int:
        if group == EVERYONE:
            return self.tally.total_respondents()
        return self.tally.respondents.get(group, 0)

    def dist(self, group: str, info: QuestionInfo) -> Distribution | None:
        key = (group, info.key)
        if key not in self._dists:
            if group == EVERYONE:
                raw = self.tally.combined(list(self.tally.respondents), info)
            else:
                raw = self.tally.counts.get(group, {}).get(info.key)
            self._dists[key] = None if raw is None else distribution(info, raw)
        return self._dists[key]

    def visible(self, group: str, info: QuestionInfo) -> bool:
        """Whether ``group``'s answers to ``info`` may be shown (complementary suppression)."""
        if group == EVERYONE:
            return True
        if info.key not in self._visible:
            answers: dict[str, tuple[int, int]] = {}
            for role in self.shown[1:]:
                found = self.dist(role, info)
                if found is not None:
                    answers[role] = (found.n, found.n + found.dont_know)
            everyone = self.dist(EVERYONE, info)
            total = (0, 0) if everyone is None else (everyone.n, everyone.n + everyone.dont_know)
            chosen = shown_for_question(
                answers, self.shown[1:], total, self.settings.min_group_size
            )
            self._visible[info.key] = frozenset(chosen)
        return group in self._visible[info.key]

    def shown_dist(self, group: str, info: QuestionInfo) -> Distribution | None:
        """``group``'s answers to ``info`` when they may be shown, else None."""
        return self.dist(group, info) if self.visible(group, info) else None

    def build(self) -> AggregateResult:
        total = self.tally.total_respondents()
        if total == 0:
            problems = self.ingest.problems
            if not problems:
                raise InvalidFileError("no respondents to aggregate")
            # Nothing else is printed when this is raised, so name the first bad row here.
            first = problems[0]
            raise InvalidFileError(
                f"{first.message} (no respondent could be counted; bad rows or files: "
                f"{self.ingest.problem_count})",
                Location(first.path, first.row),
            )
        sections = self.sections()
        outcomes, overall = self.outcomes()
        questions = self.questions()
        return AggregateResult(
            tool_version=__version__,
            date=self.date,
            banks=[
                BankInfo(id=bank.id, version=bank.version, title=bank.title) for bank in self.banks
            ],
            settings=self.settings,
            inputs=[
                InputInfo(
                    path=item.path,
                    kind=item.kind,
                    respondents=item.respondents,
                    skipped=item.skipped,
                    blank_rows=item.blank_rows,
                    skipped_rows=list(item.skipped_rows),
                )
                for item in self.ingest.inputs
            ],
            respondents=total,
            without_role=self.tally.respondents.get(NO_ROLE, 0),
            rows_skipped=self.ingest.problem_count,
            problems=[
                RowProblemInfo(path=p.path, row=p.row, code=p.code, message=p.message)
                for p in self.ingest.problems
            ],
            warnings=list(self.ingest.warnings),
            warnings_total=self.ingest.warning_count,
            groups=[
                GroupInfo(
                    id=group,
                    label=GROUP_LABELS[group],
                    shown=group in self.shown,
                    respondents=self.respondents(group) if group in self.shown else None,
                    hidden_because=None
                    if group in self.shown
                    else "small"
                    if self.respondents(group) < self.settings.min_group_size
                    else "complement",
                )
                for group in self.groups
            ],
            questions=questions,
            sections=sections,
            outcomes=outcomes,
            overall=overall,
            disagreements=most_disagreement(questions, self.settings.top_disagreements),
            gaps=perception_gaps(sections, self.shown, self.settings.gap_threshold),
            notes=self.notes() if self.settings.include_notes else None,
            notes_total=self.ingest.note_count if self.settings.include_notes else 0,
        )

    # -- questions --------------------------------------------------------------------------

    def questions(self) -> list[QuestionStats]:
        result: list[QuestionStats] = []
        for info in self.asked:
            groups: list[GroupDistribution] = []
            for group in self.shown:
                found = self.dist(group, info)
                if found is not None:
                    groups.append(self.group_distribution(group, info, found))
            result.append(
                QuestionStats(
                    bank_id=info.bank.id,
                    section_id=info.section.id,
                    question_id=info.question.id,
                    statement=info.question.statement,
                    reverse=info.question.reverse,
                    options=[
                        OptionInfo(id=option.id, label=option.label, value=option.value)
                        for option in info.scale.options
                    ],
                    groups=groups,
                )
            )
        return result

    def group_distribution(
        self, group: str, info: QuestionInfo, found: Distribution
    ) -> GroupDistribution:
        if not self.visible(group, info):
            small = found.n < self.settings.min_group_size
            return GroupDistribution(
                group=group, suppressed=True, hidden_because="small" if small else "complement"
            )
        typical = typical_label = None
        if found.typical is not None and found.typical_upper is not None:
            options = info.scale.options
            typical = options[found.typical].id
            typical_label = options[found.typical].label
            if found.typical_upper != found.typical:
                typical_label += f" / {options[found.typical_upper].label}"
        iqr = found.iqr
        return GroupDistribution(
            group=group,
            n=found.n,
            dont_know=found.dont_know,
            unanswered=found.unanswered,
            counts=list(found.counts),
            median=_points(found.median),
            q1=_points(found.q1),
            q3=_points(found.q3),
            iqr=_points(iqr),
            mean=_points(found.mean),
            sd=None if found.sd is None else round(found.sd * 100, 2),
            typical=typical,
            typical_label=typical_label,
        )

    # -- sections ---------------------------------------------------------------------------

    def sections(self) -> list[SectionStats]:
        result: list[SectionStats] = []
        for bank in self.banks:
            for section in bank.sections:
                thresholds = thresholds_for(bank, section)
                result.append(
                    SectionStats(
                        bank_id=bank.id,
                        section_id=section.id,
                        title=section.title,
                        role=section.role,
                        met_at=thresholds.met,
                        partly_met_at=thresholds.partly_met,
                        groups=[self.section_score(bank, section, group) for group in self.shown],
                    )
                )
        return result

    def section_score(self, bank: Bank, section: Section, group: str) -> GroupScore:
        weighted = Fraction(0)
        weights = Fraction(0)
        answered = 0
        for question in section.questions:
            found = self.shown_dist(group, self.index[(bank.id, question.id)])
            if found is None or found.mean is None:
                continue
            weight = Fraction(str(question.weight))
            weighted += weight * found.mean
            weights += weight
            answered += 1
        score = rounded(100 * weighted / weights) if answered and weights > 0 else None
        total = len(section.questions)
        return GroupScore(
            group=group,
            score=None if score is None else as_float(score),
            status=status_of(
                score, answered, total, thresholds_for(bank, section), bank.min_answered
            ),
            answered=answered,
            total=total,
        )

    # -- typical answers, level and verdict -------------------------------------------------

    def typical_answers(self, group: str) -> AnswersFile:
        answers: dict[str, Answer | str | None] = {}
        for info in self.asked:
            found = self.dist(group, info)
            if found is None:
                continue
            chosen: str | None = None
            if not self.visible(group, info):
                pass  # hidden for this group: its typical answer would give it away
            elif found.typical is not None and 2 * found.n >= found.asked:
                chosen = info.scale.options[found.typical].id
            answers[info.question.id] = chosen
        people = self.respondents(group)
        return AnswersFile(
            answers_version=1,
            banks=[BankRef(id=bank.id, version=bank.version) for bank in self.banks],
            respondent=Respondent(
                pseudonym=f"{GROUP_LABELS[group]}: typical answers of {people} respondents",
                role=_role(group),
                date=dt.date.fromisoformat(self.date) if group == EVERYONE and self.date else None,
            ),
            answers=answers,
        )

    @property
    def date(self) -> str | None:
        """The cycle's date: as given, else the latest of the answers files'."""
        return self.settings.date or self.ingest.latest_date

    def outcomes(self) -> tuple[list[GroupOutcome], Result]:
        outcomes: list[GroupOutcome] = []
        overall: Result | None = None
        for group in self.shown:
            answers = self.typical_answers(group)
            result = self.score(self.banks, answers)
            if group == EVERYONE:
                overall = result
            outcomes.append(
                GroupOutcome(
                    group=group,
                    respondents=self.respondents(group),
                    verdict=result.verdict,
                    level_id=result.level.id,
                    level_name=result.level.name,
                    level_confidence=result.level.confidence,
                    confidence=result.confidence,
                    answered_questions=sum(1 for v in answers.answers.values() if v is not None),
                )
            )
        assert overall is not None
        return outcomes, overall

    # -- notes ------------------------------------------------------------------------------

    def notes(self) -> list[NoteInfo]:
        return [
            NoteInfo(
                group=note.group if note.group in self.shown else None,
                bank_id=note.question[0] if note.question else None,
                question_id=note.question[1] if note.question else None,
                text=note.text,
            )
            for note in self.ingest.notes
        ]


def _role(group: str) -> Role | None:
    """A role group's role in an answers file (``None`` for Everyone and other groups)."""
    for role in ROLES:
        if role == group:
            return role
    return None

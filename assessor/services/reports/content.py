"""What a verification report says: one row per area, the questionnaire, how it was tested."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from assessor.domain.clock import local_date, utcnow
from assessor.domain.screening import load_questionnaire, screen
from assessor.domain.vocabulary import AREAS
from assessor.models import Person
from assessor.services.identity import shown_name
from assessor.services.questionnaire import current_response
from assessor.services.reports.consents import ConsentSection, consent_section

#: verification status per area, weakest last
STATUSES = ("verified", "discrepancy", "not_verified", "not_done")


#: how a task went, in words the report uses instead of scores
TASK_OUTCOMES = ("solved", "partly", "tried")


@dataclass(frozen=True)
class TaskDone:
    """One task the person did, as the report names it: title, outcome, where and when."""

    title: str
    outcome: str  #: "solved" (every test passed), "partly" (some passed) or "tried" (none)
    evidence: str  #: how it was done: "unsupervised", "supervised" or "work_sample"
    done_on: date
    skill: str = ""  #: the skill the task shows, e.g. "loopar och villkor"

    @property
    def name(self) -> str:
        """The task as the report names it: "Tick och Tack – loopar och villkor"."""
        return f"{self.title} – {self.skill}" if self.skill else self.title


def task_outcome(score: float) -> str:
    """``solved`` at full marks, ``partly`` when some tests passed, else ``tried``."""
    if score >= 1.0 - 1e-9:
        return "solved"
    return "partly" if score > 0 else "tried"


@dataclass(frozen=True)
class AreaResult:
    """The level in one area, how sure we are, and the evidence behind it."""

    area: str
    status: str = "not_done"
    level: str | None = None  #: e.g. "Programmering 1 C"
    level_rank: int = 0  #: 0 = no level; 1.. = position on the area's ladder (for the chart)
    ladder_size: int = 3  #: how many steps the area's ladder has
    confidence_percent: int | None = None
    confidence_key: str | None = None  #: e.g. "sure"; the web layer words it
    runner_up: str | None = None  #: the next most likely level (None = no level yet)
    runner_up_rank: int | None = None  #: its rank; None when there is no result
    evidence: str | None = None  #: strongest evidence kind behind the level
    tasks: int = 0
    strengths: tuple[str, ...] = ()
    tasks_done: tuple[TaskDone, ...] = ()  #: one per task, its latest attempt, oldest first
    follow_up: str | None = None  #: the latest held follow-up's outcome
    first_done: date | None = None  #: the day of the area's first graded attempt
    last_done: date | None = None  #: the day of its latest graded attempt
    #: the results point higher than the tasks solved: "at least ``level``" (``confidence_*``
    #: is then the chance of being at or above it; with no level, nothing is claimed yet)
    at_least: bool = False

    @property
    def between(self) -> tuple[str | None, str | None] | None:
        """For an unsure result: the level and the runner-up, lower first (None = no level)."""
        if self.confidence_key != "unsure" or self.runner_up_rank is None:
            return None
        if self.runner_up_rank < self.level_rank:
            return self.runner_up, self.level
        return self.level, self.runner_up


@dataclass(frozen=True)
class QuestionnaireSummary:
    """The screening outcome with its reasons, in the report's language."""

    outcome: str
    reasons: tuple[str, ...]
    completed_on: date | None


@dataclass(frozen=True)
class VerificationReport:
    """Everything the report page and the PDF show."""

    #: None when the reader may not see it (protected identity): the page shows a marker
    person_name: str | None
    public_id: str
    made_on: date
    locale: str
    areas: tuple[AreaResult, ...]
    questionnaire: QuestionnaireSummary | None
    bank_version: str = ""
    supervised_sessions: int = 0
    extra: dict = field(default_factory=dict)
    #: the consents on record when the report was made, as its reader may see them
    consents: ConsentSection | None = None
    #: hand-ins whose score a regrade changed (``reports.regrades.RegradeNote``)
    regrades: tuple = ()

    @property
    def strongest(self) -> AreaResult | None:
        """The area with the highest level step (Programmering 2 E is above Programmering 1 A
        and above any one-course area's A), then the surer one, then the one with more tasks;
        None while no area has a level."""
        with_level = [a for a in self.areas if a.level]
        return max(with_level, default=None,
                   key=lambda a: (a.level_rank, a.confidence_percent or 0, a.tasks))

    def areas_with(self, status: str) -> tuple[str, ...]:
        """The areas whose verification status is ``status``, in the report's order."""
        return tuple(a.area for a in self.areas if a.status == status)

    @property
    def tasks(self) -> int:
        """How many different tasks the person has done."""
        return sum(a.tasks for a in self.areas)

    @property
    def first_done(self) -> date | None:
        """The day the earliest task in the report was done."""
        return min((a.first_done for a in self.areas if a.first_done), default=None)

    @property
    def last_done(self) -> date | None:
        """The day the latest task in the report was done."""
        return max((a.last_done for a in self.areas if a.last_done), default=None)


def questionnaire_summary(session: Session, person: Person,
                          locale: str) -> QuestionnaireSummary | None:
    """The finished questionnaire's outcome and reasons, or None."""
    response = current_response(session, person)
    if response is None or response.completed_at is None:
        return None
    questionnaire = load_questionnaire()
    result = screen(questionnaire, response.answers)
    return QuestionnaireSummary(result.outcome,
                                tuple(r.text(questionnaire, locale) for r in result.reasons),
                                local_date(response.completed_at))


def build_report(session: Session, person: Person, locale: str,
                 areas: list[AreaResult] | None = None, bank_version: str = "",
                 supervised_sessions: int = 0, reader: object = None,
                 regrades: tuple = ()) -> VerificationReport:
    """Put the report together for ``reader`` (a User or policy Actor: the consents it states
    are those the reader may see); areas without results are listed as not done."""
    by_area = {a.area: a for a in areas or []}
    return VerificationReport(
        person_name=shown_name(session, reader, person) if reader is not None else None,
        public_id=person.public_id, made_on=local_date(utcnow()),
        locale=locale, areas=tuple(by_area.get(a, AreaResult(a)) for a in AREAS),
        questionnaire=questionnaire_summary(session, person, locale),
        bank_version=bank_version, supervised_sessions=supervised_sessions,
        consents=consent_section(session, person, reader) if reader is not None else None,
        regrades=tuple(regrades))

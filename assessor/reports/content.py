"""What a verification report says: one row per area, the questionnaire, how it was tested."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from assessor.db import utcnow
from assessor.models import Person
from assessor.questionnaire_service import current_response
from assessor.screening import load_questionnaire, screen

AREAS = ("programmering", "webb", "natverk", "databas")
#: verification status per area, weakest last
STATUSES = ("verified", "discrepancy", "not_verified", "not_done")


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
    evidence: str | None = None  #: strongest evidence kind behind the level
    tasks: int = 0
    strengths: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionnaireSummary:
    """The screening outcome with its reasons, in the report's language."""

    outcome: str
    reasons: tuple[str, ...]
    completed_on: date | None


@dataclass(frozen=True)
class VerificationReport:
    """Everything the report page and the PDF show."""

    person_name: str
    public_id: str
    made_on: date
    locale: str
    areas: tuple[AreaResult, ...]
    questionnaire: QuestionnaireSummary | None
    bank_version: str = ""
    supervised_sessions: int = 0
    extra: dict = field(default_factory=dict)


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
                                response.completed_at.date())


def build_report(session: Session, person: Person, locale: str,
                 areas: list[AreaResult] | None = None, bank_version: str = "",
                 supervised_sessions: int = 0) -> VerificationReport:
    """Put the report together; areas without results are listed as not done."""
    by_area = {a.area: a for a in areas or []}
    return VerificationReport(
        person_name=person.name, public_id=person.public_id, made_on=utcnow().date(),
        locale=locale, areas=tuple(by_area.get(a, AreaResult(a)) for a in AREAS),
        questionnaire=questionnaire_summary(session, person, locale),
        bank_version=bank_version, supervised_sessions=supervised_sessions)

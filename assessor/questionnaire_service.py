"""Filling in the questionnaire: who may, saving each answer, and finishing with a screening."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.db import utcnow
from assessor.models import (
    AccessAction,
    ConsentPurpose,
    Person,
    QuestionnaireResponse,
    QuestionnaireSitting,
    Role,
    User,
)
from assessor.privacy import active_consent, log_access
from assessor.screening import Questionnaire, ScreeningResult, screen
from assessor.screening.questionnaire import Item
from assessor.screening.scoring import normalise_answer


def may_fill_for(session: Session, user: User, person: Person) -> bool:
    """Candidates fill their own; coaches and admins anyone's; caseworkers the people they
    added or who share their report with the caseworker's organisation."""
    if user.role == Role.CANDIDATE:
        return person.user_id == user.id
    if user.role in (Role.FACILITATOR, Role.ADMIN):
        return True
    if user.role == Role.CASEWORKER:
        return person.created_by_id == user.id or active_consent(
            session, person, ConsentPurpose.SHARE_REPORT, user.organisation_id) is not None
    return False


def current_response(session: Session, person: Person) -> QuestionnaireResponse | None:
    """The person's latest questionnaire, finished or not."""
    query = sa.select(QuestionnaireResponse).where(QuestionnaireResponse.person_id == person.id)
    return session.scalars(query.order_by(QuestionnaireResponse.id.desc())).first()


def start_or_continue(session: Session, questionnaire: Questionnaire, person: Person,
                      user: User, person_present: bool | None = None) -> QuestionnaireResponse:
    """The unfinished questionnaire to continue, or a new one. Flushes."""
    response = current_response(session, person)
    present = None if person.user_id == user.id else person_present
    if response is None or response.completed_at is not None:
        response = QuestionnaireResponse(
            person_id=person.id, version=questionnaire.version, answers={},
            filled_by_id=user.id, person_present=present)
        session.add(response)
    response.sittings.append(QuestionnaireSitting(filled_by_id=user.id, person_present=present,
                                                  items=[]))
    session.flush()
    return response


def current_sitting(response: QuestionnaireResponse, user: User) -> QuestionnaireSitting:
    """The user's latest sitting at this questionnaire (a new one if they have none: staff
    who did not say whether the person is there are recorded as "not known")."""
    for sitting in reversed(response.sittings):
        if sitting.filled_by_id == user.id:
            return sitting
    sitting = QuestionnaireSitting(filled_by_id=user.id, person_present=None, items=[])
    response.sittings.append(sitting)
    return sitting


def record_answer(session: Session, response: QuestionnaireResponse, item: Item,
                  value: object, user: User) -> None:
    """Save one answer as it is given (None clears it), noting it in the user's sitting.
    Raises AnswerError for a bad value."""
    answers = dict(response.answers)
    if value in (None, "", []):
        answers.pop(item.id, None)
    else:
        answers[item.id] = normalise_answer(item, value)
    response.answers = answers  # a new dict, so the JSON column is seen as changed
    response.updated_at = utcnow()
    sitting = current_sitting(response, user)
    sitting.items = [*sitting.items, item.id]
    sitting.last_answer_at = response.updated_at
    session.flush()


def finish(session: Session, questionnaire: Questionnaire, response: QuestionnaireResponse,
           user: User) -> ScreeningResult:
    """Screen the answers and mark the questionnaire completed. Flushes."""
    result = screen(questionnaire, response.answers)
    response.outcome = result.outcome
    response.completed_at = utcnow()
    log_staff_change(session, response.person, user, "questionnaire completed")
    session.flush()
    return result


def log_staff_change(session: Session, person: Person, user: User, reason: str) -> None:
    """Log that staff changed this person's questionnaire (not logged for the person)."""
    if person.user_id != user.id:
        log_access(session, actor_id=user.id, person_id=person.id, action=AccessAction.CHANGE,
                   what="questionnaire", reason=reason)

"""Filling in the questionnaire: saving each answer, and finishing with a screening.

Who may is the access policy's ``questionnaire.fill``: each write asks it, so a finished
questionnaire is never started over or changed, and nothing is stored without a yes to the
tests, whoever calls."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.screening import Questionnaire, ScreeningResult, screen
from assessor.domain.screening.questionnaire import Item
from assessor.domain.screening.scoring import normalise_answer
from assessor.models import Person, QuestionnaireResponse, QuestionnaireSitting, User
from assessor.services import policy


def current_response(session: Session, person: Person) -> QuestionnaireResponse | None:
    """The person's latest questionnaire, finished or not."""
    query = sa.select(QuestionnaireResponse).where(QuestionnaireResponse.person_id == person.id)
    return session.scalars(query.order_by(QuestionnaireResponse.id.desc())).first()


def start_or_continue(session: Session, questionnaire: Questionnaire, person: Person,
                      user: User, person_present: bool | None = None) -> QuestionnaireResponse:
    """The unfinished questionnaire to continue, or a new one when there is none. Flushes.
    AccessDeniedError unless ``user`` may fill it in (never over a finished one)."""
    policy.require(session, user, policy.Action.QUESTIONNAIRE_FILL, person)
    response = current_response(session, person)
    present = None if person.user_id == user.id else person_present
    if response is None:
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
    Raises AnswerError for a bad value, AccessDeniedError unless ``user`` may fill it in."""
    policy.require(session, user, policy.Action.QUESTIONNAIRE_FILL, response.person)
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
    """Screen the answers and mark the questionnaire completed. Flushes. AccessDeniedError unless
    ``user`` may fill it in (so never twice)."""
    policy.require(session, user, policy.Action.QUESTIONNAIRE_FILL, response.person)
    result = screen(questionnaire, response.answers)
    response.outcome = result.outcome
    response.completed_at = utcnow()
    session.flush()
    return result


"""The indicator survey: the person answers it themself, at start and at exit (the exit once
the coach has recorded the last day). Nobody answers for them, and no skill score reads it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import local_date
from assessor.domain.funder.indicators import SurveyError, check_answers, open_points
from assessor.models import IndicatorAnswer, Person
from assessor.services import policy
from assessor.services.placements.participation import participation_of
from assessor.services.policy import Action


def answered_points(session: Session, person: Person) -> dict[str, datetime]:
    """point -> when the person answered it."""
    return dict(session.execute(sa.select(IndicatorAnswer.point, IndicatorAnswer.answered_at)
                                .where(IndicatorAnswer.person_id == person.id)).all())


def points_open(session: Session, person: Person) -> list[str]:
    """The points the person may answer now."""
    participation = participation_of(session, person)
    has_left = participation is not None and participation.left_on is not None
    return open_points(set(answered_points(session, person)), has_left)


def answer(session: Session, actor: object, person: Person, point: str,
           answers: Mapping[str, int]) -> IndicatorAnswer:
    """Keep the person's own answers at one point, once (SurveyError: "closed" when the
    point is not open, or the domain's code for answers that do not fit). Flushes."""
    policy.require(session, actor, Action.INDICATORS_ANSWER, person)
    kept = check_answers(point, answers)
    if point not in points_open(session, person):
        raise SurveyError("closed")
    record = IndicatorAnswer(person_id=person.id, point=point, answers=kept)
    session.add(record)
    session.flush()
    return record


def exit_answers(session: Session, person_ids: Iterable[int], start: date,
                 end: date) -> dict[int, dict[str, int]]:
    """person id -> their exit answers, for those who answered at exit in the period."""
    rows = session.execute(sa.select(IndicatorAnswer.person_id, IndicatorAnswer.answers,
                                     IndicatorAnswer.answered_at)
                           .where(IndicatorAnswer.person_id.in_(list(person_ids)),
                                  IndicatorAnswer.point == "exit"))
    return {pid: answers for pid, answers, at in rows if start <= local_date(at) <= end}

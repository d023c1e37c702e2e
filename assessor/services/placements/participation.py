"""The participation's dates, why it ended and the year of birth, kept by a coach of the
programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import local_date, utcnow
from assessor.domain.placements import PARTICIPATION_END_REASONS
from assessor.models import Participation, Person
from assessor.services import policy
from assessor.services.placements import PlacementError, today_here
from assessor.services.policy import Action

OLDEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class ParticipationInput:
    """Every field of the form (each may be empty)."""

    enrolled_on: date | None = None
    left_on: date | None = None
    birth_year: int | None = None
    course_passed_on: date | None = None
    studies_from: date | None = None
    end_reason: str | None = None  #: why the participation ended (only with ``left_on``)


def participation_of(session: Session, person: Person) -> Participation | None:
    """The person's participation record, if any (the caller asked the policy)."""
    return session.scalar(sa.select(Participation).where(Participation.person_id == person.id))


def enrolled_on(person: Person, participation: Participation | None) -> date:
    """The day the person joined: as recorded, else the day they were added."""
    if participation is not None and participation.enrolled_on is not None:
        return participation.enrolled_on
    return local_date(person.created_at)


def save_participation(session: Session, actor: object, person: Person,
                       data: ParticipationInput, today: date | None = None) -> Participation:
    """Keep the participation's dates: none in the future, leaving not before joining, a
    year of birth between 1900 and this year, an end reason only with the day it ended.
    Flushes."""
    policy.require(session, actor, Action.PLACEMENT_RECORD, person)
    today = today or today_here()
    days = (data.enrolled_on, data.left_on, data.course_passed_on, data.studies_from)
    if any(day is not None and day > today for day in days):
        raise PlacementError("future")
    if data.enrolled_on and data.left_on and data.left_on < data.enrolled_on:
        raise PlacementError("left_before")
    if data.birth_year is not None and not OLDEST_BIRTH_YEAR <= data.birth_year <= today.year:
        raise PlacementError("birth_year")
    if data.end_reason is not None and (data.end_reason not in PARTICIPATION_END_REASONS
                                        or data.left_on is None):
        raise PlacementError("end_reason")
    record = participation_of(session, person) or Participation(person_id=person.id)
    session.add(record)
    for name, value in data.__dict__.items():
        setattr(record, name, value)
    record.updated_by_id, record.updated_at = policy.Actor.of(actor).id, utcnow()
    session.flush()
    return record

"""Who a statistic counts, and the access-log entry for each report made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import Participation, Person
from assessor.services import policy
from assessor.services.placements.participation import enrolled_on
from assessor.services.policy import Action
from assessor.services.statistics import StatisticsError


@dataclass(frozen=True)
class Counted:
    """A person counted, with the participation record (if any) and the enrolment day."""

    person: Person
    participation: Participation | None
    enrolled: date


def check_period(start: date, end: date) -> None:
    """StatisticsError unless the period runs forwards."""
    if start > end:
        raise StatisticsError("period")


def counted(session: Session, actor: object, programme_id: int | None) -> list[Counted]:
    """The people of the programme (every programme: None, for an admin and the system)
    that the statistics may count. AccessDeniedError (logged) when the actor may not read
    the programme's statistics."""
    decision = policy.authorize_programme(session, actor, Action.STATISTICS, programme_id)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)
    ids = policy.allowed_people(session, actor, Action.STATISTICS_COUNT)
    query = sa.select(Person).where(Person.id.in_(ids)).order_by(Person.id)
    if programme_id is not None:
        query = query.where(Person.organisation_id == programme_id)
    people = session.scalars(query).all()
    records = dict(session.execute(sa.select(Participation.person_id, Participation).where(
        Participation.person_id.in_([p.id for p in people]))).all())
    return [Counted(p, records.get(p.id), enrolled_on(p, records.get(p.id))) for p in people]


def log_report(session: Session, actor: object, what: str, export: bool = False) -> None:
    """One access-log entry about no person for a report read or exported. Flushes."""
    policy.service.log(session, policy.Actor.of(actor), None, "export" if export else "read",
                       what)

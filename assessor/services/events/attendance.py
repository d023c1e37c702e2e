"""Attendance over a programme's evenings (the coach's ``/kvallar/narvaro``): per evening,
per month and in all; the people by gender masked by ``domain.statistics.attendance``, with
a gender used only for people who said yes to "Anonymous statistics"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, local_date, utcnow
from assessor.domain.statistics.attendance import Attendance, Visit, attendance
from assessor.models import Event, Participant, Person, User
from assessor.services import policy
from assessor.services.policy import Action

WHAT = "events.attendance"


@dataclass(frozen=True)
class EveningCount:
    """One evening held: its places, how many were checked in, guests and accounts."""

    event: Event
    joined: int
    checked_in: int
    guests: int
    accounts: int


@dataclass(frozen=True)
class ProgrammeAttendance:
    """Each evening held (latest first) and the counts over all of them."""

    evenings: list[EveningCount]
    summary: Attendance


def held_evenings(session: Session, programme_id: int | None,
                  now: datetime | None = None) -> list[Event]:
    """The evenings that have begun, of one programme (every programme: None), oldest first."""
    query = sa.select(Event).where(Event.starts_at <= (now or utcnow())).order_by(
        Event.starts_at, Event.id)
    if programme_id is not None:
        query = query.where(Event.organisation_id == programme_id)
    return list(session.scalars(query))


def places_at(session: Session, evenings: list[Event]) -> list[tuple[Participant, Person]]:
    """Every place taken at the evenings, with its person (one query)."""
    if not evenings:
        return []
    return [(place, person) for place, person in session.execute(
        sa.select(Participant, Person).join(Person).where(
            Participant.event_id.in_([e.id for e in evenings])))]


def programme_attendance(session: Session, by: User,
                         now: datetime | None = None) -> ProgrammeAttendance:
    """The attendance of ``by``'s programme (a coach: ``events``; AccessDeniedError for anyone
    else), logged as one read about no person. Flushes."""
    policy.require(session, by, Action.EVENTS)
    evenings = held_evenings(session, by.organisation_id, now)
    places = places_at(session, evenings)
    counted = policy.allowed_people(session, by, Action.STATISTICS_COUNT)
    starts = {e.id: as_utc(e.starts_at) for e in evenings}
    visits = [Visit(person.id, (person.gender or "") if person.id in counted else "",
                    place.event_id, starts[place.event_id],
                    local_date(starts[place.event_id]).strftime("%Y-%m"))
              for place, person in places]
    policy.service.log(session, policy.Actor.of(by), None, "read", WHAT)
    return ProgrammeAttendance(_per_evening(evenings, [p for p, _ in places]),
                               attendance(visits))


def _per_evening(evenings: list[Event], places: list[Participant]) -> list[EveningCount]:
    counts = []
    for event in reversed(evenings):
        mine = [p for p in places if p.event_id == event.id]
        guests = sum(p.guest for p in mine)
        counts.append(EveningCount(event, len(mine), sum(p.checked_in_at is not None
                                                         for p in mine),
                                   guests, len(mine) - guests))
    return counts

"""Admission through the intake pools (``pool.place``): a lead or a person joins an area's
queue, takes up the place offered (the participation starts), says no, or ends the
participation with its reason. Each change settles the pools (``pools.settle_programme``)
and is in the pools' log and the access log."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.intake.pools import MoveKind, PoolError
from assessor.domain.placements import PARTICIPATION_END_REASONS
from assessor.models import Lead, Participation, Person, PoolEntry
from assessor.models.pool import ACTIVE
from assessor.services import policy
from assessor.services.intake.pools import (
    area_of,
    log_move,
    log_person,
    require,
    settle_programme,
)
from assessor.services.placements import today_here
from assessor.services.policy import Action


def entry_of(session: Session, actor: object, entry_id: int) -> PoolEntry | None:
    """The entry, when the actor may handle the programme's pools (AccessDeniedError if not);
    the look is logged about the person."""
    entry = session.get(PoolEntry, entry_id)
    if entry is not None:
        require(session, actor, Action.POOL_PLACE, entry.programme_id)
        log_person(session, actor, entry, "read")
    return entry


def active_entry(session: Session, *, lead: Lead | None = None,
                 person: Person | None = None) -> PoolEntry | None:
    """The lead's or person's entry that waits or holds a place, if any."""
    found = [PoolEntry.lead_id == lead.id] if lead is not None else []
    found += [PoolEntry.person_id == person.id] if person is not None else []
    if not found:
        return None
    return session.scalar(sa.select(PoolEntry).where(sa.or_(*found),
                                                     PoolEntry.status.in_(ACTIVE)).limit(1))


def queue(session: Session, coach: object, area_id: int, *, lead: Lead | None = None,
          person: Person | None = None) -> PoolEntry:
    """Put a lead or a person of the programme in an area's queue (last); a free place is
    offered at once when the rules give one. PoolError "already" when they wait or hold a
    place already. Flushes."""
    programme_id = lead.programme_id if lead is not None else person.organisation_id
    require(session, coach, Action.POOL_PLACE, programme_id)
    area = area_of(session, programme_id, area_id)
    if lead is not None and lead.status == "closed":
        raise PoolError("closed")
    if lead is not None and lead.person_id is not None and person is None:
        person = session.get(Person, lead.person_id)
    if active_entry(session, lead=lead, person=person) is not None:
        raise PoolError("already")
    entry = PoolEntry(programme_id=programme_id, area=area, lead=lead, person=person)
    session.add(entry)
    session.flush()
    log_move(session, coach, programme_id, MoveKind.QUEUED, entry=entry, area=area)
    log_person(session, coach, entry)
    settle_programme(session, coach, programme_id)
    return entry


def _enrol(session: Session, actor: object, person: Person, on: date) -> None:
    record = session.scalar(sa.select(Participation).where(Participation.person_id == person.id))
    if record is None:
        record = Participation(person_id=person.id)
        session.add(record)
    if record.enrolled_on is None or record.left_on is not None:
        record.enrolled_on, record.left_on, record.end_reason = on, None, None
    record.updated_by_id, record.updated_at = policy.Actor.of(actor).id, utcnow()


def admit(session: Session, coach: object, entry: PoolEntry, on: date | None = None) -> None:
    """The person takes up the place offered to them: the participation starts (enrolled
    today, when it had not). PoolError "not_offered" unless a place is offered. Flushes."""
    require(session, coach, Action.POOL_PLACE, entry.programme_id)
    if entry.status != "offered":
        raise PoolError("not_offered")
    entry.status, entry.admitted_at = "admitted", utcnow()
    if entry.person is not None:
        _enrol(session, coach, entry.person, on or today_here())
    log_move(session, coach, entry.programme_id, MoveKind.ADMITTED, entry=entry,
         area=entry.place_area)
    log_person(session, coach, entry)
    session.flush()


def person_joined(session: Session, coach: object, lead: Lead) -> None:
    """A lead became a person (invited to the questionnaire): their pool entry follows
    them, and a place offered to them is taken. Flushes."""
    entry = active_entry(session, lead=lead)
    person = session.get(Person, lead.person_id) if lead.person_id is not None else None
    if entry is None or person is None:
        return
    entry.person = person
    if entry.status == "offered":
        admit(session, coach, entry)
    elif entry.status == "admitted":
        _enrol(session, coach, person, today_here())
    session.flush()


def leave(session: Session, coach: object, entry: PoolEntry) -> None:
    """Out of the queue, or no to the place offered (it goes to the next person). Flushes."""
    require(session, coach, Action.POOL_PLACE, entry.programme_id)
    if entry.status not in ("waiting", "offered"):
        raise PoolError("not_waiting")
    place = entry.place_area
    entry.status, entry.place_area, entry.closed_at = "left", None, utcnow()
    log_move(session, coach, entry.programme_id, MoveKind.LEFT_QUEUE, entry=entry,
         area=place or entry.area)
    log_person(session, coach, entry)
    settle_programme(session, coach, entry.programme_id)


def end(session: Session, coach: object, entry: PoolEntry, reason: str,
        on: date | None = None) -> None:
    """The participation ends, with its reason, on a day (not in the future, not before
    the enrolment): the place is free and goes by the rules. Flushes."""
    require(session, coach, Action.POOL_PLACE, entry.programme_id)
    if entry.status != "admitted":
        raise PoolError("not_admitted")
    if reason not in PARTICIPATION_END_REASONS:
        raise PoolError("reason")
    on = on or today_here()
    if on > today_here():
        raise PoolError("future")
    if entry.person is not None:
        _leave_participation(session, coach, entry.person, reason, on)
    place = entry.place_area
    entry.status, entry.place_area, entry.closed_at = "ended", None, utcnow()
    log_move(session, coach, entry.programme_id, MoveKind.ENDED, entry=entry, area=place,
         reason=reason)
    log_person(session, coach, entry)
    settle_programme(session, coach, entry.programme_id)


def _leave_participation(session: Session, actor: object, person: Person, reason: str,
                         on: date) -> None:
    record = session.scalar(sa.select(Participation).where(Participation.person_id == person.id))
    if record is None:
        record = Participation(person_id=person.id, enrolled_on=on)
        session.add(record)
    if record.enrolled_on is not None and on < record.enrolled_on:
        raise PoolError("before_enrolled")
    record.left_on, record.end_reason = on, reason
    record.updated_by_id, record.updated_at = policy.Actor.of(actor).id, utcnow()

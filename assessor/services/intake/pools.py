"""Intake pools through the session: the programme's funding areas and places (``pools``),
its queues, offers, admissions and ends (``pool.place``). After every change ``settle``
hands out the free places by ``domain.intake.pools`` and writes each move to the pools' log;
every change about a person is also in the access log."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.domain.intake import clean_line
from assessor.domain.intake.pools import (
    NAME_LENGTH,
    Area,
    Entry,
    MoveKind,
    Places,
    PoolError,
    check_places,
    places_of,
    settle,
)
from assessor.domain.placements import PARTICIPATION_END_REASONS
from assessor.models import Lead, Participation, Person, PoolArea, PoolEntry, PoolMove
from assessor.models.pool import ACTIVE, HOLDING
from assessor.services import policy
from assessor.services.placements import today_here
from assessor.services.policy import Action
from assessor.services.policy.rules import programme_facts


def require(session: Session, actor: object, action: Action, programme_id: int | None) -> None:
    """AccessDeniedError (logged) unless ``actor`` may do ``action`` for the programme."""
    decision = policy.authorize_programme(session, actor, action, programme_id)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)


def handles(actor: object, programme_id: int | None) -> bool:
    """Whether ``actor`` handles the programme's queues and sees its log (``pool.place``);
    asked to choose what a page shows, so nothing is logged."""
    return policy.decide(policy.Actor.of(actor), Action.POOL_PLACE,
                         programme_facts(programme_id)).allowed


def areas_of(session: Session, programme_id: int | None) -> list[PoolArea]:
    """The programme's areas in their order."""
    return list(session.scalars(sa.select(PoolArea).where(PoolArea.programme_id == programme_id)
                                .order_by(PoolArea.position, PoolArea.id)))


def active_entries(session: Session, programme_id: int | None) -> list[PoolEntry]:
    """Everyone waiting or holding a place in the programme's pools, in queue order."""
    return list(session.scalars(sa.select(PoolEntry).where(
        PoolEntry.programme_id == programme_id, PoolEntry.status.in_(ACTIVE))
        .order_by(PoolEntry.queued_at, PoolEntry.id)))


def places_now(areas: list[PoolArea], entries: list[PoolEntry]) -> dict[int, Places]:
    """Each area's places (own, lent out, borrowed, free, waiting) by area id."""
    return {p.area_id: p for p in places_of([_as_area(a) for a in areas],
                                            [_as_entry(e) for e in entries])}


def _as_area(area: PoolArea) -> Area:
    return Area(area.id, area.places, area.position)


def _as_entry(entry: PoolEntry) -> Entry:
    return Entry(entry.id, entry.area_id, as_utc(entry.queued_at),  # SQLite: naive
                 entry.place_area_id if entry.status in HOLDING else None)


def _log(session: Session, actor: object, programme_id: int, kind: MoveKind, *,
         entry: PoolEntry | None = None, area: PoolArea | None = None,
         from_area: PoolArea | None = None, **extra) -> None:
    session.add(PoolMove(
        programme_id=programme_id, kind=kind.value, entry=entry,
        area_name=area.name if area else "", from_area_name=from_area.name if from_area else "",
        own_area_name=entry.area.name if entry is not None else "",
        actor_id=policy.Actor.of(actor).id, **extra))


def _log_person(session: Session, actor: object, entry: PoolEntry, kind: str = "change") -> None:
    policy.service.log(session, policy.Actor.of(actor), entry.person, kind,
                       f"{Action.POOL_PLACE} #{entry.id}")


def settle_programme(session: Session, actor: object, programme_id: int) -> list[PoolEntry]:
    """Hand out the programme's free places; each move logged. The entries that were
    offered a place or moved. Flushes."""
    session.flush()
    areas = {a.id: a for a in areas_of(session, programme_id)}
    rows = {e.id: e for e in active_entries(session, programme_id)}
    _, moves = settle([_as_area(a) for a in areas.values()],
                      [_as_entry(e) for e in rows.values()])
    for move in moves:
        entry = rows[move.entry_id]
        entry.place_area = areas[move.place_area_id]
        if entry.status == "waiting":
            entry.status = "offered"
        _log(session, actor, programme_id, move.kind, entry=entry,
             area=areas[move.place_area_id], from_area=areas.get(move.from_area_id))
        _log_person(session, actor, entry)
    session.flush()
    return [rows[move.entry_id] for move in moves]


def _area_of(session: Session, programme_id: int | None, area_id: int) -> PoolArea:
    area = session.get(PoolArea, area_id)
    if area is None or area.programme_id != programme_id:
        raise PoolError("area")
    return area


def _name(session: Session, programme_id: int, name: str, but: int | None = None) -> str:
    name = clean_line(name, NAME_LENGTH)
    if not name:
        raise PoolError("name")
    if any(a.name.casefold() == name.casefold() and a.id != but
           for a in areas_of(session, programme_id)):
        raise PoolError("name_taken")
    return name


def add_area(session: Session, actor: object, name: str, places: int) -> PoolArea:
    """A new funding area, last, for the actor's programme; its places are handed out at
    once. Flushes."""
    programme_id = policy.Actor.of(actor).organisation_id
    require(session, actor, Action.POOLS, programme_id)
    area = PoolArea(programme_id=programme_id, name=_name(session, programme_id, name),
                    places=check_places(places),
                    position=1 + max((a.position for a in areas_of(session, programme_id)),
                                     default=0))
    session.add(area)
    session.flush()
    _log(session, actor, programme_id, MoveKind.PLACES, area=area, places=area.places)
    settle_programme(session, actor, programme_id)
    return area


def change_area(session: Session, actor: object, area_id: int, name: str,
                places: int) -> PoolArea:
    """Rename an area or change its places (fewer than are held: nobody new gets one until
    enough have left). Flushes."""
    area = session.get(PoolArea, area_id)
    if area is None:
        raise PoolError("area")
    require(session, actor, Action.POOLS, area.programme_id)
    area.name = _name(session, area.programme_id, name, but=area.id)
    if check_places(places) != area.places:
        area.places = places
        _log(session, actor, area.programme_id, MoveKind.PLACES, area=area, places=places)
    settle_programme(session, actor, area.programme_id)
    return area


def remove_area(session: Session, actor: object, area_id: int) -> None:
    """Remove an area nobody waits in or holds a place of (else PoolError "in_use")."""
    area = session.get(PoolArea, area_id)
    if area is None:
        raise PoolError("area")
    require(session, actor, Action.POOLS, area.programme_id)
    if any(area.id in (e.area_id, e.place_area_id)
           for e in active_entries(session, area.programme_id)):
        raise PoolError("in_use")
    session.execute(sa.update(PoolEntry).where(PoolEntry.place_area_id == area.id)
                    .values(place_area_id=None))
    session.delete(area)
    session.flush()


def entry_of(session: Session, actor: object, entry_id: int) -> PoolEntry | None:
    """The entry, when the actor may handle the programme's pools (AccessDeniedError if not);
    the look is logged about the person."""
    entry = session.get(PoolEntry, entry_id)
    if entry is not None:
        require(session, actor, Action.POOL_PLACE, entry.programme_id)
        _log_person(session, actor, entry, "read")
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
    area = _area_of(session, programme_id, area_id)
    if lead is not None and lead.status == "closed":
        raise PoolError("closed")
    if lead is not None and lead.person_id is not None and person is None:
        person = session.get(Person, lead.person_id)
    if active_entry(session, lead=lead, person=person) is not None:
        raise PoolError("already")
    entry = PoolEntry(programme_id=programme_id, area=area, lead=lead, person=person)
    session.add(entry)
    session.flush()
    _log(session, coach, programme_id, MoveKind.QUEUED, entry=entry, area=area)
    _log_person(session, coach, entry)
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
    _log(session, coach, entry.programme_id, MoveKind.ADMITTED, entry=entry,
         area=entry.place_area)
    _log_person(session, coach, entry)
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
    _log(session, coach, entry.programme_id, MoveKind.LEFT_QUEUE, entry=entry,
         area=place or entry.area)
    _log_person(session, coach, entry)
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
    _log(session, coach, entry.programme_id, MoveKind.ENDED, entry=entry, area=place,
         reason=reason)
    _log_person(session, coach, entry)
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


def log_of(session: Session, actor: object, programme_id: int | None,
           limit: int = 100) -> list[PoolMove]:
    """The newest moves of the programme's pools, newest first (``pool.place``)."""
    require(session, actor, Action.POOL_PLACE, programme_id)
    return list(session.scalars(sa.select(PoolMove).where(PoolMove.programme_id == programme_id)
                                .order_by(PoolMove.id.desc()).limit(limit)))


def pool_data(session: Session, person: Person) -> dict:
    """The person's places and queues (oldest first), for their own export."""
    entries = session.scalars(sa.select(PoolEntry).where(PoolEntry.person_id == person.id)
                              .order_by(PoolEntry.queued_at, PoolEntry.id))
    return {"intake_pools": [
        {"area": e.area.name, "status": e.status,
         "place_of_area": e.place_area.name if e.place_area else None,
         "queued_at": as_utc(e.queued_at).isoformat(),
         "admitted_at": as_utc(e.admitted_at).isoformat() if e.admitted_at else None,
         "closed_at": as_utc(e.closed_at).isoformat() if e.closed_at else None}
        for e in entries]}

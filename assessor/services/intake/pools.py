"""Intake pools through the session: the programme's funding areas and places (``pools``),
what the pages show, and ``settle_programme``, which after every change hands out the free
places by ``domain.intake.pools`` and writes each move to the pools' log (every change about
a person is also in the access log). Queues, admissions and ends are ``admission``'s."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc
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
from assessor.models import Person, PoolArea, PoolEntry, PoolMove
from assessor.models.pool import ACTIVE, HOLDING
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.policy.facts import programme_facts


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


def log_move(session: Session, actor: object, programme_id: int, kind: MoveKind, *,
         entry: PoolEntry | None = None, area: PoolArea | None = None,
         from_area: PoolArea | None = None, **extra) -> None:
    """One line of the pools' log (the areas' names as they are now)."""
    session.add(PoolMove(
        programme_id=programme_id, kind=kind.value, entry=entry,
        area_name=area.name if area else "", from_area_name=from_area.name if from_area else "",
        own_area_name=entry.area.name if entry is not None else "",
        actor_id=policy.Actor.of(actor).id, **extra))


def log_person(session: Session, actor: object, entry: PoolEntry, kind: str = "change") -> None:
    """One access-log entry about the entry's person (none for a lead)."""
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
        log_move(session, actor, programme_id, move.kind, entry=entry,
             area=areas[move.place_area_id], from_area=areas.get(move.from_area_id))
        log_person(session, actor, entry)
    session.flush()
    return [rows[move.entry_id] for move in moves]


def area_of(session: Session, programme_id: int | None, area_id: int) -> PoolArea:
    """The programme's area (PoolError "area" when it is not one of them)."""
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
    log_move(session, actor, programme_id, MoveKind.PLACES, area=area, places=area.places)
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
        log_move(session, actor, area.programme_id, MoveKind.PLACES, area=area, places=places)
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

"""The life-wheel areas of a programme: configuration, not code. A programme starts with the
defaults (``domain.progress.DEFAULT_AREAS``); a coach of the programme adds its own areas and
takes any out of use (kept, so earlier ratings keep their name)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.progress import DEFAULT_AREAS, MAX_AREA_NAME, RatingError
from assessor.models import WheelArea
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.policy.facts import programme_facts


def areas_of(session: Session, programme_id: int, *, active_only: bool = True) -> list[WheelArea]:
    """The programme's areas in order, the defaults written the first time they are asked
    for. Flushes."""
    query = sa.select(WheelArea).where(WheelArea.programme_id == programme_id)
    if session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) == 0:
        session.add_all(WheelArea(programme_id=programme_id, key=key, position=n)
                        for n, key in enumerate(DEFAULT_AREAS))
        session.flush()
    if active_only:
        query = query.where(WheelArea.active.is_(True))
    return list(session.scalars(query.order_by(WheelArea.position, WheelArea.id)))


def _require(session: Session, actor: object, programme_id: int | None) -> None:
    decision = policy.decide(policy.Actor.of(actor), Action.PROGRESS_AREAS,
                             programme_facts(programme_id))
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)


def add_area(session: Session, actor: object, programme_id: int, name: str) -> WheelArea:
    """Add an area of the programme's own, last. Flushes."""
    _require(session, actor, programme_id)
    name = (name or "").strip()
    if not name or len(name) > MAX_AREA_NAME:
        raise RatingError("name")
    areas = areas_of(session, programme_id, active_only=False)
    area = WheelArea(programme_id=programme_id, name=name,
                     position=max((a.position for a in areas), default=-1) + 1)
    session.add(area)
    session.flush()
    return area


def set_active(session: Session, actor: object, area_id: int, active: bool) -> WheelArea:
    """Take an area out of use, or back into use. Flushes."""
    area = session.get(WheelArea, area_id)
    if area is None:
        raise RatingError("area")
    _require(session, actor, area.programme_id)
    area.active = active
    session.flush()
    return area

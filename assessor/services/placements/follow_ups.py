"""Recording a placement's follow-ups, and the overdue ones of a coach's people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.placements import AT_WORK, days_late, first_day, is_overdue
from assessor.models import Person, Placement, PlacementFollowUp
from assessor.models.placement import FOLLOW_UP_MODES, FOLLOW_UP_WITH, NOTE_LENGTH
from assessor.services import policy
from assessor.services.placements import PlacementError, today_here
from assessor.services.placements.placing import history_of
from assessor.services.policy import Action

EARLY_DAYS = 6  #: a follow-up held up to this many days before it is due counts for it


def record_follow_up(session: Session, actor: object, placement: Placement, held_on: date,
                     with_whom: str = "person", mode: str = "in_person", note: str = "",
                     follow_up: PlacementFollowUp | None = None,
                     today: date | None = None) -> PlacementFollowUp:
    """Record a follow-up held on ``held_on``: the scheduled one given, else the earliest
    open one due by ``held_on`` + EARLY_DAYS, else an extra one. Flushes."""
    policy.require(session, actor, Action.PLACEMENT_RECORD, placement.person)
    today = today or today_here()
    started = first_day(history_of(placement), *AT_WORK)
    if started is None:
        raise PlacementError("not_started")
    if not started <= held_on <= today:
        raise PlacementError("held_on")
    if with_whom not in FOLLOW_UP_WITH or mode not in FOLLOW_UP_MODES:
        raise PlacementError("unknown")
    if follow_up is not None and (follow_up.placement_id != placement.id
                                  or follow_up.held_on is not None or follow_up.cancelled):
        raise PlacementError("follow_up")
    chosen = follow_up or _due_by(placement, held_on + timedelta(days=EARLY_DAYS))
    if chosen is None:
        chosen = PlacementFollowUp(placement_id=placement.id)
        session.add(chosen)
    chosen.held_on, chosen.with_whom, chosen.mode = held_on, with_whom, mode
    chosen.note = " ".join(note.split())[:NOTE_LENGTH]
    chosen.recorded_by_id = policy.Actor.of(actor).id
    chosen.recorded_at = utcnow()
    session.flush()
    return chosen


def _due_by(placement: Placement, day: date) -> PlacementFollowUp | None:
    open_ones = [f for f in placement.follow_ups if f.due_on and f.held_on is None
                 and not f.cancelled and f.due_on <= day]
    return min(open_ones, key=lambda f: f.due_on, default=None)


@dataclass(frozen=True)
class Overdue:
    """A follow-up not held by its day."""

    person: Person
    placement: Placement
    follow_up: PlacementFollowUp
    days_late: int


def overdue_follow_ups(session: Session, actor: object,
                       today: date | None = None) -> list[Overdue]:
    """Every overdue follow-up of the placements the actor may see, longest overdue first.
    Each person shown is logged (``placement``)."""
    today = today or today_here()
    allowed = {entry.person.id for entry in policy.listable(session, actor,
                                                            Action.PLACEMENT_VIEW)}
    rows = session.execute(
        sa.select(PlacementFollowUp, Placement).join(Placement)
        .where(Placement.person_id.in_(allowed), PlacementFollowUp.held_on.is_(None),
               PlacementFollowUp.cancelled.is_(False), PlacementFollowUp.due_on < today)
        .order_by(PlacementFollowUp.due_on, PlacementFollowUp.id)).all()
    found = [Overdue(placement.person, placement, follow_up,
                     days_late(follow_up.due_on, today))
             for follow_up, placement in rows if is_overdue(follow_up.due_on, False, today)]
    policy.log_listed(session, actor, list({o.person.id: o.person for o in found}.values()),
                      Action.PLACEMENT_VIEW)
    return found

"""Adding and changing a plan's goals, steps and review dates. The person and a coach of the
programme edit it together: every change asks the policy and records who made it, in which
role, and what kind of change it was (never the text)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.plans import GOAL_STATES, MAX_TEXT, is_goal_level, within_reach
from assessor.models import Person, PlanEdit, PlanGoal, PlanReview, PlanStep
from assessor.services import policy
from assessor.services.plans import PlanError, today_here
from assessor.services.policy import Action


@dataclass(frozen=True)
class Plan:
    """Everything the plan holds for one person, in the order the page shows it."""

    goals: list[PlanGoal]
    steps: list[PlanStep]
    reviews: list[PlanReview]
    edits: list[PlanEdit]


def plan_of(session: Session, person: Person) -> Plan:
    """The person's goals (active first), steps (open first), reviews (by day) and edits
    (newest first)."""
    def rows(model, *order):
        return list(session.scalars(sa.select(model).where(model.person_id == person.id)
                                    .order_by(*order)))
    state_order = sa.case({state: n for n, state in enumerate(GOAL_STATES)},
                          value=PlanGoal.state)
    return Plan(goals=rows(PlanGoal, state_order, PlanGoal.id),
                steps=rows(PlanStep, PlanStep.done_on.is_not(None), PlanStep.due_on,
                           PlanStep.id),
                reviews=rows(PlanReview, PlanReview.on_day, PlanReview.id),
                edits=rows(PlanEdit, PlanEdit.at.desc(), PlanEdit.id.desc()))


def _text(text: str, *, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise PlanError("empty")
    if len(text) > MAX_TEXT:
        raise PlanError("too_long")
    return text


def _day(day: date | None, *, required: bool = False) -> date | None:
    if day is None:
        if required:
            raise PlanError("date")
        return None
    if not within_reach(day, today_here()):
        raise PlanError("date")
    return day


def _record(session: Session, actor: object, person: Person, kind: str) -> None:
    actor = policy.Actor.of(actor)
    session.add(PlanEdit(person_id=person.id, by_id=actor.id, by_role=actor.role, kind=kind))
    session.flush()


def _own(session: Session, model, row_id: int | None, person: Person):
    """A row of the person's plan (PlanError when it is not theirs or not there)."""
    row = session.get(model, row_id) if row_id is not None else None
    if row is None or row.person_id != person.id:
        raise PlanError("missing")
    return row


def save_goal(session: Session, actor: object, person: Person, *, area: str, level: str,
              note: str = "", state: str = "active", goal_id: int | None = None) -> PlanGoal:
    """Add a goal (``goal_id`` None) or change one: the area's step aimed for, a note, its
    state. Flushes."""
    policy.require(session, actor, Action.PLAN_EDIT, person)
    if not is_goal_level(area, level):
        raise PlanError("level")
    if state not in GOAL_STATES:
        raise PlanError("state")
    goal = PlanGoal(person_id=person.id) if goal_id is None \
        else _own(session, PlanGoal, goal_id, person)
    goal.area, goal.level, goal.note, goal.state = area, level, _text(note, required=False), state
    session.add(goal)
    session.flush()
    _record(session, actor, person, "goal_added" if goal_id is None else "goal_changed")
    return goal


def add_step(session: Session, actor: object, person: Person, *, text: str,
             due_on: date | None = None, goal_id: int | None = None) -> PlanStep:
    """Plan a next step (toward a goal of the person's, by a day: both optional). Flushes."""
    policy.require(session, actor, Action.PLAN_EDIT, person)
    if goal_id is not None:
        _own(session, PlanGoal, goal_id, person)
    step = PlanStep(person_id=person.id, text=_text(text, required=True), due_on=_day(due_on),
                    goal_id=goal_id)
    session.add(step)
    session.flush()
    _record(session, actor, person, "step_added")
    return step


def mark_step_done(session: Session, actor: object, person: Person, step_id: int,
                   done_on: date) -> PlanStep:
    """Mark a step done on a day (not in the future). Flushes."""
    policy.require(session, actor, Action.PLAN_EDIT, person)
    step = _own(session, PlanStep, step_id, person)
    if _day(done_on, required=True) > today_here():
        raise PlanError("future")
    step.done_on = done_on
    session.flush()
    _record(session, actor, person, "step_done")
    return step


def add_review(session: Session, actor: object, person: Person, on: date) -> PlanReview:
    """Set a day to look at the plan together. Flushes."""
    policy.require(session, actor, Action.PLAN_EDIT, person)
    review = PlanReview(person_id=person.id, on_day=_day(on, required=True))
    session.add(review)
    session.flush()
    _record(session, actor, person, "review_added")
    return review


def hold_review(session: Session, actor: object, person: Person, review_id: int,
                note: str) -> PlanReview:
    """Record that a review was held (not before its day) and what was agreed. Flushes."""
    policy.require(session, actor, Action.PLAN_EDIT, person)
    review = _own(session, PlanReview, review_id, person)
    if review.on_day > today_here():
        raise PlanError("future")
    review.held, review.note = True, _text(note, required=False)
    session.flush()
    _record(session, actor, person, "review_held")
    return review

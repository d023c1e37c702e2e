"""The person's development plan as plain data, for their own export ("Mina uppgifter")."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from assessor.models import Person
from assessor.services.plans.editing import plan_of


def _day(day) -> str | None:
    return day.isoformat() if day is not None else None


def plan_data(session: Session, person: Person) -> dict[str, Any]:
    """Goals, steps, review dates and the history of changes (by role, never a name)."""
    plan = plan_of(session, person)
    return {"development_plan": {
        "goals": [{"area": g.area, "level": g.level, "note": g.note, "state": g.state,
                   "added_at": g.created_at.isoformat()} for g in plan.goals],
        "steps": [{"text": s.text, "due_on": _day(s.due_on), "done_on": _day(s.done_on),
                   "goal": s.goal.level if s.goal else None} for s in plan.steps],
        "reviews": [{"on": _day(r.on_day), "held": r.held, "note": r.note} for r in plan.reviews],
        "changes": [{"at": e.at.isoformat(), "kind": e.kind,
                     "by": "self" if e.by_id is not None and e.by_id == person.user_id
                     else e.by_role} for e in plan.edits]}}

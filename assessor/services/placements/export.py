"""A person's placements and participation as plain data, for the person's own export
("Mina uppgifter"): every step, follow-up and note, as the coach recorded it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from assessor.models import Person, Placement
from assessor.services.placements.participation import participation_of
from assessor.services.placements.placing import placements_of


def _placement(placement: Placement) -> dict[str, Any]:
    return {
        "workplace": placement.workplace_name, "title": placement.title,
        "kind": placement.kind, "employment_form": placement.employment_form,
        "hours_per_week": placement.hours_per_week, "state": placement.state,
        "end_reason": placement.end_reason,
        "follow_up_until": placement.follow_up_until.isoformat()
        if placement.follow_up_until else None,
        "steps": [{"state": s.state, "day": s.day.isoformat(), "reason": s.reason}
                  for s in placement.steps],
        "follow_ups": [{"due_on": f.due_on.isoformat() if f.due_on else None,
                        "held_on": f.held_on.isoformat() if f.held_on else None,
                        "cancelled": f.cancelled, "with": f.with_whom, "mode": f.mode,
                        "note": f.note} for f in placement.follow_ups],
    }


def placements_data(session: Session, person: Person) -> dict[str, Any]:
    """The person's placements (newest first) and participation record."""
    record = participation_of(session, person)
    participation = None if record is None else {
        name: (value.isoformat() if hasattr(value, "isoformat") else value)
        for name, value in (("enrolled_on", record.enrolled_on), ("left_on", record.left_on),
                            ("birth_year", record.birth_year),
                            ("course_passed_on", record.course_passed_on),
                            ("studies_from", record.studies_from),
                            ("end_reason", record.end_reason))}
    return {"placements": [_placement(p) for p in placements_of(session, person)],
            "participation": participation}

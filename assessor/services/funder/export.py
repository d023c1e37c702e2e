"""The person's SUS registration and indicator answers as plain data, for their own export."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc
from assessor.models import IndicatorAnswer, Person
from assessor.services.funder.sus import FIELDS, registration_of


def funder_data(session: Session, person: Person) -> dict[str, Any]:
    """``sus_registration`` (or None) and ``indicator_answers`` (oldest first)."""
    record = registration_of(session, person)
    registration = None if record is None else {
        **{name: getattr(record, name) for name in FIELDS},
        "updated_at": as_utc(record.updated_at).isoformat()}
    answers = session.scalars(sa.select(IndicatorAnswer).where(
        IndicatorAnswer.person_id == person.id).order_by(IndicatorAnswer.answered_at))
    return {"sus_registration": registration,
            "indicator_answers": [{"point": a.point, "answers": a.answers,
                                   "answered_at": as_utc(a.answered_at).isoformat()}
                                  for a in answers]}

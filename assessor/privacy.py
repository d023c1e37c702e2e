"""Consent and the access log: the rules about who may see a person's data."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import AccessAction, AccessLog, Consent, ConsentPurpose, Person


def active_consent(
    session: Session, person: Person, purpose: str, organisation_id: int | None = None
) -> Consent | None:
    """The person's active consent for ``purpose`` (to ``organisation_id``), or None."""
    query = sa.select(Consent).where(
        Consent.person_id == person.id,
        Consent.purpose == purpose,
        Consent.withdrawn_at.is_(None),
    )
    if organisation_id is not None:
        query = query.where(Consent.organisation_id == organisation_id)
    return session.scalars(query.order_by(Consent.given_at.desc())).first()


def people_sharing_reports_with(session: Session, organisation_id: int | None) -> list[Person]:
    """People with an active consent to share their report with ``organisation_id``."""
    if organisation_id is None:
        return []
    query = (
        sa.select(Person)
        .join(Consent, Consent.person_id == Person.id)
        .where(
            Consent.purpose == ConsentPurpose.SHARE_REPORT,
            Consent.organisation_id == organisation_id,
            Consent.withdrawn_at.is_(None),
        )
        .distinct()
        .order_by(Person.name)
    )
    return list(session.scalars(query))


def log_access(
    session: Session, *, actor_id: int | None, person_id: int | None, action: AccessAction,
    what: str, reason: str = "",
) -> AccessLog:
    """Record one read, change, export or refused attempt on a person's data. Flushes."""
    entry = AccessLog(actor_id=actor_id, person_id=person_id, action=action.value, what=what,
                      reason=reason)
    session.add(entry)
    session.flush()
    return entry

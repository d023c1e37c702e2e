"""Consent and the access log: recording consents and accesses (who may: ``services.policy``)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
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


class ConsentError(ValueError):
    """A consent that cannot be recorded (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def give_consent(session: Session, person: Person, purpose: str, recorded_by_id: int | None,
                 organisation_id: int | None = None) -> Consent:
    """Record a consent (an active identical one is reused). Flushes."""
    if purpose not in {p.value for p in ConsentPurpose}:
        raise ConsentError("unknown_purpose")
    if purpose == ConsentPurpose.SHARE_REPORT and organisation_id is None:
        raise ConsentError("organisation_needed")
    if purpose not in (ConsentPurpose.SHARE_REPORT, ConsentPurpose.EMPLOYER_PROFILE):
        organisation_id = None  # an employer profile may name the employer (or none)
    existing = active_consent(session, person, purpose, organisation_id)
    if existing is not None and existing.organisation_id == organisation_id:
        return existing
    consent = Consent(person_id=person.id, purpose=purpose, organisation_id=organisation_id,
                      recorded_by_id=recorded_by_id)
    session.add(consent)
    session.flush()
    log_access(session, actor_id=recorded_by_id, person_id=person.id,
               action=AccessAction.CHANGE, what="consent", reason=f"given: {purpose}")
    return consent


def withdraw_consent(session: Session, person: Person, consent_id: int,
                     recorded_by_id: int | None) -> Consent:
    """Withdraw one of the person's consents; the row stays for the record. Flushes."""
    consent = session.get(Consent, consent_id)
    if consent is None or consent.person_id != person.id:
        raise ConsentError("not_found")
    if consent.withdrawn_at is None:
        consent.withdrawn_at = utcnow()
        log_access(session, actor_id=recorded_by_id, person_id=person.id,
                   action=AccessAction.CHANGE, what="consent",
                   reason=f"withdrawn: {consent.purpose}")
    session.flush()
    return consent


def consents_of(session: Session, person: Person) -> list[Consent]:
    """The person's consents, newest first, withdrawn ones included."""
    query = sa.select(Consent).where(Consent.person_id == person.id)
    return list(session.scalars(query.order_by(Consent.given_at.desc(), Consent.id.desc())))

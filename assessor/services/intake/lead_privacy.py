"""A lead's privacy: its protected identity before it is a person, what the person's export
and erasure do with the leads they came from, and the retention of leads that never became
a person (``assessor.services.rights.periods``: ``lead``).

A lead holds a name and contact data (the person's, and the sender's when someone wrote on
their behalf). Once the lead is a person, the person's rules decide; before that, the
policy's ``lead.contact`` and ``lead.protect``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc
from assessor.models import Lead, Person
from assessor.services import policy
from assessor.services.identity import set_protected
from assessor.services.policy import Action


def shown_lead_name(session: Session, viewer: object, lead: Lead) -> str | None:
    """The lead's name as ``viewer`` may see it; None when not (show the code name and a
    neutral marker). A lead that became a person follows the person's protected identity."""
    if lead.person is not None:
        allowed = policy.check(session, viewer, Action.CONTACT_VIEW, lead.person).allowed
    else:
        allowed = policy.check_lead(viewer, Action.LEAD_CONTACT, lead).allowed
    return lead.name if allowed else None


def set_lead_protected(session: Session, actor: object, lead: Lead, protected: bool) -> None:
    """Set or lift the lead's protected identity, and the person's it became (lifting it
    for a person is done on the person's privacy page). Logged. Flushes.
    AccessDeniedError unless ``actor`` is a coach of the lead's programme."""
    decision = policy.check_lead(actor, Action.LEAD_PROTECT, lead)
    if not decision.allowed:
        policy.service.log(session, policy.Actor.of(actor), None, "denied",
                           f"{Action.LEAD_PROTECT} #{lead.id}", decision.reason)
        raise policy.AccessDeniedError(decision)
    if lead.protected_identity == protected:
        return
    lead.protected_identity = protected
    policy.service.log(session, policy.Actor.of(actor), lead.person, "change",
                       f"{Action.LEAD_PROTECT} #{lead.id}", "on" if protected else "off")
    if protected and lead.person is not None and not lead.person.protected_identity:
        set_protected(session, actor, lead.person, True)
    session.flush()


def leads_of_person(session: Session, person: Person) -> list[Lead]:
    """The leads the person came from, oldest first (the caller asked the policy)."""
    return list(session.scalars(sa.select(Lead).where(Lead.person_id == person.id)
                                .order_by(Lead.created_at, Lead.id)))


def _when(moment: datetime | None) -> str | None:
    """A moment in ISO 8601 (UTC), as the rest of the export writes it."""
    return as_utc(moment).isoformat() if moment is not None else None


def lead_data(lead: Lead) -> dict[str, Any]:
    """One lead as the person's export shows it: what was sent, by whom (a member of staff by
    role, never their name), the first interview, eligibility and agencies."""
    return {
        "code_name": lead.public_id, "programme": lead.programme.name, "sent_at":
        _when(lead.created_at), "sender": lead.sender, "name": lead.name,
        "email": lead.email, "phone": lead.phone, "municipality": lead.municipality,
        "heard_via": lead.heard_via, "message": lead.message,
        "sent_by": {"name": lead.sender_name, "relation": lead.relation,
                    "contact": lead.sender_contact} if lead.sender == "on_behalf" else None,
        "referred_by_agency": lead.agency.name if lead.agency else None,
        "status": lead.status, "contacted_at": _when(lead.contacted_at),
        "first_interview": lead.interview, "interviewed_at": _when(lead.interviewed_at),
        "protected_identity": lead.protected_identity, "closed_at": _when(lead.closed_at),
        "eligibility": [{"criterion": a.criterion.text, "answer": a.answer, "basis": a.basis,
                         "note": a.note, "recorded_at": _when(a.recorded_at)}
                        for a in lead.eligibility],
        "agencies": [{"name": a.name, "role": a.role, "contact": a.contact,
                      "added_at": _when(a.added_at)} for a in lead.agencies],
    }


def erase_leads_of(session: Session, person: Person) -> int:
    """Delete the leads the person came from (with their interview, eligibility answers and
    agencies), as part of the person's erasure. Returns how many. Flushes."""
    ids = list(session.scalars(sa.select(Lead.id).where(Lead.person_id == person.id)))
    if ids:
        for lead in session.scalars(sa.select(Lead).where(Lead.id.in_(ids))):
            session.delete(lead)  # the ORM cascade takes the answers and agencies along
        session.flush()
    return len(ids)


def untouched_since(cutoff: datetime) -> sa.ColumnElement[bool]:
    """Leads about which nothing happened after ``cutoff`` (sent, contacted, interviewed,
    closed)."""
    later = [Lead.contacted_at, Lead.interviewed_at, Lead.closed_at]
    return sa.and_(Lead.created_at < cutoff, *[sa.or_(m.is_(None), m < cutoff) for m in later])

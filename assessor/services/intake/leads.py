"""Leads: sent through the public interest form or referred by a caseworker, then handled by
the coaches of the programme they were sent to (``lead.manage``). Every look at or change of a
lead by staff is written to the access log."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.intake import (
    HEARD_VIA,
    RELATIONS,
    InterviewNotes,
    LeadError,
    clean_line,
)
from assessor.models import Event, InvolvedAgency, Lead, Organisation, Person, Role, User
from assessor.services import identity, invitations, policy
from assessor.services.account_links import IssuedLink
from assessor.services.intake import admission
from assessor.services.policy import Action

OPEN_STATUSES = ("new", "contacted", "interviewed")


def programmes(session: Session) -> list[Organisation]:
    """The programmes a form can be sent to: organisations with at least one coach."""
    coached = sa.select(User.organisation_id).where(User.role == Role.FACILITATOR,
                                                    User.organisation_id.is_not(None))
    return list(session.scalars(sa.select(Organisation).where(Organisation.id.in_(coached))
                                .order_by(Organisation.name)))


@dataclass(frozen=True)
class InterestInput:
    """What the interest form (or a referral) says; nothing sensitive."""

    programme_id: int
    name: str
    email: str = ""
    phone: str = ""
    municipality: str = ""
    heard_via: str = "other"
    message: str = ""
    sender: str = "self"  #: "self", "on_behalf" or "referral"
    sender_name: str = ""
    relation: str = ""
    sender_contact: str = ""
    person_knows: bool = False


def _checked(session: Session, data: InterestInput) -> None:
    if data.programme_id not in {p.id for p in programmes(session)}:
        raise LeadError("programme")
    if not clean_line(data.name):
        raise LeadError("name")
    if not (data.email.strip() or data.phone.strip()):
        raise LeadError("contact")
    if data.heard_via not in HEARD_VIA:
        raise LeadError("heard_via")
    if data.sender != "self" and not data.person_knows:
        raise LeadError("person_knows")
    if data.sender == "on_behalf" and (data.relation not in RELATIONS
                                       or not clean_line(data.sender_name)):
        raise LeadError("sender")


def _lead(data: InterestInput) -> Lead:
    return Lead(programme_id=data.programme_id, sender=data.sender, name=clean_line(data.name),
                email=clean_line(data.email, 254), phone=clean_line(data.phone, 40),
                municipality=clean_line(data.municipality, 100), heard_via=data.heard_via,
                message=clean_line(data.message, 500), sender_name=clean_line(data.sender_name),
                relation=data.relation if data.sender == "on_behalf" else "",
                sender_contact=clean_line(data.sender_contact, 254),
                person_knows=data.sender == "self" or data.person_knows)


def send_interest(session: Session, data: InterestInput) -> Lead:
    """A lead from the public form (the person, or someone on their behalf with their
    knowledge). LeadError names the first field that cannot be taken. Flushes."""
    if data.sender not in ("self", "on_behalf"):
        raise LeadError("sender")
    _checked(session, data)
    lead = _lead(data)
    session.add(lead)
    session.flush()
    return lead


def refer(session: Session, caseworker: User, data: InterestInput) -> Lead:
    """A caseworker refers a person (who knows about it) to a programme; their agency is
    listed as involved. Flushes."""
    policy.require(session, caseworker, Action.REFER)
    data = InterestInput(**{**data.__dict__, "sender": "referral", "heard_via": "authority",
                            "sender_name": caseworker.name})
    _checked(session, data)
    lead = _lead(data)
    lead.referred_by_id, lead.agency_id = caseworker.id, caseworker.organisation_id
    agency = session.get(Organisation, caseworker.organisation_id)
    lead.agencies.append(InvolvedAgency(name=agency.name, role="referral",
                                        contact=caseworker.email, added_by_id=caseworker.id))
    session.add(lead)
    session.flush()
    policy.service.log(session, policy.Actor.of(caseworker), None, "change",
                       f"{Action.REFER} #{lead.id}")
    return lead


def leads_of(session: Session, actor: object, *, closed: bool = False) -> list[Lead]:
    """The leads of the actor's programme, oldest first (open ones, or the closed and
    invited ones); one access-log entry for the list."""
    policy.require(session, actor, Action.LEADS)
    statuses = ("invited", "closed") if closed else OPEN_STATUSES
    found = list(session.scalars(sa.select(Lead).where(
        Lead.programme_id == policy.Actor.of(actor).organisation_id,
        Lead.status.in_(statuses)).order_by(Lead.created_at, Lead.id)))
    policy.service.log(session, policy.Actor.of(actor), None, "read",
                       f"{Action.LEADS} ({len(found)})")
    return found


def require_manage(session: Session, actor: object, lead: Lead, kind: str) -> None:
    decision = policy.authorize_programme(session, actor, Action.LEAD_MANAGE, lead.programme_id)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)
    policy.service.log(session, policy.Actor.of(actor), lead.person, kind,
                       f"{Action.LEAD_MANAGE} #{lead.id}", decision.rule)


def lead_for(session: Session, actor: object, lead_id: int) -> Lead | None:
    """The lead, when the actor may handle it (AccessDeniedError if not); the look is
    logged."""
    lead = session.get(Lead, lead_id)
    if lead is not None:
        require_manage(session, actor, lead, "read")
    return lead


def take(session: Session, coach: User, lead: Lead) -> None:
    """The coach has contacted the lead and becomes the person's one named coordinator."""
    require_manage(session, coach, lead, "change")
    lead.coordinator_id, lead.contacted_at = coach.id, lead.contacted_at or utcnow()
    if lead.status == "new":
        lead.status = "contacted"
    session.flush()


def record_interview(session: Session, coach: User, lead: Lead, notes: InterviewNotes) -> None:
    """The first interview about IT knowledge, as structured notes."""
    require_manage(session, coach, lead, "change")
    lead.interview, lead.interviewed_at = notes.as_json(), utcnow()
    lead.coordinator_id = lead.coordinator_id or coach.id
    lead.contacted_at = lead.contacted_at or lead.interviewed_at
    if lead.status in ("new", "contacted"):
        lead.status = "interviewed"
    session.flush()


def invite_to_questionnaire(session: Session, coach: User, lead: Lead, email: str,
                            lifetime=None) -> IssuedLink:
    """The lead becomes a person of the programme with an invitation link to the
    questionnaire (``invitations.invite_new_person``). Flushes."""
    require_manage(session, coach, lead, "change")
    if lead.person_id is not None:
        raise LeadError("invited")
    link = invitations.invite_new_person(session, coach, name=lead.name, email=email,
                                         lifetime=lifetime)
    lead.person_id = session.scalar(sa.select(Person.id).where(Person.user_id == link.user.id))
    if lead.protected_identity:  # the person keeps the lead's protection
        identity.set_protected(session, coach, session.get(Person, lead.person_id), True)
    lead.email, lead.status = clean_line(email, 254), "invited"
    lead.coordinator_id = lead.coordinator_id or coach.id
    session.flush()
    admission.person_joined(session, coach, lead)  # a place offered to the lead is taken
    return link


def evenings_ahead(session: Session, lead: Lead) -> list[Event]:
    """The programme's evenings that have not ended, soonest first."""
    return list(session.scalars(sa.select(Event).where(
        Event.organisation_id == lead.programme_id, Event.ends_at > utcnow(),
        Event.closed_at.is_(None)).order_by(Event.starts_at)))


def invite_to_evening(session: Session, coach: User, lead: Lead, event_id: int) -> Event:
    """Record that the lead is invited to one of the programme's evenings. Flushes."""
    require_manage(session, coach, lead, "change")
    event = next((e for e in evenings_ahead(session, lead) if e.id == event_id), None)
    if event is None:
        raise LeadError("event")
    lead.event_id, lead.status = event.id, "invited"
    lead.coordinator_id = lead.coordinator_id or coach.id
    session.flush()
    return event


def close(session: Session, coach: User, lead: Lead) -> None:
    """The programme will not work with the lead now (nothing more is done with it)."""
    require_manage(session, coach, lead, "change")
    lead.status, lead.closed_at = "closed", utcnow()
    session.flush()


def add_agency(session: Session, coach: User, lead: Lead, name: str, role: str = "",
               contact: str = "") -> InvolvedAgency:
    """An agency involved with the person, listed on their page. Flushes."""
    require_manage(session, coach, lead, "change")
    if not clean_line(name):
        raise LeadError("agency")
    agency = InvolvedAgency(name=clean_line(name), role=clean_line(role),
                            contact=clean_line(contact), added_by_id=coach.id)
    lead.agencies.append(agency)
    session.flush()
    return agency


def lead_of_person(session: Session, person: Person) -> Lead | None:
    """The lead a person came from (the caller has asked the policy about the person)."""
    return session.scalar(sa.select(Lead).where(Lead.person_id == person.id)
                          .order_by(Lead.id.desc()).limit(1))

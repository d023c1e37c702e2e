"""Erasure and restriction: what happens to a person's data when an admin carries out their
request (or a retention rule erases an inactive person). What may be deleted and what archive
rules keep is ``assessor.services.rights.retention``'s."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.models import (
    Draft,
    FollowUp,
    IndicatorAnswer,
    Person,
    Placement,
    QuestionnaireResponse,
    ReportSnapshot,
    RequestOutcome,
    Submission,
    SusRegistration,
    User,
)
from assessor.services import policy
from assessor.services.intake.lead_privacy import erase_leads_of
from assessor.services.rights.periods import archived

#: the records archive rules may keep past an erasure, by their category in ``periods``
ARCHIVES = {"follow_up": FollowUp, "placement": Placement}

log = logging.getLogger(__name__)


def erase(session: Session, person: Person, actor: object, reason: str = "") -> RequestOutcome:
    """Delete everything about ``person`` that may be deleted: answers, drafts, hand-ins
    (with their regrade records), filed report copies, the SUS registration and survey answers
    (kept on consent alone), the leads they came from, the account and its logins, and the
    person record with its consents. Where archived records remain (follow-ups, placements),
    the person record stays, restricted. Logs it. Flushes."""
    code = person.public_id
    erase_leads_of(session, person)
    for model in (Draft, Submission, QuestionnaireResponse, ReportSnapshot, SusRegistration,
                  IndicatorAnswer):
        session.execute(sa.delete(model).where(model.person_id == person.id))
    if person.user_id is not None:
        session.execute(sa.delete(User).where(User.id == person.user_id))
    session.flush()
    session.expire(person)
    if _archived_records(session, person):
        restrict(session, person, actor, reason or "erasure")
        return RequestOutcome.RESTRICTED
    policy.service.log(session, policy.Actor.of(actor), person, "change", "erasure",
                       f"{code} {reason}".strip())
    session.delete(person)
    session.flush()
    log.info("erased %s", code)
    return RequestOutcome.ERASED


def restrict(session: Session, person: Person, actor: object, reason: str = "") -> None:
    """Put the person's data in the restricted state: kept, reached by nobody but admins, not
    processed (``assessor.services.policy``). Logs it. Flushes."""
    if person.restricted_at is None:
        person.restricted_at = utcnow()
    policy.service.log(session, policy.Actor.of(actor), person, "change", "restriction",
                       f"{person.public_id} {reason}".strip())
    session.flush()


def _archived_records(session: Session, person: Person) -> bool:
    """Whether archive rules keep any record about the person."""
    return any(archived(category) and session.scalar(
        sa.select(sa.func.count()).where(model.person_id == person.id))
        for category, model in ARCHIVES.items())

"""Requests for erasure or restriction: recorded with a due date one month on, listed for the
admins, carried out by an admin. Who may ask and who may carry out is the access policy's."""

from __future__ import annotations

import calendar
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.models import Person, RequestKind, RequestOutcome, RightsRequest
from assessor.services import policy
from assessor.services.rights.erasure import erase, restrict


def one_month_after(moment: datetime) -> datetime:
    """The same time one calendar month later (the month's last day when it is shorter:
    31 January gives 28 or 29 February), as GDPR art. 12(3) counts a month."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def ask(session: Session, actor: object, person: Person, kind: str) -> RightsRequest:
    """Record a request by the person or by staff on their behalf, due in one month (an open
    request of the same kind is returned as it is). Logged. Flushes. AccessDeniedError unless
    ``actor`` may ask for this person; ValueError for an unknown kind."""
    kind = RequestKind(kind)
    policy.require(session, actor, policy.Action.RIGHTS_REQUEST, person)
    existing = session.scalar(sa.select(RightsRequest).where(
        RightsRequest.person_id == person.id, RightsRequest.kind == kind,
        RightsRequest.done_at.is_(None)))
    if existing is not None:
        return existing
    actor = policy.Actor.of(actor)
    now = utcnow()
    request = RightsRequest(person_id=person.id, public_id=person.public_id, kind=kind,
                            received_at=now, due_at=one_month_after(now),
                            requested_by_id=actor.id, requested_by_role=actor.role)
    session.add(request)
    policy.service.log(session, actor, person, "change", str(policy.Action.RIGHTS_REQUEST),
                       str(kind))
    return request


def requests_of(session: Session, person: Person) -> list[RightsRequest]:
    """The person's requests, newest first."""
    return list(session.scalars(sa.select(RightsRequest).where(
        RightsRequest.person_id == person.id).order_by(RightsRequest.received_at.desc(),
                                                       RightsRequest.id.desc())))


def open_requests(session: Session) -> list[RightsRequest]:
    """Every request not yet carried out, the one due first at the top."""
    return list(session.scalars(sa.select(RightsRequest).where(RightsRequest.done_at.is_(None))
                                .order_by(RightsRequest.due_at, RightsRequest.id)))


def overdue(request: RightsRequest, now: datetime | None = None) -> bool:
    """Whether an open request is past its due date."""
    return request.done_at is None and as_utc(request.due_at) < (now or utcnow())


def carry_out(session: Session, admin: object, request: RightsRequest) -> RequestOutcome:
    """Carry out an open request: an erasure deletes what may be deleted (restricting what
    archive rules keep), a restriction restricts. Flushes. AccessDeniedError unless
    ``admin`` may; ValueError when the request is already done."""
    if request.done_at is not None:
        raise ValueError("done")
    person = request.person
    if person is None:  # erased meanwhile (another request, or a retention rule)
        outcome = RequestOutcome.ERASED
    else:
        policy.require(session, admin, policy.Action.RIGHTS_HANDLE, person)
        if request.kind == RequestKind.ERASURE:
            outcome = erase(session, person, admin, reason=f"request #{request.id}")
        else:
            restrict(session, person, admin, reason=f"request #{request.id}")
            outcome = RequestOutcome.RESTRICTED
    request.done_at, request.outcome = utcnow(), outcome
    request.handled_by_id = policy.Actor.of(admin).id
    session.flush()
    return outcome

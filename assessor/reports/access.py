"""Who may read a person's verification report. Every read and every refusal is logged."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.models import AccessAction, ConsentPurpose, Person, Role, User
from assessor.privacy import active_consent, log_access


@dataclass(frozen=True)
class ReportAccess:
    """Whether the report may be shown, and if not, which refusal to explain."""

    allowed: bool
    refusal: str = ""  #: "no_consent" or "role"


def report_access(session: Session, user: User, person: Person) -> ReportAccess:
    """The person reads their own; a caseworker only with consent to share with their
    organisation; the programme's coaches only with consent to the assessment."""
    if user.role == Role.CANDIDATE:
        return ReportAccess(person.user_id == user.id, "" if person.user_id == user.id else "role")
    if user.role == Role.CASEWORKER:
        consent = user.organisation_id is not None and active_consent(
            session, person, ConsentPurpose.SHARE_REPORT, user.organisation_id)
        return ReportAccess(True) if consent else ReportAccess(False, "no_consent")
    if user.role == Role.FACILITATOR:
        consent = active_consent(session, person, ConsentPurpose.ASSESSMENT)
        return ReportAccess(True) if consent else ReportAccess(False, "no_consent")
    return ReportAccess(False, "role")


def open_report(session: Session, user: User, person: Person, *, pdf: bool = False,
                reason: str = "") -> ReportAccess:
    """Check access and write the access log: a read, an export (PDF) or a refusal, naming
    what was asked for (``report`` or ``report.pdf``). Flushes."""
    access = report_access(session, user, person)
    what = "report.pdf" if pdf else "report"
    if access.allowed:
        action = AccessAction.EXPORT if pdf else AccessAction.READ
    else:
        action, reason = AccessAction.DENIED, access.refusal
    if person.user_id != user.id or not access.allowed:
        log_access(session, actor_id=user.id, person_id=person.id, action=action, what=what,
                   reason=reason)
    return access

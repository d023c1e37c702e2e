"""Filed versions of a report: every delivered report PDF is kept, byte for byte, with who
received it, when, and the item bank it was scored with. A regrade or a new item bank changes
the report made today, never what was delivered before.

Who may download the report (``report.pdf``) may list and download filed versions
(``report.filed``, asked by the caller); which ones is ``visible_to``'s: the person sees all;
a coach of the programme sees all (the programme's case work); anyone else sees those their
own organisation (or they themself) received, since a copy states the consents as its reader
could see them.
"""

from __future__ import annotations

import base64
import hashlib

import sqlalchemy as sa
from sqlalchemy.orm import Session, undefer

from assessor.domain.clock import as_utc
from assessor.models import Person, ReportSnapshot
from assessor.services import policy
from assessor.services.policy import Action


def sha256_of(pdf: bytes) -> str:
    """The hex SHA-256 a filed version is known by."""
    return hashlib.sha256(pdf).hexdigest()


def file_delivery(session: Session, actor: object, person: Person, pdf: bytes, *,
                  filename: str, bank_version: str = "", locale: str = "sv") -> ReportSnapshot:
    """Keep ``pdf`` as delivered to ``actor`` now (AccessDeniedError unless ``actor`` may
    download the person's report). Flushes."""
    policy.require(session, actor, Action.REPORT_PDF, person)
    who = policy.Actor.of(actor)
    snapshot = ReportSnapshot(person_id=person.id, delivered_by_id=who.id,
                              delivered_by_role=who.role, delivered_for_id=who.organisation_id,
                              sha256=sha256_of(pdf), bank_version=bank_version[:400],
                              locale=locale, filename=filename[:120], pdf=pdf)
    session.add(snapshot)
    session.flush()
    return snapshot


def visible_to(actor: object, person: Person, snapshot: ReportSnapshot) -> bool:
    """Whether ``actor`` (already allowed ``report.filed`` about ``person``) sees this copy."""
    who = policy.Actor.of(actor)
    if who.id is not None and who.id in (person.user_id, snapshot.delivered_by_id):
        return True
    if who.role == "facilitator":
        return True  # the policy allowed it: a coach of the person's programme
    return who.organisation_id is not None and snapshot.delivered_for_id == who.organisation_id \
        and snapshot.delivered_by_role == who.role


def filed_versions(session: Session, actor: object, person: Person) -> list[ReportSnapshot]:
    """The copies of the person's report ``actor`` sees, newest first (without their bytes)."""
    snapshots = session.scalars(sa.select(ReportSnapshot)
                                .where(ReportSnapshot.person_id == person.id)
                                .order_by(ReportSnapshot.delivered_at.desc(),
                                          ReportSnapshot.id.desc()))
    return [s for s in snapshots if visible_to(actor, person, s)]


def filed_copy(session: Session, actor: object, person: Person,
               snapshot_id: int) -> ReportSnapshot | None:
    """One copy with its bytes, if it is the person's and ``actor`` sees it."""
    snapshot = session.scalar(sa.select(ReportSnapshot).options(undefer(ReportSnapshot.pdf))
                              .where(ReportSnapshot.id == snapshot_id,
                                     ReportSnapshot.person_id == person.id))
    return snapshot if snapshot is not None and visible_to(actor, person, snapshot) else None


def filed_reports_data(session: Session, person: Person) -> list[dict]:
    """Every filed copy for the person's own export: when, to whom (a role), the hash, the
    item bank, and the PDF itself (base64)."""
    snapshots = session.scalars(sa.select(ReportSnapshot).options(undefer(ReportSnapshot.pdf))
                                .where(ReportSnapshot.person_id == person.id)
                                .order_by(ReportSnapshot.delivered_at, ReportSnapshot.id))
    return [{"delivered_at": as_utc(s.delivered_at).isoformat(),
             "delivered_to": "self" if s.delivered_by_id is not None
             and s.delivered_by_id == person.user_id else s.delivered_by_role,
             "sha256": s.sha256, "item_bank": s.bank_version, "language": s.locale,
             "filename": s.filename, "pdf_base64": base64.b64encode(s.pdf).decode("ascii")}
            for s in snapshots]

"""A person's request for erasure or restriction of their data (GDPR art. 17 and 18)."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.person import Person


class RequestKind(enum.StrEnum):
    """What the person asks for."""

    ERASURE = "erasure"  #: delete what may be deleted; restrict what archive rules keep
    RESTRICTION = "restriction"  #: keep, but hide from everyone but admins and process nothing


class RequestOutcome(enum.StrEnum):
    """What was done when an admin carried the request out."""

    ERASED = "erased"  #: everything about the person is gone (this row keeps only the code)
    RESTRICTED = "restricted"  #: restricted; archived records kept until their time is up


class RightsRequest(Base):
    """One request, answered within a month. Outlives the person: the code name stays as
    proof that the request was received and carried out."""

    __tablename__ = "rights_request"
    __table_args__ = (
        one_of("kind", RequestKind, "kind_known"),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('erased', 'restricted')",
                           name="outcome_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", ondelete="SET NULL"), index=True)
    #: the person's code name, kept after an erasure
    public_id: Mapped[str] = mapped_column(sa.String(16))
    kind: Mapped[str] = mapped_column(sa.String(20))
    received_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: one calendar month after it was received (GDPR art. 12(3))
    due_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), index=True)
    #: who asked: the person themself, or staff on their behalf
    requested_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    requested_by_role: Mapped[str] = mapped_column(sa.String(20))
    done_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    outcome: Mapped[str | None] = mapped_column(sa.String(20))
    handled_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))

    person: Mapped[Person | None] = relationship()

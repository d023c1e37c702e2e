"""The access log: who read or changed which person's data, when and why."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from assessor.domain.clock import utcnow
from assessor.models._checks import one_of
from assessor.models.base import Base


class AccessAction(enum.StrEnum):
    """What was done with a person's data."""

    READ = "read"
    CHANGE = "change"
    EXPORT = "export"
    DENIED = "denied"  #: an attempt refused for lack of consent or role


class AccessLog(Base):
    """One access. Rows outlive the user who acted, so ids are kept without cascades."""

    __tablename__ = "access_log"
    __table_args__ = (one_of("action", AccessAction, "action_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    #: the actor's role at the time ("system" for the CLI and jobs)
    actor_role: Mapped[str | None] = mapped_column(sa.String(20))
    action: Mapped[str] = mapped_column(sa.String(20))
    #: what was touched: an ``services.policy.Action`` ("report", "follow_up #12"), or "consent"
    what: Mapped[str] = mapped_column(sa.String(100))
    reason: Mapped[str] = mapped_column(sa.String(500), default="")

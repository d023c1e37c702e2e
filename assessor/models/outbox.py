"""The development outbox: e-mail that would have been sent when no SMTP server is set."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from assessor.domain.clock import utcnow
from assessor.models.base import Base


class OutboxMessage(Base):
    """One message kept instead of sent. Only written outside production (``assessor.infra.mail``):
    it holds working links, which production never stores."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    to_address: Mapped[str] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)

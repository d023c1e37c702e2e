"""Organisations: the programme itself, caseworkers' agencies, employers later on."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from assessor.domain.clock import utcnow
from assessor.models.base import Base


class Organisation(Base):
    """A named organisation. Consent to share a report is given to an organisation."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    #: people may make their own account in this programme (off unless an admin turns it on)
    self_registration: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<Organisation {self.name!r}>"

"""Stored item banks: every calibration kept, one of them in use."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from assessor.domain.clock import utcnow
from assessor.models.base import Base


class StoredItemBank(Base):
    """One versioned item bank (``domain.ability.ItemBank`` as JSON); never changed later."""

    __tablename__ = "item_bank"

    #: ``<date>-<cohort>-<digest>``; the digest covers the content, so a version names it exactly
    version: Mapped[str] = mapped_column(sa.String(120), primary_key=True)
    cohort: Mapped[str] = mapped_column(sa.String(200))
    content: Mapped[str] = mapped_column(sa.Text)
    #: how many persons' responses fitted it (0 for author priors)
    n_persons: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: when it was put in use; the bank in use is the one activated last
    activated_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True), index=True)

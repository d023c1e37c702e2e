"""Leases: one process of a whole deployment does a job at a time (the sweep of the queue)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from assessor.models.base import Base


class JobLease(Base):
    """Who holds the lease called ``name``, until when. A lease that has run out may be taken
    by anyone; the holder renews it by taking it again."""

    __tablename__ = "job_lease"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    #: ``host:pid:random`` of the process that holds it
    holder: Mapped[str] = mapped_column(sa.String(120))
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))

"""Filed versions of a report: the exact PDF bytes someone downloaded, kept with the date."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models.base import Base
from assessor.models.organisation import Organisation


class ReportSnapshot(Base):
    """One delivered report PDF, byte for byte: a regrade or a new item bank later never
    changes what a caseworker filed. Part of the person's data (export, erasure, retention)."""

    __tablename__ = "report_snapshot"
    __table_args__ = (sa.CheckConstraint("length(sha256) = 64", name="sha256_hex"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    delivered_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: who downloaded it (None once the account is gone); the role stays
    delivered_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    delivered_by_role: Mapped[str] = mapped_column(sa.String(20))
    #: the organisation the reader acted for (a caseworker's agency), when there was one
    delivered_for_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="SET NULL"))
    #: SHA-256 of ``pdf``, in hex: the same bytes give the same hash
    sha256: Mapped[str] = mapped_column(sa.String(64))
    #: the item bank version(s) the report was scored with
    bank_version: Mapped[str] = mapped_column(sa.String(400), default="")
    locale: Mapped[str] = mapped_column(sa.String(5), default="sv")
    filename: Mapped[str] = mapped_column(sa.String(120))
    pdf: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)

    delivered_for: Mapped[Organisation | None] = relationship()

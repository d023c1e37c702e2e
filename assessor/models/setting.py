"""Numbers an admin sets in the browser (``services.admin_settings`` names them, bounds them
and falls back to the environment's value when none is set)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from assessor.domain.clock import utcnow
from assessor.models.base import Base


class AdminSetting(Base):
    """One setting's value, with who changed it last and when (the change is in the access
    log too)."""

    __tablename__ = "admin_setting"

    #: ``services.admin_settings.SETTINGS``' keys, e.g. ``guest_days``
    name: Mapped[str] = mapped_column(sa.String(50), primary_key=True)
    value: Mapped[int] = mapped_column()
    changed_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))

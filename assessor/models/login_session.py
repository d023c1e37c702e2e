"""Login sessions: one row per login, so that logging out (here or everywhere) really ends it."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from assessor.domain.clock import utcnow
from assessor.models.base import Base


class LoginSession(Base):
    """A login on one browser. The cookie carries a random token; only its SHA-256 is stored,
    so a copy of the database lets no one in. Kept small on purpose (privacy): a short
    browser name and the network part of the address, never the full address."""

    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    #: SHA-256 (hex) of the token in the session and "stay logged in" cookies
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: the login stops working here, whatever the cookies say
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    #: set at logout (this browser or everywhere) and when the password changes
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: e.g. "Firefox", from the User-Agent (never the full header); "" when unknown
    browser: Mapped[str] = mapped_column(sa.String(20), default="")
    #: e.g. "Linux", likewise
    system: Mapped[str] = mapped_column(sa.String(20), default="")
    #: the network, not the computer: 192.0.2.0/24 or 2001:db8:1::/48
    network: Mapped[str] = mapped_column(sa.String(50), default="")

    def __repr__(self) -> str:
        return f"<LoginSession {self.id} user={self.user_id} revoked={self.revoked_at}>"

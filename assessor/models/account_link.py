"""One-time links that let a person set a password: invitations and password resets."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.user import User


class LinkPurpose(enum.StrEnum):
    """Why the link was made; both let the holder set the account's password once."""

    INVITATION = "invitation"  #: a new account: the person sets their first password
    RESET = "reset"  #: a forgotten password


class AccountLink(Base):
    """A link sent, shown or printed for one account. Only the SHA-256 of its code is kept,
    so a copy of the database opens no account. A link works once, until it expires, and
    only while no newer link was made for the account."""

    __tablename__ = "account_link"
    __table_args__ = (one_of("purpose", LinkPurpose, "purpose_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(sa.String(20))
    #: SHA-256 (hex) of the code in the link
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    #: set when the password was set through it: it never works again
    used_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: set when a newer link was made, the password changed or the account was closed
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: the staff member who made it (None: the person asked for it, or the command line)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )

    user: Mapped[User] = relationship(foreign_keys=[user_id])

    def __repr__(self) -> str:
        return f"<AccountLink {self.id} {self.purpose} user={self.user_id}>"

"""The candidate record, which may exist without a login."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.organisation import Organisation
from assessor.models.user import User

#: Letters that cannot be mistaken for each other when read aloud or copied by hand.
_PUBLIC_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_public_id() -> str:
    """A pseudonymous id such as ``K-7F3A-9CQX``, safe to show in reports and statistics."""
    chars = "".join(secrets.choice(_PUBLIC_ID_ALPHABET) for _ in range(8))
    return f"K-{chars[:4]}-{chars[4:]}"


class Gender(enum.StrEnum):
    """Self-described gender, only for statistics split by gender. Never required."""

    WOMAN = "woman"
    MAN = "man"
    NON_BINARY = "non_binary"
    UNDISCLOSED = "undisclosed"


class Person(Base):
    """A candidate. A caseworker may create one for someone who has no login (yet)."""

    __tablename__ = "person"
    __table_args__ = (one_of("gender", Gender, "gender_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: pseudonymous id shown instead of the name wherever a name is not needed
    public_id: Mapped[str] = mapped_column(sa.String(16), unique=True, default=new_public_id)
    name: Mapped[str] = mapped_column(sa.String(200))
    #: the login of the person themself, if they have one
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"), unique=True
    )
    gender: Mapped[str] = mapped_column(sa.String(20), default=Gender.UNDISCLOSED.value)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    #: the programme the person takes part in: its coaches reach the person (services.policy)
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: skyddad identitet: staff see the code name and a neutral marker, never the name or
    #: other contact data (``assessor.services.identity``)
    protected_identity: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    #: set when the person's data is restricted (on request, or where archive rules forbid
    #: erasure): nobody but an admin reaches it and nothing processes it (``services.policy``)
    restricted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    organisation: Mapped[Organisation | None] = relationship()

    def __repr__(self) -> str:
        return f"<Person {self.public_id}>"

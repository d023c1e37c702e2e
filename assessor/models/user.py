"""Accounts that can log in."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.vocabulary import LOCALES
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.organisation import Organisation


class Role(enum.StrEnum):
    """What an account may do. Each web area names the roles it lets in."""

    CANDIDATE = "candidate"
    FACILITATOR = "facilitator"
    CASEWORKER = "caseworker"
    ADMIN = "admin"


class User(Base):
    """A login: email, argon2id password hash, role and preferred language."""

    __tablename__ = "user_account"
    __table_args__ = (
        one_of("role", Role, "role_known"),
        one_of("locale", LOCALES, "locale_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: stored lower-cased; unique
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[str] = mapped_column(sa.String(20))
    locale: Mapped[str] = mapped_column(sa.String(5), default="sv")
    active: Mapped[bool] = mapped_column(default=True)
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation | None] = relationship()

    # Flask-Login's user protocol, written out so that assessor/ needs no Flask.
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    #: The token of the login session this object was loaded for (services.sessions sets it;
    #: never stored). Flask-Login keeps it in the cookies instead of the user id, so that
    #: ending the session in the database ends every copy of the cookies.
    login_token = None

    def get_id(self) -> str:
        if self.login_token is None:
            raise LookupError("start a login session first (services.sessions.start_session)")
        return self.login_token

    def __repr__(self) -> str:
        return f"<User {self.email!r} {self.role}>"

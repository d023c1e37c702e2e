"""Progress over time: the programme's life-wheel areas and the person's self-rated
conversations. Kept apart from every skill score: no level, report or match reads these."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.progress import MAX_AREA_NAME, MAX_NOTE, RATING_MAX, RATING_MIN
from assessor.models.base import Base
from assessor.models.user import User


class WheelArea(Base):
    """One area a programme's conversations rate: a default (``key``) or its own ``name``."""

    __tablename__ = "wheel_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    #: a default area (``domain.progress.DEFAULT_AREAS``, worded by the web layer), or ""
    key: Mapped[str] = mapped_column(sa.String(30), default="")
    #: the programme's own name for an area it added ("" for a default)
    name: Mapped[str] = mapped_column(sa.String(MAX_AREA_NAME), default="")
    position: Mapped[int] = mapped_column(default=0)
    #: an area taken out of use stays, so earlier ratings keep their name
    active: Mapped[bool] = mapped_column(default=True)


class WheelConversation(Base):
    """One conversation: the day, who wrote it down, and a short note."""

    __tablename__ = "wheel_conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    held_on: Mapped[date] = mapped_column(sa.Date)
    note: Mapped[str] = mapped_column(sa.String(MAX_NOTE), default="")
    by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    by_role: Mapped[str] = mapped_column(sa.String(20))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    ratings: Mapped[list[WheelRating]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan",
        order_by="WheelRating.area_id")
    by: Mapped[User | None] = relationship()


class WheelRating(Base):
    """The person's own rating of one area in one conversation, 1 to 10."""

    __tablename__ = "wheel_rating"
    __table_args__ = (
        sa.CheckConstraint(f"rating BETWEEN {RATING_MIN} AND {RATING_MAX}", name="rating_range"),
        sa.UniqueConstraint("conversation_id", "area_id", name="one_per_area"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("wheel_conversation.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("wheel_area.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column()

    conversation: Mapped[WheelConversation] = relationship(back_populates="ratings")
    area: Mapped[WheelArea] = relationship()

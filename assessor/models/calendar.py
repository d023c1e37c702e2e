"""The public calendar of Mini Hackathon evenings: a programme's schedule and breaks, the
evenings a coach cancelled, and the optional sign-ups for one evening (deleted after it)."""

from __future__ import annotations

from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.calendar import LINK_MAX, PLACE_MAX, REASON_MAX
from assessor.domain.clock import utcnow
from assessor.models.base import Base
from assessor.models.organisation import Organisation

NAME_MAX, EMAIL_MAX = 100, 254


class EveningSchedule(Base):
    """One programme's recurring evening, set once by a coach (``domain.calendar.Schedule``)."""

    __tablename__ = "evening_schedule"
    __table_args__ = (
        sa.CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_known"),
        sa.CheckConstraint("ends > starts", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: one schedule per programme (``calendar``: its coaches set it)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), unique=True)
    #: 0 Monday … 6 Sunday; start and end on the Swedish clock
    weekday: Mapped[int] = mapped_column()
    starts: Mapped[time] = mapped_column(sa.Time())
    ends: Mapped[time] = mapped_column(sa.Time())
    place: Mapped[str] = mapped_column(sa.String(PLACE_MAX), default="")
    remote: Mapped[bool] = mapped_column(default=False)
    #: for the coaches' evenings only: the public calendar says "by video", never the link
    video_link: Mapped[str] = mapped_column(sa.String(LINK_MAX), default="")
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))

    programme: Mapped[Organisation] = relationship()
    breaks: Mapped[list[ScheduleBreak]] = relationship(
        cascade="all, delete-orphan", order_by="ScheduleBreak.first_day")


class ScheduleBreak(Base):
    """Days without evenings (first and last included) with a plain reason."""

    __tablename__ = "schedule_break"
    __table_args__ = (sa.CheckConstraint("last_day >= first_day", name="break_in_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(
        sa.ForeignKey("evening_schedule.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[date] = mapped_column(sa.Date())
    last_day: Mapped[date] = mapped_column(sa.Date())
    reason: Mapped[str] = mapped_column(sa.String(REASON_MAX))


class CancelledEvening(Base):
    """One evening of the schedule that will not take place, and why (shown publicly)."""

    __tablename__ = "cancelled_evening"
    __table_args__ = (sa.UniqueConstraint("programme_id", "day", name="cancelled_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(sa.Date())
    reason: Mapped[str] = mapped_column(sa.String(REASON_MAX))
    cancelled_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    cancelled_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))


class EveningInterest(Base):
    """Someone who said they may come to one evening: a name or nickname and an e-mail, kept
    only to tell them when it is cancelled; deleted after the evening (``kodprov retention``)
    or at once through the link in their mail."""

    __tablename__ = "evening_interest"
    __table_args__ = (
        sa.UniqueConstraint("programme_id", "day", "email_key", name="one_sign_up_per_address"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(sa.Date(), index=True)
    name: Mapped[str] = mapped_column(sa.String(NAME_MAX))
    email: Mapped[str] = mapped_column(sa.String(EMAIL_MAX))
    #: ``domain.calendar.email_key``: the address as compared for duplicates
    email_key: Mapped[str] = mapped_column(sa.String(EMAIL_MAX))
    #: the language the mails are written in
    locale: Mapped[str] = mapped_column(sa.String(5), default="sv")
    #: SHA-256 of the withdrawal link's code (the code itself is only in the mail)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

"""Funder categories: the SUS registration a coach records for a person (only under the SUS
consent), and the person's own answers to the indicator survey at start and at exit."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.funder.indicators import POINTS
from assessor.domain.funder.sus import EDUCATIONS, END_REASONS, OCCUPATIONS, SUPPORT_TIMES
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.person import Person


def _known(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IS NULL OR {column} IN ({allowed})", name=name)


class SusRegistration(Base):
    """Registration in (before) and out (after) in SUS's categories; kept only under the
    person's SUS consent (``domain.funder.sus``). Dates and year of birth come from the
    participation record."""

    __tablename__ = "sus_registration"
    __table_args__ = (
        _known("occupation_before", OCCUPATIONS, "occupation_before_known"),
        _known("occupation_after", OCCUPATIONS, "occupation_after_known"),
        _known("education", EDUCATIONS, "education_known"),
        _known("support_time", SUPPORT_TIMES, "support_time_known"),
        _known("end_reason", END_REASONS, "end_reason_known"),
        #: hours a week, 40 h = 100 %
        sa.CheckConstraint("hours_before IS NULL OR hours_before BETWEEN 0 AND 60",
                           name="hours_before_range"),
        sa.CheckConstraint("hours_after IS NULL OR hours_after BETWEEN 0 AND 60",
                           name="hours_after_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           unique=True)
    #: codes of ``domain.funder.sus.INCOMES`` (several may apply)
    income_before: Mapped[list] = mapped_column(sa.JSON, default=list)
    occupation_before: Mapped[str | None] = mapped_column(sa.String(30))
    hours_before: Mapped[float | None] = mapped_column(sa.Float)
    education: Mapped[str | None] = mapped_column(sa.String(30))
    support_time: Mapped[str | None] = mapped_column(sa.String(30))
    income_after: Mapped[list] = mapped_column(sa.JSON, default=list)
    occupation_after: Mapped[str | None] = mapped_column(sa.String(30))
    hours_after: Mapped[float | None] = mapped_column(sa.Float)
    end_reason: Mapped[str | None] = mapped_column(sa.String(30))
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    person: Mapped[Person] = relationship()


class IndicatorAnswer(Base):
    """The person's own ratings at one survey point (start or exit); never part of a skill
    score (``domain.funder.indicators``)."""

    __tablename__ = "indicator_answer"
    __table_args__ = (
        one_of("point", POINTS, "point_known"),
        sa.UniqueConstraint("person_id", "point", name="once_per_point"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    point: Mapped[str] = mapped_column(sa.String(10))
    #: statement key -> rating 1–5
    answers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    answered_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

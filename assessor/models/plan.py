"""The individual development plan: goals per area at a course level, planned steps, review
dates, and who changed what (the person and their coach edit it together).

Evidence is not stored here: the plan page links the records that hold it (hand-ins with their
kind of evidence, supervised follow-ups, placements), so nothing is copied.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.plans import EDIT_KINDS, GOAL_STATES, MAX_TEXT
from assessor.domain.vocabulary import AREAS
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.user import User


def _person_fk() -> Mapped[int]:
    return mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"), index=True)


def _by_fk() -> Mapped[int | None]:
    return mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))


class PlanGoal(Base):
    """A goal in one area: a step of the area's ladder ("Programmering 1 C") and the words."""

    __tablename__ = "plan_goal"
    __table_args__ = (one_of("area", AREAS, "area_known"),
                      one_of("state", GOAL_STATES, "state_known"))

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = _person_fk()
    area: Mapped[str] = mapped_column(sa.String(20))
    #: the course step aimed for, as the report words it (``domain.plans.level_labels``)
    level: Mapped[str] = mapped_column(sa.String(40))
    note: Mapped[str] = mapped_column(sa.String(MAX_TEXT), default="")
    state: Mapped[str] = mapped_column(sa.String(10), default="active")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class PlanStep(Base):
    """A planned next step, perhaps toward one goal, perhaps by a day; done on a day."""

    __tablename__ = "plan_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = _person_fk()
    goal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plan_goal.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(sa.String(MAX_TEXT))
    due_on: Mapped[date | None] = mapped_column(sa.Date)
    done_on: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    goal: Mapped[PlanGoal | None] = relationship()


class PlanReview(Base):
    """A day the plan is looked at together; what was said once it was held."""

    __tablename__ = "plan_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = _person_fk()
    on_day: Mapped[date] = mapped_column(sa.Date)
    held: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(sa.String(MAX_TEXT), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class PlanEdit(Base):
    """One change of the plan: when, by whom and in which role (never the content)."""

    __tablename__ = "plan_edit"
    __table_args__ = (one_of("kind", EDIT_KINDS, "kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = _person_fk()
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    by_id: Mapped[int | None] = _by_fk()
    #: "candidate" (the person) or "facilitator"; kept when the account goes
    by_role: Mapped[str] = mapped_column(sa.String(20))
    kind: Mapped[str] = mapped_column(sa.String(20))

    by: Mapped[User | None] = relationship()

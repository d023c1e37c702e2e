"""Supervised follow-ups: a short session where the person explains and changes their code."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.vocabulary import Area
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.person import Person
from assessor.models.user import User


class FollowUpOutcome(enum.StrEnum):
    """What the session showed about the at-home results."""

    CONFIRMED = "confirmed"  #: the person clearly knows their code
    PARTLY = "partly"  #: some of it
    NOT_CONFIRMED = "not_confirmed"  #: the person could not explain or change it


#: The checklist the facilitator fills in; every item is a yes/no observation.
CHECKLIST_ITEMS = (
    "explained_code",  #: explained in their own words what the code does
    "changed_code",  #: made a small change that was asked for
    "fixed_failing_input",  #: found and fixed the problem for an input that failed
    "answered_questions",  #: answered questions about choices in the code
)


class FollowUp(Base):
    """One booked or held follow-up for one area of a person's results."""

    __tablename__ = "follow_up"
    __table_args__ = (
        one_of("outcome", FollowUpOutcome, "outcome_known"),
        one_of("area", Area, "area_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    area: Mapped[str] = mapped_column(sa.String(20))
    #: the at-home submission the person will explain and change, if one was chosen
    submission_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("submission.id", ondelete="SET NULL"))
    facilitator_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when the session is booked, in UTC (coaches type Swedish time: ``db.from_local``); it
    #: cannot be recorded before this moment
    booked_for: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    held_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: checklist item -> observed (True/False); see CHECKLIST_ITEMS
    checklist: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    outcome: Mapped[str | None] = mapped_column(sa.String(20))
    notes: Mapped[str] = mapped_column(sa.String(2000), default="")

    person: Mapped[Person] = relationship()
    facilitator: Mapped[User | None] = relationship()

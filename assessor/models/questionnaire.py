"""A person's answers to the screening questionnaire, saved as they are given."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models.base import Base
from assessor.models.person import Person
from assessor.models.user import User


class QuestionnaireResponse(Base):
    """One person's questionnaire: possibly filled over several sittings, by them or staff."""

    __tablename__ = "questionnaire_response"
    __table_args__ = (
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('programmer', 'superuser', 'unclear')",
                           name="outcome_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    #: the questionnaire file's version the answers belong to
    version: Mapped[str] = mapped_column(sa.String(20))
    #: item id -> answer (option id, list of option ids, or text)
    answers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: who typed the answers; the person themself or a member of staff
    filled_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when staff fill it in: was the person there? (None when the person filled it in)
    person_present: Mapped[bool | None] = mapped_column()
    started_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: the screening outcome when completed
    outcome: Mapped[str | None] = mapped_column(sa.String(20))

    person: Mapped[Person] = relationship()
    filled_by: Mapped[User | None] = relationship()
    sittings: Mapped[list[QuestionnaireSitting]] = relationship(
        order_by="QuestionnaireSitting.started_at", cascade="all, delete-orphan")


class QuestionnaireSitting(Base):
    """One sitting at a questionnaire: who typed, whether the person was there, what was
    answered. A questionnaire may take several sittings, by the person or by staff."""

    __tablename__ = "questionnaire_sitting"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_response.id", ondelete="CASCADE"), index=True)
    filled_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: staff only: was the person there? (None when the person filled it in themself)
    person_present: Mapped[bool | None] = mapped_column()
    started_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_answer_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: ids of the items answered (or changed) in this sitting, in order
    items: Mapped[list] = mapped_column(sa.JSON, default=list)

    filled_by: Mapped[User | None] = relationship()

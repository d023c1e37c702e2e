"""Regrade runs: a challenge's stored hand-ins graded again, with each hand-in's old score."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models.base import Base
from assessor.models.submission import Submission


class RegradeRun(Base):
    """One regrade of a challenge (from the admin's page or ``kodprov regrade``). Its progress
    is read from its hand-ins (``RegradeItem``); nothing here changes while it runs."""

    __tablename__ = "regrade_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[str] = mapped_column(sa.String(100), index=True)
    #: only hand-ins made at or after this moment; None: all of them
    since: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    started_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: the admin who started it; None for the command line (the system) or a closed account
    started_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    started_by_role: Mapped[str] = mapped_column(sa.String(20))

    items: Mapped[list[RegradeItem]] = relationship(back_populates="run",
                                                    cascade="all, delete-orphan",
                                                    passive_deletes=True)


class RegradeItem(Base):
    """One hand-in of a run: its score before, and (once a later run of the same challenge
    starts) the outcome this run gave it, kept as it was."""

    __tablename__ = "regrade_item"
    __table_args__ = (sa.UniqueConstraint("run_id", "submission_id", name="once_per_run"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("regrade_run.id", ondelete="CASCADE"),
                                        index=True)
    #: goes with the hand-in: an erasure or retention that deletes it deletes this too
    submission_id: Mapped[int] = mapped_column(
        sa.ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    old_score: Mapped[float | None] = mapped_column()
    #: filled in when a later run of the challenge starts (until then: the hand-in's own)
    new_score: Mapped[float | None] = mapped_column()
    #: the hand-in's status this run left (``graded``, ``error``, ``withheld``); None: not kept
    #: yet, read the hand-in itself
    outcome: Mapped[str | None] = mapped_column(sa.String(10))

    run: Mapped[RegradeRun] = relationship(back_populates="items")
    submission: Mapped[Submission] = relationship()

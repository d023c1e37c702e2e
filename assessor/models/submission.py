"""Drafts and submissions of challenge answers."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.vocabulary import Evidence
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.person import Person

#: the page's one-per-press token (a UUID); longer ones are refused, never cut
MAX_CLIENT_TOKEN = 64


class SubmissionStatus(enum.StrEnum):
    """Where a submission is. ``ERROR`` is our failure: it costs the candidate nothing.
    ``WITHHELD``: not graded, because the person took back their yes to the tests."""

    QUEUED = "queued"
    RUNNING = "running"
    GRADED = "graded"
    ERROR = "error"
    WITHHELD = "withheld"


class SubmissionKind(enum.StrEnum):
    """A precheck ("Testa") runs only candidate-visible tests and is no attempt."""

    PRECHECK = "precheck"
    ATTEMPT = "attempt"


class Draft(Base):
    """The candidate's unsent work on one challenge, saved every few seconds."""

    __tablename__ = "draft"
    __table_args__ = (sa.UniqueConstraint("person_id", "challenge_id",
                                          name="one_draft_per_challenge"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"))
    challenge_id: Mapped[str] = mapped_column(sa.String(100))
    #: file name -> text
    files: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)


class Submission(Base):
    """One precheck or attempt: written before it is queued, graded by a worker."""

    __tablename__ = "submission"
    __table_args__ = (
        one_of("status", SubmissionStatus, "status_known"),
        one_of("kind", SubmissionKind, "kind_known"),
        one_of("evidence", Evidence, "evidence_known"),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 1)", name="score_0_to_1"),
        #: a double click sends the same token twice; the second finds the first
        sa.UniqueConstraint("person_id", "client_token", name="one_submission_per_token"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    challenge_id: Mapped[str] = mapped_column(sa.String(100), index=True)
    challenge_version: Mapped[str] = mapped_column(sa.String(20), default="")
    seed: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(sa.String(10), default=SubmissionKind.ATTEMPT.value)
    evidence: Mapped[str] = mapped_column(sa.String(20), default=Evidence.UNSUPERVISED.value)
    #: file name -> text, exactly as submitted
    files: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    client_token: Mapped[str | None] = mapped_column(sa.String(MAX_CLIENT_TOKEN))
    #: the candidate's language when they sent it: grading messages are written in it
    locale: Mapped[str] = mapped_column(sa.String(5), default="sv")
    status: Mapped[str] = mapped_column(sa.String(10), default=SubmissionStatus.QUEUED.value,
                                        index=True)
    #: how many times a worker has started grading it (retries after our failures)
    tries: Mapped[int] = mapped_column(default=0)
    #: the token of the try that holds it while ``running``; only that try records a result
    claim_token: Mapped[str | None] = mapped_column(sa.String(32))
    #: the score before the latest regrade (``kodprov regrade``), kept beside the new one
    previous_score: Mapped[float | None] = mapped_column()
    #: when it was last regraded; None when never
    regraded_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    score: Mapped[float | None] = mapped_column()
    gradable: Mapped[bool | None] = mapped_column()
    #: the grader's full result (per test, with visibility) as JSON
    result: Mapped[dict | None] = mapped_column(sa.JSON)
    error: Mapped[str] = mapped_column(sa.String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    person: Mapped[Person] = relationship()

    @property
    def done(self) -> bool:
        """True when no worker will touch it again."""
        return self.status in (SubmissionStatus.GRADED, SubmissionStatus.ERROR,
                               SubmissionStatus.WITHHELD)

"""Claiming a submission for one try, atomically, in the database.

A try claims a submission with one conditional ``UPDATE … WHERE status = 'queued'`` (or
``running`` left behind by a dead worker): the database lets exactly one of any number of
workers (threads, processes, machines) change the row, so two never grade the same
submission at once. The claim writes a fresh token; the try's outcome is recorded with a
second conditional ``UPDATE … WHERE claim_token = <its token>``, so a try that was given up
on (its worker was thought dead and another took over) can never store a second result.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import Submission, SubmissionStatus


def claimable(now: datetime, stale_after: timedelta) -> sa.ColumnElement[bool]:
    """Submissions a worker may take: queued ones, and running ones left behind."""
    return sa.or_(
        Submission.status == SubmissionStatus.QUEUED,
        sa.and_(Submission.status == SubmissionStatus.RUNNING,
                Submission.started_at < now - stale_after),
    )


def claim(session: Session, submission_id: int, now: datetime,
          stale_after: timedelta) -> str | None:
    """Mark the submission ``running`` with one more try and a new token; the token, or None
    when another worker has it or it is done."""
    token = secrets.token_hex(16)
    result = session.execute(
        sa.update(Submission)
        .where(Submission.id == submission_id, claimable(now, stale_after))
        .values(status=SubmissionStatus.RUNNING, tries=Submission.tries + 1, started_at=now,
                claim_token=token)
        .execution_options(synchronize_session=False))
    return token if result.rowcount == 1 else None


def withhold(session: Session, submission_id: int, now: datetime,
             stale_after: timedelta) -> bool:
    """Mark a claimable submission ``withheld`` (no yes to the tests); True when it was."""
    result = session.execute(
        sa.update(Submission)
        .where(Submission.id == submission_id, claimable(now, stale_after))
        .values(status=SubmissionStatus.WITHHELD, finished_at=now, claim_token=None)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def finish(session: Session, submission_id: int, token: str, values: dict) -> bool:
    """Store a try's outcome (``values``) only while that try still holds the submission;
    True when it was stored."""
    result = session.execute(
        sa.update(Submission)
        .where(Submission.id == submission_id, Submission.claim_token == token,
               Submission.status == SubmissionStatus.RUNNING)
        .values(**values)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1

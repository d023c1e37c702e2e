"""Regrading a challenge's stored hand-ins after the challenge was fixed, through the queue.

Each graded attempt keeps the score it had (``previous_score``) beside the new one and the
time it was regraded (``regraded_at``); it goes back to ``queued`` and the queue grades it
again with the challenge as it is now. Levels are computed from the stored scores, so they
follow once the new scores are in.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.infra.unit_of_work import after_commit
from assessor.models import Submission, SubmissionKind, SubmissionStatus
from assessor.services.jobs.recovery import Enqueue


def regrade(session: Session, challenge_id: str, queue: Enqueue,
            since: datetime | None = None) -> list[int]:
    """Queue the challenge's graded attempts (handed in at or after ``since``) again, keeping
    their scores as ``previous_score``; the ids go to ``queue`` once this is committed."""
    query = sa.select(Submission).where(
        Submission.challenge_id == challenge_id, Submission.kind == SubmissionKind.ATTEMPT,
        Submission.status == SubmissionStatus.GRADED)
    if since is not None:
        query = query.where(Submission.created_at >= since)
    now = utcnow()
    ids = []
    for submission in session.scalars(query.order_by(Submission.id)):
        submission.previous_score = submission.score
        submission.regraded_at = now
        submission.status = SubmissionStatus.QUEUED
        submission.tries = 0
        submission.claim_token = None
        ids.append(submission.id)
    session.flush()
    after_commit(session, lambda: [queue.enqueue(i) for i in ids])
    return ids

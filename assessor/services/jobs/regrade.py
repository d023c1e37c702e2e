"""Regrading a challenge's stored hand-ins after the challenge was fixed, through the queue.

Each graded attempt keeps the score it had (``previous_score``) beside the new one and the
time it was regraded (``regraded_at``); it goes back to ``queued`` and the queue grades it
again with the challenge as it is now. Levels are computed from the stored scores, so they
follow once the new scores are in. Taking the hand-ins is one conditional ``UPDATE … WHERE
status = 'graded'``: two regrades started at once never take the same hand-in twice.
Regrade runs (who, when, progress) are ``regrade_runs``'.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.infra.unit_of_work import after_commit
from assessor.models import Submission, SubmissionKind, SubmissionStatus
from assessor.services.jobs.recovery import Enqueue


def regradable(challenge_id: str, since: datetime | None = None) -> list[sa.ColumnElement]:
    """The conditions of the hand-ins a regrade takes: graded attempts of the challenge
    (made at or after ``since``)."""
    conditions = [Submission.challenge_id == challenge_id,
                  Submission.kind == SubmissionKind.ATTEMPT,
                  Submission.status == SubmissionStatus.GRADED]
    if since is not None:
        conditions.append(Submission.created_at >= since)
    return conditions


def take_for_regrade(session: Session, challenge_id: str, queue: Enqueue,
                     since: datetime | None = None) -> dict[int, float | None]:
    """Queue the challenge's graded attempts again, keeping their scores as
    ``previous_score``; returns id -> old score. The ids go to ``queue`` once committed."""
    session.flush()
    rows = session.execute(
        sa.update(Submission).where(*regradable(challenge_id, since))
        .values(previous_score=Submission.score, regraded_at=utcnow(),
                status=SubmissionStatus.QUEUED, tries=0, claim_token=None)
        .returning(Submission.id, Submission.previous_score)
        .execution_options(synchronize_session="fetch")).all()
    taken = dict(sorted((row.id, row.previous_score) for row in rows))
    after_commit(session, lambda: [queue.enqueue(i) for i in taken])
    return taken


def regrade(session: Session, challenge_id: str, queue: Enqueue,
            since: datetime | None = None) -> list[int]:
    """``take_for_regrade``'s ids, in order."""
    return list(take_for_regrade(session, challenge_id, queue, since))

"""Regrading a challenge's hand-ins through the queue: old and new scores side by side."""

from __future__ import annotations

from datetime import timedelta

from assessor.domain.clock import utcnow
from assessor.infra.unit_of_work import unit_of_work
from assessor.services.jobs import GradeOutcome, InProcessQueue
from assessor.services.jobs.regrade import regrade
from tests.jobs.conftest import RecordingGrader, reload, wait_until_done


def test_a_regrade_keeps_the_old_score_beside_the_new_one(database, make_submission):
    old = make_submission(status="graded", score=0.25, created_at=utcnow() - timedelta(days=9))
    recent = make_submission(status="graded", score=0.5)
    other = make_submission(status="graded", score=0.5, challenge_id="p1-other")
    precheck = make_submission(status="graded", score=0.5, kind="precheck")
    grader = RecordingGrader(GradeOutcome(score=1.0))
    queue = InProcessQueue(database, grader, workers=1)
    try:
        with unit_of_work(database) as session:
            ids = regrade(session, "p1-hello", queue, since=utcnow() - timedelta(days=1))
        assert ids == [recent]
        done = wait_until_done(database, recent)
    finally:
        queue.close()
    assert (done.previous_score, done.score, done.tries) == (0.5, 1.0, 1)
    assert done.regraded_at is not None
    for untouched in (old, other, precheck):
        assert reload(database, untouched).regraded_at is None
    assert len(grader.calls) == 1


def test_a_regrade_rolled_back_queues_nothing(database, make_submission):
    submission_id = make_submission(status="graded", score=0.5)
    grader = RecordingGrader()
    queue = InProcessQueue(database, grader, workers=1)
    try:
        try:
            with unit_of_work(database) as session:
                regrade(session, "p1-hello", queue)
                raise RuntimeError("the command failed")
        except RuntimeError:
            pass
    finally:
        queue.close()
    assert grader.calls == [] and reload(database, submission_id).score == 0.5

"""Celery workers through a real Redis carry submissions to the same grading job."""

from __future__ import annotations

import pytest

from assessor.services.jobs import GradeOutcome
from tests.jobs.conftest import RecordingGrader, wait_until_done
from tests.services import REDIS_URL, redis_available, require_service

pytestmark = pytest.mark.redis


@pytest.fixture
def celery_worker(database, monkeypatch):
    require_service("Redis", redis_available(), "run scripts/services.sh as root")
    import redis
    from celery.contrib.testing.worker import start_worker

    from assessor.services.jobs import celery_queue

    redis.Redis.from_url(REDIS_URL).flushdb()
    celery_queue.configure(REDIS_URL)
    monkeypatch.setattr(celery_queue, "worker_database", lambda: database)
    grader = RecordingGrader(GradeOutcome(our_error="first try fails"), GradeOutcome(score=0.5))
    celery_queue.set_grader(grader)
    with start_worker(celery_queue.celery_app, pool="solo", perform_ping_check=False,
                      shutdown_timeout=30):
        yield grader
    celery_queue.set_grader(None)


def test_a_submission_sent_through_redis_is_graded_after_a_retry(
        celery_worker, database, make_submission):
    from assessor.services.jobs.celery_queue import CeleryQueue

    submission_id = make_submission()
    CeleryQueue(REDIS_URL).enqueue(submission_id)
    done = wait_until_done(database, submission_id)
    assert done.status == "graded" and done.score == 0.5 and done.tries == 2
    assert len(celery_worker.calls) == 2

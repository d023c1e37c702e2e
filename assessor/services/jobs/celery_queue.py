"""Celery workers with Redis: ``celery -A assessor.services.jobs.celery_queue worker``.

Tasks carry a submission id only. ``acks_late`` with ``reject_on_worker_lost`` means a worker
that dies mid-job leaves the message in Redis for another worker: never lost.
"""

from __future__ import annotations

import atexit
import logging
from functools import cache

from celery import Celery
from celery.signals import setup_logging

from assessor.infra.db import Database
from assessor.infra.settings import Settings
from assessor.models import SubmissionStatus
from assessor.services.catalogue import catalogue_at
from assessor.services.jobs.challenge_grader import ChallengeGrader
from assessor.services.jobs.grading_job import MAX_TRIES, Grader, run_grading_job
from sandbox import LazyRunner

log = logging.getLogger(__name__)
TASK_QUEUE = "kodprov-grading"

celery_app = Celery("kodprov")


def configure(redis_url: str) -> Celery:
    """Point the Celery app at ``redis_url`` with at-least-once delivery settings."""
    celery_app.conf.update(
        broker_url=redis_url,
        result_backend=None,
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=TASK_QUEUE,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    return celery_app


@cache
def worker_settings() -> Settings:
    """This worker process's settings, read from the environment once."""
    return Settings.from_env()


configure(worker_settings().redis_url)


@setup_logging.connect
def keep_our_logging(**_kwargs) -> None:
    """Kodprov's processes configure logging themselves; Celery must not replace it (its own
    set-up disables loggers that already exist)."""


@cache
def worker_database() -> Database:
    """The database a worker process uses (``KODPROV_DATABASE_URL``)."""
    return Database(worker_settings().database_url)


@cache
def worker_grader() -> Grader:
    """The challenge grader of this worker process: its settings' bank and sandbox."""
    settings = worker_settings()
    runner = LazyRunner(settings.sandbox_config)
    atexit.register(runner.close)  # a Docker pool's containers go when the worker ends
    return ChallengeGrader(catalogue_at(settings.challenges_path), runner)


_grader: Grader | None = None


def set_grader(grader: Grader | None) -> None:
    """Use ``grader`` in this worker process (None: the real challenge grader)."""
    global _grader
    _grader = grader


def current_grader() -> Grader:
    """The grader this worker uses."""
    if _grader is not None:
        return _grader
    return worker_grader()


@celery_app.task(name="kodprov.grade", bind=True, max_retries=MAX_TRIES)
def grade_task(self, submission_id: int) -> str:
    """Grade one submission; retry later when it failed on our side."""
    status = run_grading_job(worker_database(), submission_id, current_grader())
    if status == SubmissionStatus.QUEUED:
        raise self.retry(countdown=2)
    return status


class CeleryQueue:
    """Sends submission ids to Celery workers through Redis."""

    def __init__(self, redis_url: str) -> None:
        configure(redis_url)

    def enqueue(self, submission_id: int) -> None:
        """Send ``submission_id`` to a worker."""
        grade_task.apply_async(args=[submission_id])

    def close(self) -> None:
        """Nothing to release; workers run elsewhere."""

"""Celery workers with Redis: ``kodprov worker`` (``assessor.services.jobs.worker``).

Tasks carry a submission id only. ``acks_late`` with ``reject_on_worker_lost`` means a worker
that dies mid-job leaves the message in Redis for another worker: never lost. Redis hands an
unacknowledged message out again after the visibility timeout, which is just above the longest
possible job (``timing``), not Kombu's hour; the atomic claim makes a second delivery harmless.
Our own failures (``sandbox_error``) are retried with a growing pause.
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
from assessor.services.jobs.timing import DEFAULT_TIMING, JobTiming
from sandbox import LazyRunner

log = logging.getLogger(__name__)
TASK_QUEUE = "kodprov-grading"

celery_app = Celery("kodprov")


_timing = DEFAULT_TIMING


def configure(redis_url: str, timing: JobTiming = DEFAULT_TIMING) -> Celery:
    """Point the Celery app at ``redis_url`` with at-least-once delivery settings; ``timing``
    gives the visibility timeout, the retry pauses and when a claim counts as left behind."""
    global _timing
    _timing = timing
    celery_app.conf.update(
        broker_transport_options={"visibility_timeout": timing.visibility_timeout},
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


_database: Database | None = None


def set_database(database: Database | None) -> None:
    """Use ``database`` in this worker process (None: ``KODPROV_DATABASE_URL``)."""
    global _database
    _database = database


def worker_database() -> Database:
    """The database a worker process uses (``set_database``, else ``KODPROV_DATABASE_URL``)."""
    return _database if _database is not None else _database_from_settings()


@cache
def _database_from_settings() -> Database:
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
    """Grade one submission; retry later (2 s, 4 s, 8 s) when it failed on our side."""
    status = run_grading_job(worker_database(), submission_id, current_grader(), _timing)
    if status == SubmissionStatus.QUEUED:
        raise self.retry(countdown=_timing.retry_delay(self.request.retries))
    return status


class CeleryQueue:
    """Sends submission ids to Celery workers through Redis."""

    def __init__(self, redis_url: str, timing: JobTiming = DEFAULT_TIMING) -> None:
        configure(redis_url, timing)
        self.redis_url = redis_url

    def enqueue(self, submission_id: int) -> None:
        """Send ``submission_id`` to a worker. While Redis is away it stays ``queued`` in the
        database, where the workers' sweep finds it once Redis is back."""
        try:  # its own connection: the app's pool keeps the first broker it was given
            with celery_app.connection_for_write(self.redis_url) as connection:
                grade_task.apply_async(args=[submission_id], connection=connection,
                                       retry=False)
        except Exception as error:
            log.warning("could not send submission %s to Redis: %s", submission_id, error)

    def close(self) -> None:
        """Nothing to release; workers run elsewhere."""

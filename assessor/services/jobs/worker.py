"""A grading worker process (``kodprov worker``): Celery on Redis, plus the sweep.

The worker runs jobs on threads (grading waits on the sandbox, not on Python). SIGTERM is a
warm shutdown: it takes no new jobs, finishes the running ones and then closes the sandbox (its
containers go with it); a job it could not finish stays unacknowledged in Redis and its
submission ``running`` until the sweep hands it to another worker. Every worker also sweeps
(``recovery.Sweeper``), but only one of the deployment at a time acts.
"""

from __future__ import annotations

import logging

from assessor.infra.db import Database
from assessor.services.jobs import celery_queue
from assessor.services.jobs.grading_job import Grader
from assessor.services.jobs.recovery import Sweeper
from assessor.services.jobs.timing import DEFAULT_TIMING, JobTiming

log = logging.getLogger(__name__)


def worker_argv(concurrency: int, name: str = "") -> list[str]:
    """Celery's ``worker`` arguments for ``concurrency`` jobs at a time on threads."""
    argv = ["worker", "--pool=threads", f"--concurrency={concurrency}", "--loglevel=INFO",
            f"--queues={celery_queue.TASK_QUEUE}", "--without-gossip", "--without-mingle"]
    if name:
        argv.append(f"--hostname={name}")
    return argv


def run_worker(redis_url: str, database: Database, concurrency: int,
               grader: Grader | None = None, timing: JobTiming = DEFAULT_TIMING,
               name: str = "") -> None:
    """Grade submissions from ``redis_url`` until stopped (SIGTERM: warm shutdown)."""
    celery_queue.configure(redis_url, timing)
    celery_queue.set_database(database)
    celery_queue.set_grader(grader)
    sweeper = Sweeper(database, celery_queue.CeleryQueue(redis_url, timing), timing).start()
    try:
        celery_queue.celery_app.worker_main(worker_argv(concurrency, name))
    finally:
        sweeper.stop()
        log.info("grading worker stopped")

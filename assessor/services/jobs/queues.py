"""Queues: where a saved submission's id goes to be graded.

``InProcessQueue`` is the embedded default: a thread pool inside the web process. ``CeleryQueue``
(``KODPROV_QUEUE=celery``) sends ids to Celery workers through Redis, on as many machines as
needed. ``SynchronousQueue`` (``sync``) grades before ``enqueue`` returns: the tests' queue, where
a hand-in is graded by the time its request ends. All take ids only; the job reloads everything
from the database.
"""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

import sqlalchemy as sa

from assessor.infra.db import Database
from assessor.models import Submission, SubmissionStatus
from assessor.services.jobs.grading_job import MAX_TRIES, Grader, run_grading_job
from assessor.services.jobs.timing import DEFAULT_TIMING, JobTiming

log = logging.getLogger(__name__)
RETRY_DELAY_SECONDS = 2.0


class JobQueue(Protocol):
    """Accepts submission ids for grading."""

    def enqueue(self, submission_id: int) -> None: ...

    def close(self) -> None: ...


class InProcessQueue:
    """A small worker pool in this process; retries our own failures after a short pause."""

    def __init__(self, database: Database, grader: Grader, workers: int | None = None,
                 retry_delay: float = RETRY_DELAY_SECONDS,
                 timing: JobTiming = DEFAULT_TIMING) -> None:
        self.database = database
        self.grader = grader
        self.timing = timing
        self.retry_delay = retry_delay
        self._pool = ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2,
                                        thread_name_prefix="kodprov-grade")
        self._timers: set[threading.Timer] = set()
        self._closed = False

    def enqueue(self, submission_id: int) -> None:
        """Grade ``submission_id`` on a worker thread. A process that is stopping (its
        interpreter shuts the pool before ``close`` runs) leaves it ``queued`` for the sweep."""
        if self._closed:
            return
        try:
            self._pool.submit(self._work, submission_id)
        except RuntimeError:  # "cannot schedule new futures after (interpreter) shutdown"
            self._closed = True
            log.info("submission %s stays queued: this process is stopping", submission_id)

    def _work(self, submission_id: int) -> None:
        try:
            status = run_grading_job(self.database, submission_id, self.grader, self.timing)
        except Exception:  # the database itself failed; the sweep picks it up later
            log.exception("grading job for submission %s crashed", submission_id)
            return
        if status == SubmissionStatus.QUEUED:
            self._later(submission_id)

    def _later(self, submission_id: int) -> None:
        timer = threading.Timer(self.retry_delay, self._retry, args=(submission_id,))
        timer.daemon = True
        self._timers.add(timer)
        timer.start()

    def _retry(self, submission_id: int) -> None:
        self._timers = {t for t in self._timers if t.is_alive()}
        self.enqueue(submission_id)

    def close(self) -> None:
        """Stop taking work, wait for the running jobs and hand back the rest: jobs not
        started and retries not yet due stay ``queued`` in the database, where the sweep of
        another process (or this one's next start) finds them."""
        if self._closed:
            return
        self._closed = True
        for timer in self._timers:
            timer.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)


class SynchronousQueue:
    """Grades each id before ``enqueue`` returns, retrying our own failures at once.

    The job runs on a thread of its own, as in the other queues: it gets its own database
    session and never touches the caller's (a request's) session.
    """

    def __init__(self, database: Database, grader: Grader) -> None:
        self.database = database
        self.grader = grader
        self._closed = False

    def enqueue(self, submission_id: int) -> None:
        """Grade ``submission_id`` now (up to ``MAX_TRIES`` tries when we fail)."""
        if self._closed:
            return
        worker = threading.Thread(target=self._work, args=(submission_id,),
                                  name="kodprov-grade-sync")
        worker.start()
        worker.join()

    def _work(self, submission_id: int) -> None:
        try:
            for _try in range(MAX_TRIES):  # "queued" again means our failure: try once more
                if run_grading_job(self.database, submission_id,
                                   self.grader) != SubmissionStatus.QUEUED:
                    return
        except Exception:  # the database itself failed, as in InProcessQueue
            log.exception("grading job for submission %s crashed", submission_id)

    def close(self) -> None:
        """Take no more work."""
        self._closed = True


def unfinished_submission_ids(database: Database) -> list[int]:
    """Submissions left queued or running (a worker died): they are graded again."""
    session = database.session()
    try:
        query = sa.select(Submission.id).where(
            Submission.status.in_([SubmissionStatus.QUEUED, SubmissionStatus.RUNNING])
        ).order_by(Submission.id)
        return list(session.scalars(query))
    finally:
        database.session.remove()


def make_queue(kind: str, database: Database, grader: Grader, redis_url: str = "") -> JobQueue:
    """The queue named by ``KODPROV_QUEUE``: ``inprocess``, ``celery`` or ``sync``."""
    if kind == "inprocess":
        return InProcessQueue(database, grader)
    if kind == "sync":
        return SynchronousQueue(database, grader)
    if kind == "celery":
        from assessor.services.jobs.celery_queue import CeleryQueue

        return CeleryQueue(redis_url)
    raise ValueError(f"KODPROV_QUEUE must be 'inprocess', 'celery' or 'sync', not {kind!r}")


def grade_waiting(database: Database, grader: Grader) -> int:
    """Grade every unfinished submission now, in this process; returns how many got graded.
    Those that fail on our side stay queued for the app's queue to retry."""
    statuses = [run_grading_job(database, submission_id, grader)
                for submission_id in unfinished_submission_ids(database)]
    return statuses.count(SubmissionStatus.GRADED)

"""Finding submissions a dead worker left behind, once per deployment at a time.

The sweep puts ``running`` submissions whose worker has been silent past the longest job
(plus a margin) back in the queue (or marks them ``error`` when their tries are used up), and
hands the queue every ``queued`` submission that has waited that long (at start-up: every
queued one). Only the process that holds the lease ``sweep`` (a row in ``job_lease``) sweeps,
so several web workers or Celery workers on several machines recover each submission once,
not once each; the atomic claim (``claims``) makes even a second delivery harmless.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from datetime import datetime, timedelta
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.infra.db import Database
from assessor.infra.unit_of_work import unit_of_work
from assessor.models import JobLease, Submission, SubmissionStatus
from assessor.services.jobs.grading_job import MAX_TRIES
from assessor.services.jobs.timing import DEFAULT_TIMING, JobTiming

log = logging.getLogger(__name__)
SWEEP_LEASE = "sweep"
WORKER_LOST = "the worker stopped while grading"


class Enqueue(Protocol):
    """Anything with ``enqueue(submission_id)``: a ``JobQueue``."""

    def enqueue(self, submission_id: int) -> None: ...


def holder_name() -> str:
    """This process, as a lease holder: host, process id and a random part."""
    return f"{socket.gethostname()[:80]}:{os.getpid()}:{secrets.token_hex(4)}"


def take_lease(session: Session, name: str, holder: str, now: datetime,
               duration: timedelta) -> bool:
    """Take (or renew) the lease ``name`` for ``duration``; False while another holds it."""
    renewed = session.execute(
        sa.update(JobLease)
        .where(JobLease.name == name,
               sa.or_(JobLease.expires_at < now, JobLease.holder == holder))
        .values(holder=holder, expires_at=now + duration)
        .execution_options(synchronize_session=False))
    if renewed.rowcount == 1:
        return True
    try:
        with session.begin_nested():
            session.add(JobLease(name=name, holder=holder, expires_at=now + duration))
    except sa.exc.IntegrityError:  # another process holds it
        return False
    return True


def requeue_left_behind(session: Session, now: datetime, timing: JobTiming) -> int:
    """Queue again the submissions ``running`` past ``stale_after`` (``error`` when their
    tries are used up); returns how many."""
    left = sa.and_(Submission.status == SubmissionStatus.RUNNING,
                   Submission.started_at < now - timing.stale_after)
    used_up = session.execute(
        sa.update(Submission).where(left, Submission.tries >= MAX_TRIES)
        .values(status=SubmissionStatus.ERROR, error=WORKER_LOST, finished_at=now,
                claim_token=None)
        .execution_options(synchronize_session=False)).rowcount
    again = session.execute(
        sa.update(Submission).where(left)
        .values(status=SubmissionStatus.QUEUED, claim_token=None)
        .execution_options(synchronize_session=False)).rowcount
    if used_up or again:
        log.warning("left behind by a worker: %d queued again, %d given up", again, used_up)
    return again + used_up


def waiting_ids(session: Session, now: datetime, waited: timedelta | None) -> list[int]:
    """Queued submissions that have waited at least ``waited`` since they were handed in or
    last tried (all queued ones for None), oldest first."""
    query = sa.select(Submission.id).where(Submission.status == SubmissionStatus.QUEUED)
    if waited is not None:
        since = sa.func.coalesce(Submission.started_at, Submission.created_at)
        query = query.where(since < now - waited)
    return list(session.scalars(query.order_by(Submission.id)))


def sweep(database: Database, queue: Enqueue, holder: str,
          timing: JobTiming = DEFAULT_TIMING, everything: bool = False) -> int | None:
    """One sweep, if this process holds the lease: left-behind submissions back in the queue;
    returns how many ids were handed to ``queue`` (None: another process sweeps now).
    ``everything`` (at start-up) hands over every queued submission, however new."""
    now = utcnow()
    with unit_of_work(database) as session:
        if not take_lease(session, SWEEP_LEASE, holder, now,
                          timedelta(seconds=timing.sweep_every)):
            return None
        requeue_left_behind(session, now, timing)
        ids = waiting_ids(session, now, None if everything else timing.stale_after)
    for submission_id in ids:  # after the commit: a worker must find them queued
        queue.enqueue(submission_id)
    if ids:
        log.info("handed %d waiting submissions to the queue", len(ids))
    return len(ids)


def recover_all(database: Database, queue: Enqueue | None,
                timing: JobTiming = DEFAULT_TIMING) -> int:
    """``kodprov recover``: queue again what dead workers left behind and hand every queued
    submission to ``queue`` (if any), without a lease (a deployment step run once); returns
    how many are queued."""
    now = utcnow()
    with unit_of_work(database) as session:
        requeue_left_behind(session, now, timing)
        ids = waiting_ids(session, now, None)
    for submission_id in ids if queue is not None else ():
        queue.enqueue(submission_id)
    return len(ids)


class Sweeper:
    """Sweeps in a background thread: at once (everything queued), then every
    ``timing.sweep_every`` seconds; only the lease holder of the deployment acts."""

    def __init__(self, database: Database, queue: Enqueue,
                 timing: JobTiming = DEFAULT_TIMING) -> None:
        self.database = database
        self.queue = queue
        self.timing = timing
        self.holder = holder_name()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kodprov-sweeper", daemon=True)

    def start(self) -> Sweeper:
        """Start sweeping; returns itself."""
        self._thread.start()
        return self

    def sweep_once(self, everything: bool = True) -> int | None:
        """One sweep now, on this thread (see ``sweep``); None also when the database
        could not be reached (not migrated yet, away: the next sweep tries again)."""
        try:
            return sweep(self.database, self.queue, self.holder, self.timing, everything)
        except sa.exc.SQLAlchemyError as error:
            log.warning("could not sweep the grading queue: %s", error)
            return None

    def _run(self) -> None:
        everything = True
        while not self._stop.is_set():
            if self.sweep_once(everything) is not None:
                everything = False
            self._stop.wait(self.timing.sweep_every)

    def stop(self) -> None:
        """Stop sweeping (a sweep under way finishes first)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=30)

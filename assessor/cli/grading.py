"""``kodprov worker``, ``kodprov recover`` and ``kodprov regrade``: grading on several machines."""

from __future__ import annotations

import atexit

import click

from assessor.cli import context
from assessor.domain.clock import from_local
from assessor.infra.db import Database
from assessor.infra.settings import Settings
from assessor.infra.unit_of_work import unit_of_work
from assessor.services.jobs.challenge_grader import ChallengeGrader
from assessor.services.jobs.queues import JobQueue, SynchronousQueue
from assessor.services.jobs.recovery import recover_all
from assessor.services.jobs.regrade_runs import RegradeError, start_regrade
from assessor.services.policy import SYSTEM
from sandbox import LazyRunner


def _challenge_grader(settings: Settings) -> ChallengeGrader:
    """The grader of this run: the settings' bank, graded in the settings' sandbox."""
    runner = LazyRunner(settings.sandbox_config)
    atexit.register(runner.close)  # a Docker pool's containers go when the command ends
    return ChallengeGrader(context.catalogue(), runner)


@click.command("worker")
@click.option("--concurrency", type=click.IntRange(1, 64), default=2, show_default=True,
              help="How many submissions this worker grades at once.")
@click.option("--name", default="", help="The worker's name (default: kodprov@host).")
def worker_command(concurrency: int, name: str) -> None:
    """Grade submissions from Redis (KODPROV_QUEUE=celery) until stopped; SIGTERM finishes
    the running jobs first."""
    from assessor.services.jobs.worker import run_worker  # Celery only when asked for

    settings = context.settings()
    database = context.database()
    try:
        run_worker(settings.redis_url, database, concurrency, _challenge_grader(settings),
                   name=name or "kodprov@%h")
    finally:
        database.dispose()


@click.command("recover")
def recover_command() -> None:
    """Queue again what stopped workers left behind; with Celery, send every waiting
    submission to the workers. A deployment step, run once before the web and workers start
    (an in-process queue's web app hands the waiting ones to its pool itself)."""
    settings = context.settings()
    database = context.database()
    queue = _celery_queue(settings) if settings.queue == "celery" else None
    try:
        count = recover_all(database, queue)
    finally:
        database.dispose()
    where = "sent to the workers" if queue else "waiting for the web app's queue"
    click.echo(f"{count} waiting submissions {where}.")


@click.command("regrade")
@click.option("--challenge", "challenge_id", required=True, help="The challenge's slug.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Only hand-ins from this day on (YYYY-MM-DD).")
def regrade_command(challenge_id: str, since) -> None:
    """Grade a challenge's stored attempts again through the queue (after the challenge was
    fixed); the old scores are kept beside the new ones, as on the admin's page."""
    catalogue = context.catalogue()
    if catalogue.challenge(challenge_id) is None:
        raise click.BadParameter(f"no challenge {challenge_id!r}", param_hint="--challenge")
    settings = context.settings()
    database = context.database()
    try:
        with unit_of_work(database) as session:
            run = start_regrade(session, SYSTEM, challenge_id, _queue_for(settings, database),
                                catalogue=catalogue, since=from_local(since) if since else None)
            count, run_id = len(run.items), run.id
    except RegradeError as error:
        raise click.UsageError(REGRADE_REFUSALS[error.code]) from None
    finally:
        database.dispose()
    click.echo(f"{count} hand-ins of {challenge_id} queued for regrading (run {run_id}).")


#: why a regrade did not start, for the command line
REGRADE_REFUSALS = {
    "unknown_challenge": "There is no such challenge.",
    "running": "A regrade of this challenge is still running. Nothing was changed.",
    "nothing": "There are no graded hand-ins of this challenge to regrade. Nothing was changed.",
}


def _celery_queue(settings: Settings) -> JobQueue:
    from assessor.services.jobs.celery_queue import CeleryQueue  # Celery only when asked for

    return CeleryQueue(settings.redis_url)


def _queue_for(settings: Settings, database: Database) -> JobQueue:
    """The deployment's Celery queue, or (in-process) grading here, in this command, once the
    regrade is committed."""
    if settings.queue == "celery":
        return _celery_queue(settings)
    return SynchronousQueue(database, _challenge_grader(settings))

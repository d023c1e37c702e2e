"""``kodprov worker`` and ``kodprov recover``: grading on several machines."""

from __future__ import annotations

import click

from assessor.infra.db import Database
from assessor.infra.settings import Settings
from assessor.infra.unit_of_work import unit_of_work
from assessor.services.jobs.recovery import recover_all


@click.command("worker")
@click.option("--concurrency", type=click.IntRange(1, 64), default=2, show_default=True,
              help="How many submissions this worker grades at once.")
@click.option("--name", default="", help="The worker's name (default: kodprov@host).")
def worker_command(concurrency: int, name: str) -> None:
    """Grade submissions from Redis (KODPROV_QUEUE=celery) until stopped; SIGTERM finishes
    the running jobs first."""
    from assessor.services.jobs.worker import run_worker  # Celery only when asked for

    settings = Settings.from_env()
    database = Database(settings.database_url)
    try:
        run_worker(settings.redis_url, database, concurrency,
                   name=name or "kodprov@%h")
    finally:
        database.dispose()


@click.command("recover")
def recover_command() -> None:
    """Queue again what stopped workers left behind; with Celery, send every waiting
    submission to the workers. A deployment step, run once before the web and workers start
    (an in-process queue's web app hands the waiting ones to its pool itself)."""
    settings = Settings.from_env()
    database = Database(settings.database_url)
    queue = None
    if settings.queue == "celery":
        from assessor.services.jobs.celery_queue import CeleryQueue

        queue = CeleryQueue(settings.redis_url)
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
    fixed); the old scores are kept beside the new ones."""
    from assessor.domain.clock import from_local
    from assessor.services import catalogue
    from assessor.services.jobs.regrade import regrade

    if catalogue.challenge(challenge_id) is None:
        raise click.BadParameter(f"no challenge {challenge_id!r}", param_hint="--challenge")
    settings = Settings.from_env()
    database = Database(settings.database_url)
    try:
        with unit_of_work(database) as session:
            ids = regrade(session, challenge_id, _queue_for(settings, database),
                          from_local(since) if since else None)
    finally:
        database.dispose()
    click.echo(f"{len(ids)} hand-ins of {challenge_id} queued for regrading.")


def _queue_for(settings: Settings, database: Database):
    """The deployment's Celery queue, or (in-process) grading here, in this command."""
    from assessor.services.jobs.challenge_grader import grade_challenge

    if settings.queue == "celery":
        from assessor.services.jobs.celery_queue import CeleryQueue

        return CeleryQueue(settings.redis_url)
    return _GradeHere(database, grade_challenge)


class _GradeHere:
    """Grades each id as it is queued, retrying our own failures at once."""

    def __init__(self, database: Database, grader) -> None:
        self.database = database
        self.grader = grader

    def enqueue(self, submission_id: int) -> None:
        from assessor.services.jobs.grading_job import MAX_TRIES, run_grading_job

        for _try in range(MAX_TRIES):
            if run_grading_job(self.database, submission_id, self.grader) != "queued":
                return

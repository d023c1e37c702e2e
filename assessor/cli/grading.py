"""``kodprov worker`` and ``kodprov recover``: grading on several machines."""

from __future__ import annotations

import click

from assessor.infra.db import Database
from assessor.infra.settings import Settings
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

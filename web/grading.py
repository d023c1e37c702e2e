"""The app's challenge bank, sandbox, grader and job queue, as its settings name them.

In a request, ``catalogue()`` is the app's challenge bank and ``sandbox()`` the runner that
grading and "Kör med egen indata" use.
"""

from __future__ import annotations

import atexit
import logging

from flask import Flask, current_app

from assessor.services.catalogue import Catalogue, catalogue_at
from assessor.services.jobs.challenge_grader import ChallengeGrader
from assessor.services.jobs.queues import make_queue, recover_unfinished
from sandbox import LazyRunner
from web import database

log = logging.getLogger(__name__)

def catalogue() -> Catalogue:
    """The challenge bank of the app that handles the request."""
    return current_app.extensions["kodprov_catalogue"]


def sandbox() -> LazyRunner:
    """The sandbox runner of the app that handles the request."""
    return current_app.extensions["kodprov_sandbox"]


def init_app(app: Flask) -> None:
    """Keep the bank (``KODPROV_CHALLENGES``), the sandbox (``KODPROV_SANDBOX``, made on first
    use), the grader (``KODPROV_GRADER``, else the challenge grader) and the queue
    (``KODPROV_QUEUE``) in ``app.extensions``. An in-process queue also picks up submissions a
    previous run left unfinished."""
    settings = app.config["KODPROV_SETTINGS"]
    bank = catalogue_at(settings.challenges_path)
    app.extensions["kodprov_catalogue"] = bank
    runner = LazyRunner(settings.sandbox_config)
    app.extensions["kodprov_sandbox"] = runner
    grader = app.config.get("KODPROV_GRADER")
    if grader is None:
        grader = ChallengeGrader(bank, runner)
    app.extensions["kodprov_grader"] = grader  # the staff preview runs examples with it too
    queue = make_queue(settings.queue, app.extensions["kodprov_db"], grader, settings.redis_url)
    app.extensions["kodprov_queue"] = queue
    atexit.register(runner.close)
    atexit.register(queue.close)  # registered last, so it runs first: jobs end before runs
    if settings.queue == "inprocess" and app.config.get("KODPROV_RECOVER_ON_START", True):
        recover_unfinished(app.extensions["kodprov_db"], queue)


def grade_after_commit(submission_id: int) -> None:
    """Queue the submission for grading once this request's transaction is committed (so a
    worker finds the row); a request that is rolled back queues nothing."""
    queue = current_app.extensions["kodprov_queue"]
    database.after_commit(lambda: queue.enqueue(submission_id))

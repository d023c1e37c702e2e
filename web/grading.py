"""The app's challenge bank, sandbox, grader and job queue, as its settings name them.

In a request, ``catalogue()`` is the app's challenge bank and ``sandbox()`` the runner that
grading and "Kör med egen indata" use.
"""

from __future__ import annotations

import atexit
import logging
import signal
import threading

from flask import Flask, current_app

from assessor.services.catalogue import Catalogue, catalogue_at
from assessor.services.jobs.challenge_grader import ChallengeGrader
from assessor.services.jobs.queues import make_queue
from assessor.services.jobs.recovery import Sweeper
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
    (``KODPROV_QUEUE``) in ``app.extensions``. An in-process queue also sweeps up submissions a
    previous run or a dead worker left unfinished (one process of the deployment at a time:
    ``assessor.services.jobs.recovery``)."""
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
    if settings.queue == "inprocess" and app.config.get("KODPROV_RECOVER_ON_START", True):
        sweeper = Sweeper(app.extensions["kodprov_db"], queue)
        if app.testing:  # tests make many apps: one sweep at start, no thread outliving them
            sweeper.sweep_once()
        else:
            app.extensions["kodprov_sweeper"] = sweeper.start()
    atexit.register(runner.close)
    atexit.register(stop_grading, app)  # registered last, so it runs first: jobs end before runs
    if not app.testing:
        _stop_cleanly_on_sigterm(app)


def stop_grading(app: Flask) -> None:
    """Stop the app's sweep and queue: running jobs finish, jobs not started stay ``queued``
    for the next sweep (handed back). Safe to call more than once; gunicorn's ``worker_exit``
    hook (``deploy/gunicorn.conf.py``) calls it before the interpreter shuts down."""
    sweeper = app.extensions.pop("kodprov_sweeper", None)
    if sweeper is not None:
        sweeper.stop()
    app.extensions["kodprov_queue"].close()


def _stop_cleanly_on_sigterm(app: Flask) -> None:
    """Under a plain server (``make run``, ``flask run``) SIGTERM would end the process
    without its exit handlers: running jobs cut off, their containers left behind. Make it
    a clean exit (the sandbox removes its containers at exit). A server that handles SIGTERM
    itself (gunicorn) is left alone."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def stop(signum: int, _frame: object) -> None:
        log.info("SIGTERM: finishing the running grading jobs")
        stop_grading(app)
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)


def grade_after_commit(submission_id: int) -> None:
    """Queue the submission for grading once this request's transaction is committed (so a
    worker finds the row); a request that is rolled back queues nothing."""
    queue = current_app.extensions["kodprov_queue"]
    database.after_commit(lambda: queue.enqueue(submission_id))

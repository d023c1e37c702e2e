"""The app's job queue: submissions go in by id and are graded in the background."""

from __future__ import annotations

import atexit
import logging
import signal
import threading

from flask import Flask, current_app

from assessor.services.jobs.challenge_grader import grade_challenge
from assessor.services.jobs.queues import make_queue
from assessor.services.jobs.recovery import Sweeper
from web import database

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Create the configured queue (``KODPROV_QUEUE``); an in-process queue also sweeps up
    submissions a previous run or a dead worker left unfinished (one process of the
    deployment at a time: ``assessor.services.jobs.recovery``). The grader
    (``KODPROV_GRADER``, else the challenge grader) is kept as
    ``app.extensions["kodprov_grader"]``."""
    grader = app.config.get("KODPROV_GRADER")
    if grader is None:
        grader = grade_challenge
    app.extensions["kodprov_grader"] = grader  # the staff preview runs examples with it too
    settings = app.config["KODPROV_SETTINGS"]
    kind = app.config.get("KODPROV_QUEUE", settings.queue)
    queue = make_queue(kind, app.extensions["kodprov_db"], grader, settings.redis_url)
    app.extensions["kodprov_queue"] = queue
    if kind == "inprocess" and app.config.get("KODPROV_RECOVER_ON_START", True):
        sweeper = Sweeper(app.extensions["kodprov_db"], queue)
        if app.testing:  # tests make many apps: one sweep at start, no thread outliving them
            sweeper.sweep_once()
        else:
            app.extensions["kodprov_sweeper"] = sweeper.start()
    atexit.register(stop_grading, app)
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

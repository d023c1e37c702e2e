"""A graceful stop (SIGTERM) finishes the running jobs and hands back the rest: the Celery
worker process, the web app under a plain server, and the in-process queue itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest

from assessor.services.jobs import GradeOutcome, InProcessQueue
from assessor.services.jobs.recovery import sweep
from tests.jobs.conftest import RecordingGrader, reload, wait_until_done
from tests.jobs.test_celery_faults import (  # noqa: F401 (fixtures)
    ROOT,
    _wait_for,
    start_worker,
)


class HeldGrader(RecordingGrader):
    """The first call waits until the test lets it go."""

    def __init__(self) -> None:
        super().__init__(GradeOutcome(score=1.0))
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args, **kwargs):
        if not self.started.is_set():
            self.started.set()
            self.release.wait(30)
        return super().__call__(*args, **kwargs)


def test_closing_the_in_process_queue_finishes_the_running_job_and_hands_back_the_rest(
        database, make_submission):
    running, *waiting = [make_submission() for _ in range(4)]
    grader = HeldGrader()
    queue = InProcessQueue(database, grader, workers=1)
    for submission_id in (running, *waiting):
        queue.enqueue(submission_id)
    assert grader.started.wait(30)
    closing = threading.Thread(target=queue.close)
    closing.start()
    grader.release.set()
    closing.join(60)
    assert reload(database, running).status == "graded"
    assert [(reload(database, i).status, reload(database, i).tries) for i in waiting] == [
        ("queued", 0)] * 3
    again = InProcessQueue(database, grader, workers=1)  # the next start takes them up
    try:
        assert sweep(database, again, "next start", everything=True) == 3
        assert all(wait_until_done(database, i).status == "graded" for i in waiting)
    finally:
        again.close()


def test_a_hand_in_sent_while_the_process_stops_stays_queued_for_the_sweep(
        database, make_submission):
    submission_id = make_submission()
    queue = InProcessQueue(database, RecordingGrader(GradeOutcome(score=1.0)), workers=1)
    queue._pool.shutdown(wait=True)  # what the interpreter does at exit, before close() runs
    queue.enqueue(submission_id)  # a sweep or a late request: no error, nothing lost
    queue.close()
    assert (reload(database, submission_id).status, reload(database, submission_id).tries) == (
        "queued", 0)


@pytest.mark.redis
def test_sigterm_lets_a_celery_worker_finish_its_job_and_exit(
        own_redis, database, start_worker, make_submission, tmp_path):  # noqa: F811
    from assessor.services.jobs.celery_queue import CeleryQueue
    from tests.jobs.celery_worker_process import SHORT

    worker = start_worker("linger")
    submission_id = make_submission(files={"main.py": "stopped"})
    CeleryQueue(own_redis.url, SHORT).enqueue(submission_id)
    _wait_for("stopped.*.try", tmp_path)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(60) == 0
    done = reload(database, submission_id)
    assert (done.status, done.tries, done.result["pid"]) == ("graded", 1, worker.pid)


def test_sigterm_lets_the_web_app_under_a_plain_server_finish_its_job_and_exit(
        database, make_submission, tmp_path):
    submission_id = make_submission(files={"main.py": "web"})
    database.engine.dispose()
    web = subprocess.Popen(
        [sys.executable, "-m", "tests.jobs.web_process", str(tmp_path), str(submission_id)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "KODPROV_ENV": "development",
                       "KODPROV_DATABASE_URL": database.url, "KODPROV_SANDBOX": "process",
                       "KODPROV_INSTANCE_PATH": str(tmp_path)})
    try:
        _wait_for("web.*.try", tmp_path)
        web.send_signal(signal.SIGTERM)
        assert web.wait(60) == 0
    finally:
        if web.poll() is None:
            web.kill()
    assert reload(database, submission_id).status == "graded"

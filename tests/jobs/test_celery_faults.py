"""Faults with a real Redis (our own redis-server, never the shared one), real Celery worker
processes (``kodprov worker``'s ``run_worker``) and PostgreSQL: a worker killed with SIGKILL
mid-grading, and Redis restarted during a burst. Each hand-in gets exactly one result."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assessor.infra.db import Database
from assessor.models.base import Base
from tests.jobs.celery_worker_process import SHORT
from tests.jobs.conftest import reload, wait_until_done
from tests.services import fresh_postgres_database

pytestmark = [pytest.mark.redis, pytest.mark.postgres]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database():
    """A fresh PostgreSQL database (overrides the SQLite one: workers are processes)."""
    with fresh_postgres_database("kodprov_faults") as url:
        database = Database(url)
        Base.metadata.create_all(database.engine)
        yield database
        database.dispose()


@pytest.fixture
def start_worker(own_redis, database, tmp_path):
    """Starts worker processes (each in its own process group); stops what is left."""
    started: list[subprocess.Popen] = []

    def start(mode: str) -> subprocess.Popen:
        log = (tmp_path / f"worker{len(started)}.log").open("w")
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.jobs.celery_worker_process", own_redis.url,
             database.url, str(tmp_path), mode],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in started:
        try:
            worker.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)


def _wait_for(path_glob: str, folder: Path, limit: float = 60.0) -> list[Path]:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = sorted(folder.glob(path_glob))
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"nothing matched {path_glob}")


def test_a_worker_killed_mid_grading_leaves_it_to_another_worker_and_one_result(
        own_redis, database, start_worker, make_submission, tmp_path):
    from assessor.services.jobs.celery_queue import CeleryQueue

    workers = [start_worker("hang-first"), start_worker("hang-first")]
    submission_id = make_submission(files={"main.py": "killed"})
    CeleryQueue(own_redis.url, SHORT).enqueue(submission_id)
    first_try = _wait_for("killed.*.try", tmp_path)[0]
    killed_pid = int(first_try.name.split(".")[1])
    assert killed_pid in [w.pid for w in workers]
    os.killpg(killed_pid, signal.SIGKILL)  # the machine dies: no goodbye, no acknowledgement
    done = wait_until_done(database, submission_id)
    assert done.status == "graded" and done.tries == 2
    assert done.result["pid"] != killed_pid
    tries = sorted(tmp_path.glob("killed.*.try"))
    assert len(tries) == 2  # the killed try and the one that counted, nothing more
    time.sleep(SHORT.visibility_timeout + 1)  # Redis hands the killed worker's message out
    assert reload(database, submission_id).tries == 2  # again: the claim refuses it
    assert len(sorted(tmp_path.glob("killed.*.try"))) == 2


def test_redis_restarted_during_a_burst_loses_nothing_and_grades_nothing_twice(
        own_redis, database, start_worker, make_submission, tmp_path):
    from assessor.services.jobs.celery_queue import CeleryQueue

    start_worker("slow")
    queue = CeleryQueue(own_redis.url, SHORT)
    ids = []
    for n in range(12):
        if n == 4:  # mid-burst: Redis goes down and comes back on the same port and file
            own_redis.stop()
        if n == 8:
            own_redis.start()
        submission_id = make_submission(files={"main.py": f"burst{n}"})
        queue.enqueue(submission_id)  # while Redis is down this only logs: the sweep sends it
        ids.append(submission_id)
    for n, submission_id in enumerate(ids):
        done = wait_until_done(database, submission_id, limit=120)
        assert (done.status, done.tries) == ("graded", 1)
        assert len(list(tmp_path.glob(f"burst{n}.*.try"))) == 1

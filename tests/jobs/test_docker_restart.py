"""The Docker engine dies mid-run and comes back: the runs it took down return as
``sandbox_error``, are retried, and every hand-in gets one result; the candidate's page says
"being graded" all the while, never a failure.

Real parts only: the candidate hands in through the app (``KODPROV_QUEUE=celery``), a
``kodprov worker`` process grades in Docker, with PostgreSQL, a Redis of this test and a
Docker engine of this test (``private_docker``), never the machine's own engine.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import Submission
from sandbox.image.build import DEFAULT_IMAGE
from tests.jobs.private_docker import PrivateEngine, can_start_engine
from tests.services import docker_available, fresh_postgres_database, require_service

pytestmark = [pytest.mark.docker, pytest.mark.redis, pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
TASK, FILE = "p1-summa-medel", "medel.py"
#: the reference solution, slowed down so that the engine can be killed while it runs
SOLUTION = "import time\ntime.sleep(0.5)\n" + (
    ROOT / "challenges" / TASK / "solution" / FILE).read_text()
HAND_INS = 3
LIMIT = 240.0  #: only stops a hung test
BEING_GRADED = {"queued": "väntar på sin tur", "running": "rättas nu"}
FAILURE = "Vi kunde inte rätta din kod"


@pytest.fixture
def database_url():
    """A fresh PostgreSQL database: the worker is another process."""
    with fresh_postgres_database("kodprov_engine") as url:
        yield url


@pytest.fixture
def app_config(own_redis):
    return {"KODPROV_QUEUE": "celery", "KODPROV_REDIS_URL": own_redis.url}


@pytest.fixture
def engine():
    """A Docker engine of this test with the sandbox image; removed with all it made."""
    require_service("dockerd", can_start_engine(), "install docker.io and run as root")
    require_service("Docker", docker_available(), "run scripts/services.sh as root")
    engine = PrivateEngine()
    try:
        engine.start()
        engine.load(DEFAULT_IMAGE)
        yield engine
    finally:
        engine.close()


@pytest.fixture
def worker(app, engine, database_url, own_redis, tmp_path):
    """``kodprov worker --concurrency 2`` grading in ``engine`` (after ``app`` made the
    schema); stopped with SIGTERM, as systemd does."""
    env = {**os.environ, "DOCKER_HOST": engine.url, "KODPROV_ENV": "development",
           "KODPROV_DATABASE_URL": database_url, "KODPROV_REDIS_URL": own_redis.url,
           "KODPROV_QUEUE": "celery", "KODPROV_SANDBOX": "docker",
           "KODPROV_SANDBOX_POOL_SIZE": "0", "KODPROV_INSTANCE_PATH": str(tmp_path)}
    with (tmp_path / "worker.log").open("w") as log:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "kodprov"), "worker", "--concurrency", "2"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(150)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)


def hand_in(client, number: int) -> int:
    response = client.post(f"/uppgifter/{TASK}/skicka",
                           data={f"file:{FILE}": SOLUTION, "token": f"engine-{number}"},
                           headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.json["ok"], response.data
    return response.json["id"]


def rows(app, ids: list[int]) -> dict[int, Submission]:
    with Session(app.extensions["kodprov_db"].engine, expire_on_commit=False) as session:
        return {s.id: s for s in session.scalars(
            sa.select(Submission).where(Submission.id.in_(ids)))}


def candidate_sees(client, submission_id: int) -> tuple[str, str]:
    """The status and text of the candidate's result page (what its script shows)."""
    answer = client.get(f"/uppgifter/inlamning/{submission_id}",
                        headers={"Accept": "application/json"}).json
    return answer["status"], answer["html"]


def test_an_engine_killed_mid_run_is_retried_and_the_candidate_sees_being_graded(
        app, client, make_user, login, engine, worker, tmp_path):
    login(make_user(tests_consent=True))
    ids = [hand_in(client, n) for n in range(HAND_INS)]
    pages: list[tuple[str, str]] = []

    def watch_until(condition) -> None:
        deadline = time.monotonic() + LIMIT
        while not condition():
            assert time.monotonic() < deadline, (tmp_path / "worker.log").read_text()[-3000:]
            pages.extend(candidate_sees(client, i) for i in ids)
            time.sleep(0.1)

    docker_client = engine.client()
    watch_until(lambda: docker_client.api.containers(filters={"status": "running"}))
    docker_client.close()
    engine.kill()  # a run is going on in it now
    errors: list[str] = []

    def a_run_came_back_as_our_error() -> bool:  # sandbox_error: queued again, to be retried
        errors.extend(r.error for r in rows(app, ids).values() if r.status == "queued"
                      and r.error)
        return bool(errors)

    watch_until(a_run_came_back_as_our_error)
    engine.start()  # back: the retries find it
    watch_until(lambda: all(r.done for r in rows(app, ids).values()))
    pages.extend(candidate_sees(client, i) for i in ids)

    done = rows(app, ids)
    assert [(r.status, r.score) for r in done.values()] == [("graded", 1.0)] * HAND_INS
    assert any(r.tries >= 2 for r in done.values())  # a run the engine took down, tried again
    assert "Docker" in errors[0]
    assert all(r.error == "" and r.finished_at for r in done.values())
    for status, html in pages:
        assert FAILURE not in html
        if status in BEING_GRADED:
            assert BEING_GRADED[status] in html
    assert {status for status, _ in pages} >= {"queued", "graded"}

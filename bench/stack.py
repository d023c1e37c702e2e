"""What a benchmark grades with besides gunicorn (``serving``): a PostgreSQL database of its
own, a Redis of its own and ``kodprov worker`` processes, each removed or stopped afterwards
(with any sandbox container a worker left behind)."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from bench.serving import ROOT, free_port, stop

#: the server the fresh database is made on (the role needs CREATEDB), as the tests use
POSTGRES_SERVER = os.environ.get(
    "KODPROV_TEST_POSTGRES_URL", "postgresql+psycopg://kodprov:kodprov@127.0.0.1:5432/kodprov_test")
#: a warm shutdown finishes the running jobs: up to the longest job
WORKER_STOP_SECONDS = 120.0


@contextmanager
def own_database(prefix: str = "kodprov_bench") -> Iterator[str]:
    """The URL of a new, empty database on ``POSTGRES_SERVER``, dropped afterwards."""
    server = sa.make_url(POSTGRES_SERVER)
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def own_redis() -> Iterator[str]:
    """A ``redis-server`` of this run alone on a free port, without persistence (the shared
    one's queues and counts stay untouched); yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit("redis-server did not start") from None
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


@contextmanager
def grading_workers(environment: dict[str, str], count: int, concurrency: int,
                    logs: Path) -> Iterator[list[subprocess.Popen]]:
    """``count`` processes of ``kodprov worker --concurrency N`` with the app's settings in
    ``environment``; their output goes to ``logs``. Stopped with SIGTERM (a warm shutdown:
    running jobs finish, the sandbox removes its containers), then SIGKILL; containers a
    worker still left are removed."""
    env = {**os.environ, "KODPROV_ENV": "development", **environment}
    workers = []
    try:
        for number in range(count):
            log = (logs / f"worker{number}.log").open("w")
            workers.append(subprocess.Popen(
                [str(ROOT / ".venv/bin/kodprov"), "worker", "--concurrency", str(concurrency),
                 "--name", f"bench{number}@%h"], cwd=ROOT, env=env, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True))
        yield workers
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(WORKER_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(30)
        remove_containers([worker.pid for worker in workers])


def remove_containers(pids: list[int]) -> int:
    """Remove the sandbox containers that the processes ``pids`` of this machine made and
    left behind; returns how many."""
    from sandbox import engine
    from sandbox.containers import OWNER_LABEL
    from sandbox.janitor import labelled

    if not pids or not engine.engine_answers():
        return 0
    owners = tuple(f"{socket.gethostname()}:{pid}:" for pid in pids)
    client = engine.connect()
    removed = 0
    try:
        for container in labelled(client):
            if container["Labels"].get(OWNER_LABEL, "").startswith(owners):
                client.api.remove_container(container["Id"], force=True)
                removed += 1
    finally:
        client.close()
    return removed

"""A Mini Hackathon evening graded on Celery: 40 participants hand in 3 solutions each within
10 seconds. How long until each verdict, is anything lost or graded twice, does the task page
stay fast, and how many hand-ins does one worker machine grade a second?

Starts on 127.0.0.1, all of its own and all removed afterwards: a fresh PostgreSQL database,
a ``redis-server``, WORKERS ``kodprov worker --concurrency CONCURRENCY`` processes grading in
Docker (the sandbox image ``kodprov-sandbox:latest``) and gunicorn with
``deploy/gunicorn.conf.py`` (2 workers × 4 threads), with ``KODPROV_QUEUE=celery``. Then, in
one run, through the real forms with their CSRF tokens:

1. every participant logs in and says yes to "Tests and results" on the task page;
2. single: one more person hands in alone, SINGLES times, each after the last verdict (one
   untimed hand-in first warms the workers up); its median submit-to-verdict time;
3. burst: each of PARTICIPANTS hands in HAND_INS solutions, spread over BURST_SECONDS;
   submit-to-verdict is from the moment the form is sent to the verdict's ``finished_at``;
4. page: PAGE_CLIENTS logged-in clients at once ask for ``/om`` (trivial) PAGE_ROUNDS times
   each, then for the task page, and the two 95th percentiles are compared.

Lost: hand-ins sent but not graded by the end. Twice: hand-ins whose grading started more
than once (``tries`` > 1), from the database. The sustained rate is the burst's graded
hand-ins over the time from its first to its last verdict, all on this one machine. Last line:
``burst p95/single = X.XX lost = N twice = M page p95/trivial = Y.YY`` (goals: at most 3, 0,
0, at most 3). Bounded: TIMEOUT seconds in all. Run: ``.venv/bin/python bench/hackathon.py``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from assessor.infra import migrate
from assessor.infra.db import Database
from assessor.models import Submission
from assessor.services.accounts import create_user
from bench.browser import Browser, p95
from bench.serving import ROOT, serving
from bench.stack import grading_workers, own_database, own_redis

PARTICIPANTS, HAND_INS, BURST_SECONDS = 40, 3, 10.0
SINGLES = 3
PAGE_CLIENTS, PAGE_ROUNDS = 50, 4
WORKERS, CONCURRENCY = 2, 1  #: two jobs at once on this machine, as deploy/ sizes one per core
TIMEOUT = 900.0
TASK, FILE = "p1-summa-medel", "medel.py"
PASSWORD = "bench-password-1"
GUNICORN = ["--config", str(ROOT / "deploy/gunicorn.conf.py")]


def email(number: int) -> str:
    return f"deltagare{number:02d}@example.se"


def prepare(database: str) -> None:
    """The schema, and a candidate account per participant (and one for the single runs)."""
    migrate.upgrade(database)
    db = Database(database)
    with db.session() as session:
        for number in range(PARTICIPANTS + 1):
            create_user(session, email=email(number), name=f"Deltagare {number:02d}",
                        role="candidate", password=PASSWORD)
        session.commit()
    db.dispose()


def log_in_and_say_yes(base: str, number: int) -> Browser:
    person = Browser(base)
    person.get("/konto/logga-in")
    person.post("/konto/logga-in", {"email": email(number), "password": PASSWORD})
    person.get(f"/uppgifter/{TASK}")
    person.post(f"/uppgifter/{TASK}/samtycke", {f"file:{FILE}": "print(0)"})
    return person


def hand_in(person: Browser, code: str) -> tuple[int | None, float]:
    """Send the task's form; the new submission's id (None when refused) and when it was sent
    (seconds since the epoch, to compare with the database's times)."""
    sent = time.time()
    answer = json.loads(person.post(f"/uppgifter/{TASK}/skicka", {
        f"file:{FILE}": code, "token": str(uuid.uuid4())}, "application/json"))
    return (answer["id"] if answer.get("ok") else None), sent


def verdicts(db: Database, ids: list[int], deadline: float) -> dict[int, Submission]:
    """The submissions ``ids`` once all are done, or as they are at ``deadline``."""
    while True:
        with db.session() as session:
            rows = {s.id: s for s in session.scalars(
                sa.select(Submission).where(Submission.id.in_(ids)))}
            for row in rows.values():
                session.expunge(row)
        if all(r.done for r in rows.values()) or time.monotonic() > deadline:
            return rows
        time.sleep(0.2)


def single(db: Database, person: Browser, deadline: float) -> list[float]:
    """Submit-to-verdict seconds of hand-ins sent alone, one after the other."""
    times = []
    for count in range(SINGLES + 1):  # the first only warms up
        submission_id, sent = hand_in(person, f"# ensam {count}\nprint({count})")
        done = verdicts(db, [submission_id], deadline)[submission_id]
        if not done.done:
            raise SystemExit("a single hand-in got no verdict in time")
        if count:
            times.append(done.finished_at.timestamp() - sent)
    return times


def burst(people: list[Browser], deadline: float) -> tuple[dict[int, float], int]:
    """Every participant hands in HAND_INS times within BURST_SECONDS; the accepted ids with
    when each was sent, and how many were refused or failed."""
    accepted, failed, lock = {}, [0], threading.Lock()

    def participant(number: int, person: Browser) -> None:
        for count in range(HAND_INS):
            time.sleep(random.uniform(0, BURST_SECONDS / HAND_INS))
            try:
                submission_id, sent = hand_in(person, f"# {number} {count}\nprint({count})")
            except OSError:
                submission_id, sent = None, 0.0
            with lock:
                if submission_id is None:
                    failed[0] += 1
                else:
                    accepted[submission_id] = sent

    threads = [threading.Thread(target=participant, args=(n, p), daemon=True)
               for n, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, deadline - time.monotonic()))
    return accepted, failed[0]


def under_load(people: list[Browser], path: str) -> list[float]:
    """Answer times of ``path`` with PAGE_CLIENTS clients asking at once, PAGE_ROUNDS each."""
    times, lock, start = [], threading.Lock(), threading.Barrier(PAGE_CLIENTS)

    def client(person: Browser) -> None:
        start.wait(60)
        for _ in range(PAGE_ROUNDS):
            begun = time.perf_counter()
            person.get(path)
            with lock:
                times.append(time.perf_counter() - begun)

    threads = [threading.Thread(target=client, args=(people[n % len(people)],), daemon=True)
               for n in range(PAGE_CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return times


def main() -> None:
    deadline = time.monotonic() + TIMEOUT
    with tempfile.TemporaryDirectory(prefix="kodprov-hackathon-") as folder, \
            own_database() as database, own_redis() as redis_url:
        prepare(database)
        environment = {"KODPROV_DATABASE_URL": database, "KODPROV_REDIS_URL": redis_url,
                       "KODPROV_QUEUE": "celery", "KODPROV_SANDBOX": "docker",
                       "KODPROV_INSTANCE_PATH": folder}
        db = Database(database)
        try:
            with grading_workers(environment, WORKERS, CONCURRENCY, Path(folder)), \
                    serving(environment, GUNICORN) as base:
                report(db, *run(db, base, deadline))
        finally:
            db.dispose()


def run(db: Database, base: str, deadline: float):
    people = [log_in_and_say_yes(base, n) for n in range(PARTICIPANTS)]
    alone = single(db, log_in_and_say_yes(base, PARTICIPANTS), deadline)
    accepted, failed = burst(people, deadline)
    rows = verdicts(db, list(accepted), deadline)
    trivial = under_load(people, "/om")
    page = under_load(people, f"/uppgifter/{TASK}")
    return alone, accepted, failed, rows, trivial, page


def report(db: Database, alone, accepted, failed, rows, trivial, page) -> None:
    with db.session() as session:
        twice = session.scalar(sa.select(sa.func.count()).where(Submission.tries > 1))
        errors = session.scalar(sa.select(sa.func.count()).where(Submission.status == "error"))
    graded = [r for r in rows.values() if r.status == "graded"]
    if not graded:
        raise SystemExit(f"no hand-in of the burst was graded ({len(accepted)} accepted)")
    waits = [r.finished_at.timestamp() - accepted[r.id] for r in graded]
    finished = sorted(r.finished_at.timestamp() for r in graded)
    span = finished[-1] - finished[0] if len(finished) > 1 else float("nan")
    rate = (len(finished) - 1) / span
    sent = PARTICIPANTS * HAND_INS
    lost = sent - len(graded)
    single_median = statistics.median(alone)
    print(f"machine: {os.cpu_count()} CPUs; {WORKERS} × kodprov worker --concurrency "
          f"{CONCURRENCY}, gunicorn 2 × 4 threads, PostgreSQL and Redis all on it")
    print(f"single hand-in, submit to verdict: median {single_median:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in alone)})")
    print(f"burst: {PARTICIPANTS} participants × {HAND_INS} in {BURST_SECONDS:.0f} s: sent "
          f"{sent}, accepted {len(accepted)}, refused or failed {failed}, graded "
          f"{len(graded)}, our errors {errors}")
    print(f"burst submit to verdict: p50 {statistics.median(waits):.2f} s, "
          f"p95 {p95(waits):.2f} s, longest {max(waits):.2f} s")
    print(f"sustained grading rate: {rate:.2f} hand-ins/s ({rate * 60:.0f} a minute) per "
          f"worker machine, over {span:.1f} s")
    print(f"{PAGE_CLIENTS} clients at once: /om p95 {p95(trivial) * 1000:.0f} ms "
          f"(n = {len(trivial)}), task page p95 {p95(page) * 1000:.0f} ms (n = {len(page)})")
    print(f"burst p95/single = {p95(waits) / single_median:.2f} lost = {lost} twice = {twice} "
          f"page p95/trivial = {p95(page) / p95(trivial):.2f}")


if __name__ == "__main__":
    main()

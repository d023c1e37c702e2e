"""Exactly one result per hand-in: the atomic claim and the sweep, on SQLite and PostgreSQL,
with real threads and processes racing for the same submissions."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from assessor.domain.clock import utcnow
from assessor.infra.db import Database
from assessor.infra.unit_of_work import unit_of_work
from assessor.models import Submission
from assessor.models.base import Base
from assessor.services.jobs import GradeOutcome, InProcessQueue, claims, run_grading_job
from assessor.services.jobs.grading_job import MAX_TRIES
from assessor.services.jobs.recovery import Sweeper, sweep
from assessor.services.jobs.timing import JobTiming
from tests.jobs.conftest import RecordingGrader, reload, wait_until_done
from tests.services import BOTH_DATABASES, database_of_kind

SHORT = JobTiming(longest_job=0.0, margin=0.2, sweep_every=0.2, first_retry=0.01)
#: sweeps as often, but a job counts as left behind only after a minute: on a busy machine a
#: live job can take longer than SHORT's 0.2 s, and its sweep would hand it out again
PATIENT = JobTiming(longest_job=60.0, margin=0.2, sweep_every=0.2, first_retry=0.01)


@pytest.fixture(params=BOTH_DATABASES)
def database(request, tmp_path):
    """The jobs' database on SQLite and on PostgreSQL (overrides the SQLite-only one)."""
    with database_of_kind(request.param, tmp_path, "kodprov_jobs") as url:
        database = Database(url)
        Base.metadata.create_all(database.engine)
        yield database
        database.dispose()


class WaitingGrader(RecordingGrader):
    """Holds every call until ``release`` is set, so that racers overlap for certain."""

    def __init__(self, *outcomes: GradeOutcome) -> None:
        super().__init__(*outcomes)
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args, **kwargs):
        self.started.set()
        self.release.wait(30)
        return super().__call__(*args, **kwargs)


def test_threads_racing_for_one_submission_grade_it_once(database, make_submission):
    submission_id = make_submission()
    grader = WaitingGrader(GradeOutcome(score=0.5))
    statuses: list[str] = []
    barrier = threading.Barrier(8)

    def race() -> None:
        barrier.wait()
        statuses.append(run_grading_job(database, submission_id, grader))

    racers = [threading.Thread(target=race) for _ in range(8)]
    for racer in racers:
        racer.start()
    assert grader.started.wait(30)
    grader.release.set()
    for racer in racers:
        racer.join()
    done = reload(database, submission_id)
    assert len(grader.calls) == 1 and done.tries == 1 and done.score == 0.5
    assert statuses.count("graded") >= 1 and "queued" not in statuses


def _grade_in_a_process(url: str, ids: list[int], calls_folder: str) -> None:
    """A separate process grading ``ids`` (a forked copy gets its own engine)."""
    database = Database(url)
    folder = Path(calls_folder)

    def grader(challenge_id, files, seed, visible_only, locale="sv"):
        with (folder / f"{files['main.py']}.calls").open("a") as calls:
            calls.write("called\n")
        return GradeOutcome(score=1.0)

    for submission_id in ids:
        run_grading_job(database, submission_id, grader)
    database.dispose()


def test_processes_racing_for_the_same_submissions_grade_each_once(database, make_submission,
                                                                    tmp_path):
    ids = [make_submission(files={"main.py": f"s{n}"}) for n in range(20)]
    database.engine.dispose()  # no pooled connection crosses the fork
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_grade_in_a_process,
                               args=(database.url if isinstance(database.url, str)
                                     else str(database.url), order, str(tmp_path)))
               for order in (ids, ids[::-1], ids, ids[::-1])]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    for n, submission_id in enumerate(ids):
        done = reload(database, submission_id)
        assert (done.status, done.tries) == ("graded", 1)
        assert (tmp_path / f"s{n}.calls").read_text() == "called\n"


def test_a_try_that_was_taken_over_stores_nothing(database, make_submission):
    submission_id = make_submission()
    now = utcnow()
    with unit_of_work(database) as session:
        old_token = claims.claim(session, submission_id, now, SHORT.stale_after)
    later = now + timedelta(seconds=5)
    with unit_of_work(database) as session:  # the first worker looks dead: another takes it
        new_token = claims.claim(session, submission_id, later, SHORT.stale_after)
    assert old_token and new_token and old_token != new_token
    with unit_of_work(database) as session:
        assert claims.finish(session, submission_id, new_token,
                             {"status": "graded", "score": 0.25, "claim_token": None})
    with unit_of_work(database) as session:  # the first worker wakes up: too late
        assert not claims.finish(session, submission_id, old_token,
                                 {"status": "graded", "score": 1.0, "claim_token": None})
    done = reload(database, submission_id)
    assert (done.score, done.tries) == (0.25, 2)


def test_a_running_submission_is_not_taken_before_its_worker_counts_as_dead(
        database, make_submission):
    submission_id = make_submission(status="running", tries=1, started_at=utcnow())
    grader = RecordingGrader()
    assert run_grading_job(database, submission_id, grader) == "running"
    assert grader.calls == []


class Collect:
    """A queue that only collects the ids handed to it."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.lock = threading.Lock()

    def enqueue(self, submission_id: int) -> None:
        with self.lock:
            self.ids.append(submission_id)


def test_the_sweep_runs_in_one_process_of_the_deployment_at_a_time(database, make_submission):
    ids = [make_submission() for _ in range(5)]
    queues = [Collect() for _ in range(4)]
    results: list[int | None] = []
    barrier = threading.Barrier(len(queues))

    def start_up(queue: Collect, n: int) -> None:
        barrier.wait()
        results.append(sweep(database, queue, f"worker-{n}", SHORT, everything=True))

    starters = [threading.Thread(target=start_up, args=(q, n)) for n, q in enumerate(queues)]
    for starter in starters:
        starter.start()
    for starter in starters:
        starter.join()
    assert sorted(results, key=str) == [5, None, None, None]
    assert sorted(i for q in queues for i in q.ids) == ids


def test_a_submission_left_running_is_queued_again_and_given_up_after_its_tries(
        database, make_submission):
    long_ago = utcnow() - timedelta(hours=1)
    stuck = make_submission(status="running", tries=1, started_at=long_ago)
    used_up = make_submission(status="running", tries=MAX_TRIES, started_at=long_ago)
    fresh = make_submission(status="running", tries=1, started_at=utcnow() + timedelta(hours=1))
    queue = Collect()
    sweep(database, queue, "me", SHORT)
    assert queue.ids == [stuck]
    assert reload(database, used_up).status == "error"
    assert reload(database, fresh).status == "running"


def test_web_workers_restarted_with_jobs_queued_grade_nothing_twice(database, make_submission):
    """Two gunicorn workers start at once over 30 waiting hand-ins (the probe in issue 18
    graded 16 of 30 twice)."""
    ids = [make_submission(files={"main.py": f"s{n}"}) for n in range(30)]
    grader = RecordingGrader(GradeOutcome(score=1.0))
    queues = [InProcessQueue(database, grader, workers=2, timing=PATIENT) for _ in range(2)]
    sweepers = [Sweeper(database, queue, PATIENT) for queue in queues]
    try:
        for sweeper in sweepers:
            sweeper.start()
        for submission_id in ids:
            assert wait_until_done(database, submission_id).tries == 1
    finally:
        for sweeper in sweepers:
            sweeper.stop()
        for queue in queues:
            queue.close()
    assert sorted(call[1]["main.py"] for call in grader.calls) == sorted(
        f"s{n}" for n in range(30))


def test_one_hand_in_graded_twice_counts_once_in_the_levels(database, make_submission, person):
    from assessor.models import Person
    from assessor.services.skills import graded_attempts

    submission_id = make_submission()
    grader = RecordingGrader(GradeOutcome(score=1.0))
    for _ in range(2):
        run_grading_job(database, submission_id, grader)
    with unit_of_work(database) as session:
        attempts = graded_attempts(session, session.get(Person, person.id))
        rows = session.scalar(sa.select(sa.func.count()).select_from(Submission))
    assert [a.id for a in attempts] == [submission_id] and rows == 1

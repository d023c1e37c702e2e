"""Regrade runs on SQLite and PostgreSQL: one home for the CLI and the admin's page, old and
new scores per run, refusals that change nothing, levels from the new score counted once."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.domain.clock import utcnow
from assessor.infra.unit_of_work import unit_of_work
from assessor.models import AccessLog, Person, RegradeItem, RegradeRun, Submission
from assessor.services.jobs import GradeOutcome, SynchronousQueue
from assessor.services.jobs import regrade_runs as runs
from assessor.services.jobs.regrade_runs import RegradeError, start_regrade
from assessor.services.policy import SYSTEM, AccessDeniedError
from assessor.services.reports.regrades import regrade_notes
from assessor.services.skills import all_areas
from tests.app_settings import catalogue
from tests.jobs.conftest import RecordingGrader
from tests.services import BOTH_DATABASES, database_of_kind

TASK = "p1-summa-medel"


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_regrade") as url:
        yield url


@pytest.fixture
def database(app):
    return app.extensions["kodprov_db"]


class Parked:
    """A queue that keeps the ids it is given (a regrade that has not been graded yet)."""

    def __init__(self) -> None:
        self.ids: list[int] = []

    def enqueue(self, submission_id: int) -> None:
        self.ids.append(submission_id)


@pytest.fixture
def people(db_session, make_user):
    """Two candidates with a yes to the tests, and an admin."""
    first = make_user(tests_consent=True)
    second = make_user(tests_consent=True)
    admin = make_user(role="admin")
    person = {u.id: db_session.scalar(sa.select(Person).where(Person.user_id == u.id))
              for u in (first, second)}
    return person[first.id], person[second.id], admin


@pytest.fixture
def hand_in(db_session):
    def make(person, score, challenge=TASK, **fields) -> int:
        submission = Submission(person_id=person.id, challenge_id=challenge, status="graded",
                                gradable=True, score=score, kind="attempt", **fields)
        db_session.add(submission)
        db_session.commit()
        return submission.id
    return make


def start(database, actor, queue, challenge=TASK, **kwargs) -> tuple[int, int]:
    with unit_of_work(database) as session:
        run = start_regrade(session, actor, challenge, queue, catalogue=catalogue, **kwargs)
        return run.id, len(run.items)


def progress_of(database, run_id):
    with unit_of_work(database) as session:
        return runs.progress(session, session.get(RegradeRun, run_id))


def test_a_run_keeps_old_and_new_scores_and_counts_its_progress(database, people, hand_in,
                                                                db_session):
    kim, sam, admin = people
    changed, same = hand_in(kim, 0.5), hand_in(sam, 1.0)
    old = hand_in(kim, 0.0, created_at=utcnow() - timedelta(days=30))
    other_task = hand_in(kim, 0.5, challenge="p1-hello")
    queue = SynchronousQueue(database, RecordingGrader(GradeOutcome(score=1.0)))
    run_id, taken = start(database, admin, queue, since=utcnow() - timedelta(days=1))
    assert taken == 2
    assert progress_of(database, run_id).as_dict() == {
        "total": 2, "waiting": 0, "done": 2, "changed": 1, "failed": 0, "finished": True}
    with unit_of_work(database) as session:
        run = session.get(RegradeRun, run_id)
        shown = runs.changes(session, admin, run)
        assert [(c.submission_id, c.old_score, c.new_score) for c in shown] == [
            (changed, 0.5, 1.0)]
        assert run.started_by_id == admin.id and run.started_by_role == "admin"
    db_session.expire_all()
    assert {s.id: s.regraded_at is None for s in db_session.scalars(sa.select(Submission))} \
        == {changed: False, same: False, old: True, other_task: True}


def test_each_person_taken_is_logged_and_a_listed_change_is_logged_once(database, people,
                                                                        hand_in, db_session):
    kim, sam, admin = people
    hand_in(kim, 0.5)
    hand_in(sam, 0.25)
    queue = SynchronousQueue(database, RecordingGrader(GradeOutcome(score=1.0)))
    run_id, _ = start(database, admin, queue)
    for _look in range(3):  # a polling page
        with unit_of_work(database) as session:
            runs.changes(session, admin, session.get(RegradeRun, run_id))
    entries = db_session.scalars(sa.select(AccessLog).where(AccessLog.actor_id == admin.id))
    by_kind = sorted((e.action, e.what, e.person_id) for e in entries)
    assert by_kind == sorted([("change", "regrade", kim.id), ("change", "regrade", sam.id),
                              ("read", f"regrade #{run_id}", kim.id),
                              ("read", f"regrade #{run_id}", sam.id)])


def test_a_second_run_while_one_runs_is_refused_and_changes_nothing(database, people, hand_in,
                                                                   db_session):
    kim, _sam, admin = people
    waiting = hand_in(kim, 0.5)
    parked = Parked()
    run_id, _ = start(database, admin, parked)
    assert parked.ids == [waiting]
    assert progress_of(database, run_id).waiting == 1
    hand_in(kim, 0.75)  # a new hand-in, graded, that a second run would take
    with pytest.raises(RegradeError) as refused:
        start(database, admin, parked)
    assert refused.value.code == "running"
    assert db_session.scalar(sa.select(sa.func.count(RegradeRun.id))) == 1
    assert parked.ids == [waiting]


@pytest.mark.parametrize(("challenge", "code"), [("no-such-task", "unknown_challenge"),
                                                 (TASK, "nothing")])
def test_a_run_that_cannot_start_changes_nothing(database, people, hand_in, db_session,
                                                 challenge, code):
    kim, _sam, admin = people
    queued = hand_in(kim, 0.5, challenge="p1-hello")
    parked = Parked()
    with pytest.raises(RegradeError) as refused:
        start(database, admin, parked, challenge=challenge)
    assert refused.value.code == code
    assert db_session.scalar(sa.select(sa.func.count(RegradeRun.id))) == 0
    assert db_session.get(Submission, queued).regraded_at is None and parked.ids == []


def test_only_an_admin_or_the_system_may_regrade(database, people, hand_in, make_user):
    kim, _sam, _admin = people
    hand_in(kim, 0.5)
    coach = make_user(role="facilitator")
    with pytest.raises(AccessDeniedError):
        start(database, coach, Parked())
    _run_id, taken = start(database, SYSTEM, Parked())
    assert taken == 1


def test_an_earlier_run_keeps_what_it_showed_when_a_later_run_changes_the_score(
        database, people, hand_in):
    kim, _sam, admin = people
    submission = hand_in(kim, 0.25)
    first, _ = start(database, admin,
                     SynchronousQueue(database, RecordingGrader(GradeOutcome(score=0.5))))
    second, _ = start(database, admin,
                      SynchronousQueue(database, RecordingGrader(GradeOutcome(score=1.0))))
    with unit_of_work(database) as session:
        before = runs.changes(session, admin, session.get(RegradeRun, first))
        after = runs.changes(session, admin, session.get(RegradeRun, second))
        assert [(c.old_score, c.new_score) for c in before] == [(0.25, 0.5)]
        assert [(c.old_score, c.new_score) for c in after] == [(0.5, 1.0)]
        item = session.scalar(sa.select(RegradeItem).where(RegradeItem.run_id == first))
        assert (item.submission_id, item.outcome) == (submission, "graded")
        notes = regrade_notes(session, session.get(Person, kim.id), catalogue)
        assert [(n.old_percent, n.new_percent) for n in notes] == [(25, 50), (50, 100)]


def test_levels_use_the_new_score_and_count_the_hand_in_once(database, people, hand_in):
    kim, _sam, admin = people
    hand_in(kim, 0.0)
    area = catalogue.challenge(TASK).area.value
    with unit_of_work(database) as session:
        before = all_areas(session, session.get(Person, kim.id), catalogue=catalogue)[area]
    start(database, admin, SynchronousQueue(database, RecordingGrader(GradeOutcome(score=1.0))))
    with unit_of_work(database) as session:
        after = all_areas(session, session.get(Person, kim.id), catalogue=catalogue)[area]
    assert (before.result.tasks, after.result.tasks) == (1, 1)
    assert [t.outcome for t in before.result.tasks_done] == ["tried"]
    assert [t.outcome for t in after.result.tasks_done] == ["solved"]


def test_kodprov_regrade_starts_a_run_like_the_page(runner, database_url, database, people,
                                                    hand_in, db_session, monkeypatch):
    kim, _sam, _admin = people
    hand_in(kim, 0.5)
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    monkeypatch.setenv("KODPROV_SANDBOX", "fake")
    monkeypatch.setenv("KODPROV_QUEUE", "sync")
    done = runner.invoke(cli, ["regrade", "--challenge", TASK])
    assert done.exit_code == 0, done.output
    assert f"1 hand-ins of {TASK} queued" in done.output
    run = db_session.scalar(sa.select(RegradeRun))
    assert run.started_by_role == "system" and run.started_by_id is None
    unknown = runner.invoke(cli, ["regrade", "--challenge", "no-such-task"])
    assert unknown.exit_code != 0 and "no challenge" in unknown.output
    bad_day = runner.invoke(cli, ["regrade", "--challenge", TASK, "--since", "2026-13-40"])
    assert bad_day.exit_code != 0
    assert db_session.scalar(sa.select(sa.func.count(RegradeRun.id))) == 1


@pytest.mark.parametrize("database_url", BOTH_DATABASES[1:], indirect=True)  # SQLite lets
# one writer in at a time: there is no race to lose
def test_two_regrades_started_at_once_take_each_hand_in_once(database, people, hand_in,
                                                             db_session):
    assert database.engine.dialect.name == "postgresql"
    kim, _sam, admin = people
    hand_in(kim, 0.5)
    first, second = Parked(), Parked()
    outcome = {}

    def later() -> None:
        try:
            start(database, admin, second)
        except RegradeError as error:
            outcome["code"] = error.code

    with unit_of_work(database) as session:
        start_regrade(session, admin, TASK, first, catalogue=catalogue)
        racer = threading.Thread(target=later)
        racer.start()  # its UPDATE waits for this transaction's rows (if it gets there first)
        racer.join(timeout=0.5)  # a chance to get there; the outcome is the same either way
    racer.join()
    # refused: either its UPDATE found no graded hand-in left, or it saw this run running
    assert outcome["code"] in ("nothing", "running")
    assert len(first.ids) == 1 and second.ids == []
    assert db_session.scalar(sa.select(sa.func.count(RegradeItem.id))) == 1

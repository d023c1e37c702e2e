"""The grading job, the in-process queue and the synchronous queue."""

from __future__ import annotations

from assessor.models import Submission
from assessor.services.jobs import (
    GradeOutcome,
    InProcessQueue,
    SynchronousQueue,
    make_queue,
    run_grading_job,
)
from assessor.services.jobs.grading_job import MAX_TRIES
from assessor.services.jobs.recovery import sweep
from tests.jobs.conftest import RecordingGrader, reload, wait_until_done


def test_a_graded_submission_keeps_score_result_and_finish_time(database, make_submission):
    grader = RecordingGrader(GradeOutcome(score=0.5, result={"tests": [1, 2]}))
    submission_id = make_submission(seed=7)
    assert run_grading_job(database, submission_id, grader) == "graded"
    done = reload(database, submission_id)
    assert (done.score, done.result, done.tries) == (0.5, {"tests": [1, 2]}, 1)
    assert done.finished_at is not None
    assert grader.calls == [("p1-hello", {"main.py": "x"}, 7, False)]


def test_a_yes_to_the_tests_taken_back_after_handing_in_stops_the_grading(database,
                                                                          make_submission):
    import sqlalchemy as sa

    from assessor.domain.clock import utcnow
    from assessor.models import Consent

    submission_id = make_submission()
    session = database.session()
    session.scalars(sa.select(Consent)).one().withdrawn_at = utcnow()
    session.commit()
    database.session.remove()
    grader = RecordingGrader()
    assert run_grading_job(database, submission_id, grader) == "withheld"
    withheld = reload(database, submission_id)
    assert grader.calls == [] and withheld.score is None and withheld.done


def test_a_precheck_asks_the_grader_for_visible_tests_only(database, make_submission):
    grader = RecordingGrader()
    run_grading_job(database, make_submission(kind="precheck"), grader)
    assert grader.calls[0][3] is True


def test_grading_twice_changes_nothing(database, make_submission):
    grader = RecordingGrader(GradeOutcome(score=1.0), GradeOutcome(score=0.0))
    submission_id = make_submission()
    run_grading_job(database, submission_id, grader)
    run_grading_job(database, submission_id, grader)
    assert reload(database, submission_id).score == 1.0 and len(grader.calls) == 1


def test_our_failure_requeues_then_gives_up_without_costing_the_candidate(
        database, make_submission):
    grader = RecordingGrader(GradeOutcome(our_error="sandbox down"))
    submission_id = make_submission()
    statuses = [run_grading_job(database, submission_id, grader) for _ in range(MAX_TRIES)]
    assert statuses == ["queued"] * (MAX_TRIES - 1) + ["error"]
    failed = reload(database, submission_id)
    assert failed.score is None and "sandbox down" in failed.error


def test_a_crashing_grader_counts_as_our_failure(database, make_submission):
    def broken(*_args, **_kwargs):
        raise RuntimeError("bug in grader")

    submission_id = make_submission()
    assert run_grading_job(database, submission_id, broken) == "queued"
    assert "bug in grader" in reload(database, submission_id).error


def test_the_in_process_queue_grades_and_retries_after_our_failure(database, make_submission):
    grader = RecordingGrader(GradeOutcome(our_error="engine restarting"), GradeOutcome(score=1.0))
    queue = InProcessQueue(database, grader, workers=2, retry_delay=0.01)
    try:
        submission_id = make_submission()
        queue.enqueue(submission_id)
        done = wait_until_done(database, submission_id)
    finally:
        queue.close()
    assert done.status == "graded" and done.tries == 2


def test_submissions_left_running_by_a_dead_worker_are_graded_again(database, make_submission):
    from datetime import timedelta

    from assessor.domain.clock import utcnow

    stuck = make_submission(status="running", tries=1, started_at=utcnow() - timedelta(hours=1))
    waiting = make_submission()
    finished = make_submission(status="graded", score=0.25)
    grader = RecordingGrader(GradeOutcome(score=0.75))
    queue = InProcessQueue(database, grader, workers=1)
    try:
        assert sweep(database, queue, "me", everything=True) == 2
        assert wait_until_done(database, stuck).score == 0.75
        assert wait_until_done(database, waiting).score == 0.75
    finally:
        queue.close()
    assert reload(database, finished).score == 0.25


def test_the_synchronous_queue_has_graded_when_enqueue_returns(database, make_submission):
    grader = RecordingGrader(GradeOutcome(our_error="engine restarting"), GradeOutcome(score=1.0))
    queue = SynchronousQueue(database, grader)
    submission_id = make_submission()
    queue.enqueue(submission_id)
    done = reload(database, submission_id)  # no waiting: it is done
    assert (done.status, done.score, done.tries) == ("graded", 1.0, 2)


def test_the_synchronous_queue_gives_up_after_the_tries_of_every_queue(database, make_submission):
    grader = RecordingGrader(GradeOutcome(our_error="sandbox down"))
    submission_id = make_submission()
    SynchronousQueue(database, grader).enqueue(submission_id)
    done = reload(database, submission_id)
    assert (done.status, done.tries, len(grader.calls)) == ("error", MAX_TRIES, MAX_TRIES)


def test_the_synchronous_queue_leaves_the_callers_session_alone(database, make_submission):
    """A request that hands in keeps using its own session after ``enqueue``."""
    submission_id = make_submission()
    mine = database.session()
    person = mine.get(Submission, submission_id).person
    SynchronousQueue(database, RecordingGrader(GradeOutcome(score=0.5))).enqueue(submission_id)
    assert database.session() is mine and mine.is_active and person.name == "Test"
    mine.expire_all()
    assert mine.get(Submission, submission_id).score == 0.5
    database.session.remove()


def test_make_queue_knows_the_synchronous_queue_by_name(database):
    assert isinstance(make_queue("sync", database, RecordingGrader()), SynchronousQueue)

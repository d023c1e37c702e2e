"""One unit of work per job or command: committed in one place, rolled back on an exception,
and what waits for the commit runs only after it (``assessor.infra.unit_of_work``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.infra.unit_of_work import after_commit, commit, unit_of_work
from assessor.models import Organisation, Submission
from assessor.services.jobs import GradeOutcome, run_grading_job

ROOT = Path(__file__).resolve().parents[2]
#: the only files that commit or roll back a session (the rule and its exceptions live there)
TRANSACTION_HOMES = {"assessor/infra/unit_of_work.py", "web/database.py"}


def names(database) -> list[str]:
    """The organisations another session sees (what is committed)."""
    with Session(database.engine) as other:
        return list(other.scalars(sa.select(Organisation.name).order_by(Organisation.id)))


def test_a_unit_commits_when_its_block_ends_and_then_runs_what_waited(database):
    seen = []
    with unit_of_work(database) as session:
        session.add(Organisation(name="Programmet"))
        session.flush()
        after_commit(session, lambda: seen.append(names(database)))
        assert names(database) == []  # not before the block ends
    assert seen == [["Programmet"]]


def test_a_unit_that_raises_writes_nothing_and_runs_nothing(database):
    seen = []
    with pytest.raises(LookupError), unit_of_work(database) as session:
        write_and_wait(session, "Programmet", seen)
        raise LookupError("a bad argument, after the write")
    assert names(database) == [] and seen == []


def write_and_wait(session: Session, name: str, seen: list[str]) -> None:
    """Add the organisation ``name`` and have ``name`` noted in ``seen`` after the commit."""
    session.add(Organisation(name=name))
    session.flush()
    after_commit(session, lambda: seen.append(name))


def test_a_rollback_drops_what_waited_for_the_commit(database):
    seen = []
    session = database.session()
    write_and_wait(session, "Först", seen)
    session.rollback()
    write_and_wait(session, "Sedan", seen)
    commit(session)
    database.session.remove()
    assert seen == ["Sedan"] and names(database) == ["Sedan"]


def test_a_closed_session_drops_what_waited_for_the_commit(database):
    seen = []
    session = database.session()
    write_and_wait(session, "Först", seen)
    session.close()
    commit(session)  # the same session, a new transaction with nothing waiting
    database.session.remove()
    assert seen == [] and names(database) == []


def test_a_savepoint_rolled_back_leaves_what_waited_for_the_whole_transaction(database):
    seen = []
    with unit_of_work(database) as session:
        write_and_wait(session, "Programmet", seen)
        with pytest.raises(sa.exc.IntegrityError), session.begin_nested():
            session.add(Organisation(name="Programmet"))  # the name is taken
    assert seen == ["Programmet"] and names(database) == ["Programmet"]


def test_a_savepoint_on_sqlite_does_not_commit_the_transaction_around_it(database):
    session = database.session()
    session.scalar(sa.select(Organisation.id))  # a read: the driver has begun nothing yet
    with session.begin_nested():
        session.add(Organisation(name="Programmet"))
    session.rollback()
    database.session.remove()
    assert names(database) == []


def test_a_failing_commit_runs_nothing_that_waited(database):
    seen = []
    with pytest.raises(sa.exc.IntegrityError), unit_of_work(database) as session:
        session.add(Organisation(name="Programmet"))
        session.add(Organisation(name="Programmet"))
        after_commit(session, lambda: seen.append("ran"))
    assert seen == [] and names(database) == []


def test_the_grading_job_commits_its_claim_before_the_grader_runs(database, make_submission):
    seen = []

    def grader(challenge_id, files, seed, visible_only, locale="sv"):
        with Session(database.engine) as other:  # a second connection, as another worker
            submission = other.get(Submission, submission_id)
            seen.append((submission.status, submission.tries))
            other.add(Organisation(name="Skrivet medan det rättas"))
            other.commit()  # no transaction of the job's is open to lock it out
        return GradeOutcome(score=1.0)

    submission_id = make_submission()
    assert run_grading_job(database, submission_id, grader) == "graded"
    assert seen == [("running", 1)]
    assert names(database) == ["Skrivet medan det rättas"]


def test_a_submission_erased_while_it_was_graded_is_left_missing(database, make_submission):
    def grader_that_sees_it_erased(challenge_id, files, seed, visible_only, locale="sv"):
        with Session(database.engine) as other:
            other.execute(sa.delete(Submission).where(Submission.id == submission_id))
            other.commit()
        return GradeOutcome(score=1.0)

    submission_id = make_submission()
    assert run_grading_job(database, submission_id, grader_that_sees_it_erased) == "missing"


def test_nothing_outside_the_unit_of_work_commits_or_rolls_back():
    called = re.compile(r"\.(commit|rollback)\(\)")
    found = sorted(
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("web", "assessor")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and str(path.relative_to(ROOT)) not in TRANSACTION_HOMES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if called.search(line))
    assert found == [], "commit through web.database / assessor.infra.unit_of_work"

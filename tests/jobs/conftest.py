"""A database with a person (a candidate with a login and a yes to the tests), and fake
graders that record their calls."""

from __future__ import annotations

import threading
import time

import pytest

from assessor.infra.db import Database
from assessor.models import Consent, Person, Submission, User
from assessor.models.base import Base
from assessor.services.jobs import GradeOutcome
from tests.jobs.own_redis import OwnRedis


class RecordingGrader:
    """Returns scripted outcomes in order (the last one repeats) and records each call."""

    def __init__(self, *outcomes: GradeOutcome) -> None:
        self.outcomes = list(outcomes) or [GradeOutcome(score=1.0)]
        self.calls: list[tuple] = []
        self.lock = threading.Lock()

    def __call__(self, challenge_id, files, seed, visible_only, locale="sv"):
        with self.lock:
            self.calls.append((challenge_id, files, seed, visible_only))
            return self.outcomes[min(len(self.calls), len(self.outcomes)) - 1]


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of this test alone (``OwnRedis``), stopped afterwards."""
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def database(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'jobs.sqlite3'}")
    Base.metadata.create_all(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def person(database):
    """A candidate (``person.user`` is their login) who said yes to the tests."""
    session = database.session()
    user = User(email="test@example.se", name="Test", role="candidate", password_hash="x")
    session.add(user)
    session.flush()
    person = Person(name="Test", user_id=user.id, user=user)
    session.add(person)
    session.flush()
    session.add(Consent(person_id=person.id, purpose="assessment", recorded_by_id=user.id))
    session.commit()
    database.session.remove()
    return person


@pytest.fixture
def make_submission(database, person):
    def make(**kwargs) -> int:
        session = database.session()
        values = {"person_id": person.id, "challenge_id": "p1-hello", "files": {"main.py": "x"}}
        values.update(kwargs)
        submission = Submission(**values)
        session.add(submission)
        session.commit()
        submission_id = submission.id
        database.session.remove()
        return submission_id

    return make


def reload(database, submission_id) -> Submission:
    session = database.session()
    try:
        submission = session.get(Submission, submission_id)
        session.expunge(submission)
        return submission
    finally:
        database.session.remove()


def wait_until_done(database, submission_id, limit=60.0) -> Submission:
    """Poll until the submission is graded or errored (the limit only stops a hung test)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        submission = reload(database, submission_id)
        if submission.done:
            return submission
        time.sleep(0.05)
    raise AssertionError(f"submission {submission_id} never finished")

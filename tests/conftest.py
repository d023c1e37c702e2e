"""Fixtures shared by every suite: an app on a fresh database, clients, factories."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from assessor.models import Consent, Organisation, Person, User
from assessor.models.base import Base
from assessor.services.accounts import create_user
from tests.app_settings import app_settings
from web import create_app

TEST_PASSWORD = "test-password-1"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh SQLite file for this test."""
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def app_config() -> dict:
    """What a module's tests change in the app's config (override this fixture): for example
    ``tests.app_settings.REAL_SANDBOX`` for tests that run code end to end."""
    return {}


@pytest.fixture
def app(database_url: str, tmp_path: Path, app_config: dict) -> Iterator[Flask]:
    """The app with its own database and instance folder, schema created, CSRF off (tests of
    CSRF turn it on), the fake sandbox and the synchronous queue (``tests.app_settings``)."""
    app = create_app(app_settings(tmp_path, DATABASE_URL=database_url, WTF_CSRF_ENABLED=False,
                                  SERVER_NAME="kodprov.test", **app_config))
    database = app.extensions["kodprov_db"]
    Base.metadata.create_all(database.engine)
    yield app
    for part in ("kodprov_queue", "kodprov_sandbox"):  # jobs end, then their sandbox
        close = getattr(app.extensions.get(part), "close", None)
        if close is not None:
            close()
    database.dispose()


@pytest.fixture
def log_records() -> Iterator[list[logging.LogRecord]]:
    """Every log record emitted during the test (works with ``-p no:logging`` too)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler, root = Keep(logging.DEBUG), logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield records
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client for ``app``."""
    return app.test_client()


@pytest.fixture
def db_session(app: Flask) -> Iterator[Session]:
    """A session of the test's own on the app's database (requests use their own)."""
    with Session(app.extensions["kodprov_db"].engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def make_user(db_session) -> Callable[..., User]:
    """Create and commit a user: ``make_user(role="candidate", email=None)``;
    ``tests_consent=True`` gives a candidate's yes to "Tests and results"."""
    counter = iter(range(1, 10_000))

    def make(role: str = "candidate", email: str | None = None, *, tests_consent: bool = False,
             **kwargs) -> User:
        email = email or f"{role}{next(counter)}@example.se"
        user = create_user(db_session, email=email, name=kwargs.pop("name", role.title()),
                           role=role, password=TEST_PASSWORD, **kwargs)
        if tests_consent:
            person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
            db_session.add(Consent(person_id=person.id, purpose="assessment",
                                   recorded_by_id=user.id))
        db_session.commit()
        return user

    return make


@pytest.fixture
def programme_coach(db_session, make_user) -> Callable[..., User]:
    """``programme_coach(*people, **user_fields)``: a coach of a new programme that ``people``
    take part in, each with a yes to "Tests and results" (what a coach needs to see them)."""
    counter = iter(range(1, 10_000))

    def make(*people: Person, **fields) -> User:
        programme = Organisation(name=f"Programmet {next(counter)}")
        db_session.add(programme)
        db_session.flush()
        coach = make_user(role="facilitator", **fields)
        coach.organisation_id = programme.id
        for person in people:
            person.organisation_id = programme.id
            db_session.add(Consent(person_id=person.id, purpose="assessment"))
        db_session.commit()
        return coach

    return make


@pytest.fixture
def login(client: FlaskClient) -> Callable[[User], None]:
    """Log ``user`` in on the test client."""

    def do_login(user: User) -> None:
        response = client.post("/konto/logga-in",
                               data={"email": user.email, "password": TEST_PASSWORD})
        assert response.status_code == 302, response.data

    return do_login


@pytest.fixture
def runner() -> CliRunner:
    """A Click runner for the ``kodprov`` command."""
    return CliRunner()

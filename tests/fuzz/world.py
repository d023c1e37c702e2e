"""A seeded database, a logged-in session per role, and one request at a time that changes
nothing for good: each request runs inside a transaction that is rolled back afterwards.

The app's session is bound to one connection with ``join_transaction_mode="create_savepoint"``,
so the views' own commits and rollbacks become savepoints inside the test's transaction. Every
example therefore starts from the same seeded state, which is what makes a failing example
reproducible and shrinkable, and lets ``changes()`` compare the tables with that state.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from assessor.domain.screening import load_questionnaire
from assessor.infra.db import make_engine
from assessor.models import (
    AccessAction,
    Consent,
    ConsentPurpose,
    Draft,
    FollowUp,
    Organisation,
    Person,
    PoolArea,
    PoolEntry,
    Submission,
    User,
)
from assessor.models.base import Base
from assessor.services.accounts import create_user, hash_password
from assessor.services.jobs.grading_job import GradeOutcome
from assessor.services.questionnaire import finish, record_answer, start_or_continue
from tests.app_settings import app_settings
from web import create_app

PASSWORD = "fuzz-password-1"
ANONYMOUS = "anonymous"
#: role -> (email, organisation) of the seeded users who log in
LOGINS = {
    "candidate": ("kim@fuzz.se", None),
    "facilitator": ("coach@fuzz.se", "Förvaltningen"),
    "caseworker": ("handlaggare@fuzz.se", "Förvaltningen"),
    "admin": ("admin@fuzz.se", None),
}
ROLES = (ANONYMOUS, *LOGINS)
#: tasks of each kind: code, a form, a notebook, SQL, a web page
CHALLENGES = ("p1-summa-medel", "n-adresser-i-natet", "p2-notebook-temperatur",
              "d-produkter-urval", "w1-semantisk-sida")


class RecordingQueue:
    """Takes submission ids and grades nothing (grading has its own tests)."""

    def __init__(self) -> None:
        self.ids: list[int] = []

    def enqueue(self, submission_id: int) -> None:
        self.ids.append(submission_id)

    def close(self) -> None:
        pass


def not_graded(challenge_id: str, files: dict, seed: int, visible_only: bool,
               locale: str = "sv") -> GradeOutcome:
    """Grades nothing (grading has its own tests); says so as our own failure."""
    return GradeOutcome(our_error="not graded while fuzzing")


@dataclass
class World:
    """The app, the connection its session is bound to, and what each role may send."""

    app: Flask
    connection: sa.Connection
    cookies: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    csrf: dict[str, str] = field(default_factory=dict)
    #: path-parameter name -> values that name seeded rows
    seeds: dict[str, list] = field(default_factory=dict)
    baseline: dict[str, list[tuple]] = field(default_factory=dict)

    @contextmanager
    def isolated(self) -> Iterator[None]:
        """Run the body in a transaction that is rolled back afterwards, whatever it did."""
        transaction = self.connection.begin()
        try:
            yield
        finally:
            self.app.extensions["kodprov_db"].session.remove()
            transaction.rollback()

    def client(self, role: str) -> FlaskClient:
        """A new client holding ``role``'s logged-in session (and its CSRF token)."""
        client = self.app.test_client()
        for name, value in self.cookies.get(role, []):
            client.set_cookie(name, value, domain=self.app.config["SERVER_NAME"])
        return client

    def endpoint(self, path: str, method: str) -> str | None:
        """The endpoint that ``method`` on ``path`` reaches, or None (404, 405, redirect)."""
        adapter = self.app.url_map.bind(self.app.config["SERVER_NAME"])
        try:
            return adapter.match(path, method=method)[0]
        except Exception:  # werkzeug's NotFound, MethodNotAllowed, RequestRedirect
            return None

    def changes(self) -> dict[str, list[tuple]]:
        """Rows added, removed or changed since the seeded state, by table; an access-log
        entry of a refused attempt is no change (refusals are logged on purpose)."""
        changed = {}
        for table, rows in snapshot(self.connection).items():
            before, after = set(self.baseline.get(table, [])), set(rows)
            diff = sorted(before ^ after)
            if table == "access_log":  # a new entry for a refused attempt is expected
                diff = [row for row in diff if row in before or not refused(row)]
            if diff:
                changed[table] = diff
        return changed


def refused(access_row: tuple) -> bool:
    """Whether an access-log row (as ``snapshot`` gives it) records a refused attempt."""
    action = list(Base.metadata.tables["access_log"].columns.keys()).index("action")
    return access_row[action] == repr(AccessAction.DENIED.value)


#: columns the app keeps on any request, refused or not: a login's "last seen" time is
#: moved on at most every five minutes (``services.sessions.TOUCH_INTERVAL``), so a run longer
#: than that would see it change under a refused request
BOOKKEEPING = {"login_session": frozenset({"last_seen_at"})}


def snapshot(connection: sa.Connection) -> dict[str, list[tuple]]:
    """Every row of every table in primary-key order, each value as its ``repr`` (without
    the BOOKKEEPING columns)."""
    tables = {}
    for table in Base.metadata.sorted_tables:
        order = list(table.primary_key.columns) or list(table.columns)
        columns = [column for column in table.columns
                   if column.name not in BOOKKEEPING.get(table.name, ())]
        tables[table.name] = [tuple(repr(value) for value in row) for row in
                              connection.execute(sa.select(*columns).order_by(*order))]
    return tables


def build_world(database_url: str, folder: Path) -> World:
    """Create the schema, seed it, log every role in, then bind the app to one connection."""
    app = create_app(app_settings(folder, DATABASE_URL=database_url, WTF_CSRF_ENABLED=True,
                                  SERVER_NAME="kodprov.test", RATELIMIT_ENABLED=False))
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash must show as the 500 it would be
    app.extensions["kodprov_queue"].close()
    app.extensions["kodprov_queue"] = RecordingQueue()
    app.extensions["kodprov_grader"] = not_graded  # the staff preview's "Testa" runs no sandbox
    database = app.extensions["kodprov_db"]
    Base.metadata.create_all(database.engine)
    with Session(database.engine, expire_on_commit=False) as session:
        seeds = seed(session)
    world = World(app=app, connection=transactional_engine(database_url).connect(), seeds=seeds)
    for role in ROLES:
        log_in(world, role)
    database.session.remove()
    database.session.configure(bind=world.connection, join_transaction_mode="create_savepoint")
    world.baseline = snapshot(world.connection)
    world.connection.commit()
    return world


def close_world(world: World) -> None:
    """Close the connection and the app's engine."""
    world.connection.close()
    world.connection.engine.dispose()
    world.app.extensions["kodprov_db"].dispose()


def transactional_engine(url: str) -> sa.Engine:
    """An engine whose transactions enclose savepoints on SQLite too (the sqlite3 driver's
    legacy mode lets a released savepoint commit on its own; see SQLAlchemy's SQLite notes)."""
    engine = make_engine(url)
    if url.startswith("sqlite"):
        @sa.event.listens_for(engine, "connect")
        def no_driver_transactions(dbapi_connection, _record) -> None:
            dbapi_connection.isolation_level = None

        @sa.event.listens_for(engine, "begin")
        def begin(connection) -> None:
            connection.exec_driver_sql("BEGIN")
    return engine


def log_in(world: World, role: str) -> None:
    """Log ``role`` in through the login page and keep its cookies and a CSRF token."""
    client = world.app.test_client()
    if role != ANONYMOUS:
        response = client.post("/konto/logga-in", data={
            "email": LOGINS[role][0], "password": PASSWORD,
            "csrf_token": csrf_token(client)})
        assert response.status_code == 302, f"{role} could not log in"
    world.csrf[role] = csrf_token(client)
    world.cookies[role] = [(name, cookie.value) for name in cookie_names(world.app)
                           if (cookie := client.get_cookie(
                               name, domain=world.app.config["SERVER_NAME"])) is not None]


def cookie_names(app: Flask) -> tuple[str, ...]:
    """The cookies a logged-in browser holds."""
    return (app.config["SESSION_COOKIE_NAME"], app.config.get("REMEMBER_COOKIE_NAME",
                                                              "remember_token"))


def csrf_token(client: FlaskClient) -> str:
    """The CSRF token the start page gives this client's session."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/om").get_data(as_text=True), "html.parser")
    return page.find("input", attrs={"name": "csrf_token"})["value"]


def seed(session: Session) -> dict[str, list]:
    """People, consents, a questionnaire, drafts, submissions and follow-ups (two of them at
    the very ends of time, as a bad stored value would be). Returns values for path params."""
    users = seed_users(session)
    kim = session.scalar(sa.select(Person).where(Person.user_id == users["candidate"].id))
    sam = session.scalar(sa.select(Person).where(Person.user_id == users["sam"].id))
    kim.public_id, sam.public_id = "K-KIMM-2222", "K-SAMM-3333"
    robin = Person(name="Robin", public_id="K-ROBN-4444", created_by_id=users["facilitator"].id)
    session.add(robin)
    session.flush()
    organisation = users["facilitator"].organisation_id
    session.add_all([
        Consent(person_id=kim.id, purpose=ConsentPurpose.ASSESSMENT.value),
        Consent(person_id=kim.id, purpose=ConsentPurpose.SHARE_REPORT.value,
                organisation_id=organisation),
        Consent(person_id=sam.id, purpose=ConsentPurpose.ASSESSMENT.value),
        Consent(person_id=kim.id, purpose=ConsentPurpose.SUS.value)])
    seed_questionnaires(session, users, kim, sam)
    submissions = seed_work(session, kim)
    follow_ups = seed_follow_ups(session, kim, robin, users["facilitator"])
    pool_area, pool_entry = seed_pools(session, kim, users["facilitator"])
    session.commit()
    return {"public_id": [kim.public_id, sam.public_id, robin.public_id],
            "challenge_id": list(CHALLENGES),
            "submission_id": [s.id for s in submissions],
            "follow_up_id": [f.id for f in follow_ups],
            "number": [1, 2, len(load_questionnaire().items)],
            "name": ["medel.py", "temperatur.ipynb", "answers.toml"],
            "area_id": [pool_area.id], "entry_id": [pool_entry.id],
            "point": ["start", "exit"]}


def seed_pools(session: Session, kim: Person, coach: User) -> tuple[PoolArea, PoolEntry]:
    """An intake-pool area of the coach's programme, and Kim offered one of its places."""
    area = PoolArea(programme_id=coach.organisation_id, name="Höglandet", places=2)
    session.add(area)
    session.flush()
    entry = PoolEntry(programme_id=coach.organisation_id, area_id=area.id, person_id=kim.id,
                      status="offered", place_area_id=area.id)
    session.add(entry)
    session.flush()
    return area, entry


def seed_users(session: Session) -> dict[str, User]:
    """One user per role (one password hash for all: hashing is slow on purpose)."""
    password_hash = hash_password(PASSWORD)
    users = {}
    for key, (email, organisation_name) in {**LOGINS, "sam": ("sam@fuzz.se", None)}.items():
        role = "candidate" if key == "sam" else key
        user = create_user(session, email=email, name=key.title(), role=role,
                           password=PASSWORD)
        user.password_hash = password_hash
        if organisation_name:
            organisation = session.scalar(sa.select(Organisation).where(
                Organisation.name == organisation_name))
            if organisation is None:
                organisation = Organisation(name=organisation_name)
                session.add(organisation)
                session.flush()
            user.organisation_id = organisation.id
        users[key] = user
    session.add(Organisation(name="Annan organisation"))
    session.flush()
    return users


def seed_questionnaires(session: Session, users: dict[str, User], kim: Person,
                        sam: Person) -> None:
    """Kim's questionnaire is done; Sam's is half done."""
    questionnaire = load_questionnaire()
    for person, user, items in ((kim, users["candidate"], questionnaire.items),
                                (sam, users["sam"], questionnaire.items[:3])):
        response = start_or_continue(session, questionnaire, person, user)
        for item in items:
            answer = item.options[0].id if item.options else "ja"
            record_answer(session, response, item, [answer] if item.kind == "multiple"
                          else answer, user)
        if person is kim:
            finish(session, questionnaire, response, user)


def seed_work(session: Session, kim: Person) -> list[Submission]:
    """A draft and two submissions (one graded, one queued) for Kim."""
    session.add(Draft(person_id=kim.id, challenge_id=CHALLENGES[0],
                      files={"medel.py": "def medel(t):\n    return 0\n"}))
    submissions = [
        Submission(person_id=kim.id, challenge_id=CHALLENGES[0], kind="attempt",
                   status="graded", gradable=True, score=0.5, client_token="seed-1",
                   files={"medel.py": "def medel(t):\n    return 0\n"}),
        Submission(person_id=kim.id, challenge_id=CHALLENGES[1], kind="attempt",
                   status="queued", files={"answers.toml": 'natadress = "10.0.0.0"\n'})]
    session.add_all(submissions)
    session.flush()
    return submissions


def seed_follow_ups(session: Session, kim: Person, robin: Person,
                    coach: User) -> list[FollowUp]:
    """Follow-ups held, booked for later, and stored at the very ends of time."""
    now = datetime.now(UTC).replace(microsecond=0)
    moments = [(kim, now - timedelta(days=3)), (robin, now + timedelta(days=3)),
               (kim, datetime(9999, 12, 31, 23, 30, tzinfo=UTC)),
               (robin, datetime(1, 1, 1, 0, 30, tzinfo=UTC))]
    follow_ups = [FollowUp(person_id=person.id, area="programmering", facilitator_id=coach.id,
                           booked_for=when, checklist={}) for person, when in moments]
    session.add_all(follow_ups)
    session.flush()
    return follow_ups

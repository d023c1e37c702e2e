"""A small world for access tests: two programmes, two agencies, one staff member per role and
place, and Tove, a candidate in programme A who said yes to the tests and shares her report
with agency A. She has a finished questionnaire, a follow-up and a graded hand-in."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from assessor.domain.screening import load_questionnaire, screen
from assessor.models import (
    AccessLog,
    Consent,
    FollowUp,
    Organisation,
    Person,
    QuestionnaireResponse,
    Submission,
    User,
)
from assessor.services.accounts import hash_password
from tests.conftest import TEST_PASSWORD

CHALLENGE = "p1-summa-medel"


def all_right_answers() -> dict:
    """Someone who codes weekly and gets every knowledge item right."""
    questionnaire = load_questionnaire()
    answers = {item.id: item.right_answer() for item in questionnaire.part("knowledge")}
    return answers | {"sr_frequency": "weekly", "sr_languages": ["python"],
                      "sr_built": ["program"]}


def finished_questionnaire(person: Person, filled_by: User | None) -> QuestionnaireResponse:
    """A finished questionnaire with every knowledge item right ("likely programmer")."""
    questionnaire = load_questionnaire()
    answers = all_right_answers()
    return QuestionnaireResponse(
        person_id=person.id, version=questionnaire.version, answers=answers,
        filled_by_id=filled_by.id if filled_by else None,
        completed_at=datetime.now(UTC), outcome=screen(questionnaire, answers).outcome)


@dataclass
class World:
    """Everyone in the world, by the name the tests use."""

    users: dict[str, User] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    tove: Person | None = None
    follow_up: FollowUp | None = None
    submission: Submission | None = None


#: who logs in, by case name: (role, organisation or None)
STAFF = {
    "coach same org": ("facilitator", "Programme A"),
    "coach other org": ("facilitator", "Programme B"),
    "caseworker with consent": ("caseworker", "Agency A"),
    "caseworker without consent": ("caseworker", "Agency B"),
    "caseworker without org": ("caseworker", None),
    "admin": ("admin", "Programme A"),
}


@functools.cache
def password_hash() -> str:
    """The test password's hash, made once (argon2 is slow on purpose)."""
    return hash_password(TEST_PASSWORD)


def add_user(db_session, role: str, name: str, organisation: Organisation | None = None,
             ) -> User:
    """An account with the test password (a candidate gets their person record, as
    ``create_user`` makes it)."""
    email = f"{name.lower().replace(' ', '.')}@example.se"
    user = User(email=email, name=name, role=role, password_hash=password_hash(),
                organisation_id=organisation.id if organisation else None)
    db_session.add(user)
    db_session.flush()
    if role == "candidate":
        db_session.add(Person(name=name, user_id=user.id, created_by_id=user.id))
    return user


def build_world(db_session) -> World:
    """Create the world and commit it."""
    world = World()
    for name in ("Programme A", "Programme B", "Agency A", "Agency B"):
        world.organisations[name] = Organisation(name=name)
    db_session.add_all(world.organisations.values())
    db_session.flush()
    for case, (role, organisation) in STAFF.items():
        world.users[case] = add_user(db_session, role, case.title(),
                                     world.organisations.get(organisation))
    world.users["candidate self"] = add_user(db_session, "candidate", "Tove Test")
    world.users["candidate other"] = add_user(db_session, "candidate", "Ulf Annan")
    db_session.flush()
    tove = person_of(db_session, world.users["candidate self"])
    tove.organisation_id = world.organisations["Programme A"].id
    db_session.add_all([
        Consent(person_id=tove.id, purpose="assessment", recorded_by_id=tove.user_id),
        Consent(person_id=tove.id, purpose="share_report", recorded_by_id=tove.user_id,
                organisation_id=world.organisations["Agency A"].id),
        finished_questionnaire(tove, world.users["candidate self"]),
    ])
    world.tove = tove
    world.follow_up = FollowUp(person_id=tove.id, area="programmering", checklist={},
                               booked_for=datetime.now(UTC) - timedelta(days=1))
    world.submission = Submission(person_id=tove.id, challenge_id=CHALLENGE, kind="attempt",
                                  status="graded", gradable=True, score=1.0,
                                  files={"medel.py": "print(1)"})
    db_session.add_all([world.follow_up, world.submission])
    db_session.commit()
    return world


def person_of(db_session, user: User) -> Person:
    """The person record of a candidate's login."""
    return db_session.scalar(sa.select(Person).where(Person.user_id == user.id))


def log_entries(db_session, person: Person | None = None) -> list[tuple[str, str]]:
    """(action, what) of the access log, oldest first (about ``person`` when given)."""
    db_session.expire_all()
    query = sa.select(AccessLog).order_by(AccessLog.id)
    if person is not None:
        query = query.where(AccessLog.person_id == person.id)
    return [(row.action, row.what) for row in db_session.scalars(query)]


def client_of(app, user: User):
    """A test client logged in as ``user``."""
    client = app.test_client()
    response = client.post("/konto/logga-in", data={"email": user.email,
                                                    "password": TEST_PASSWORD})
    assert response.status_code == 302, user.email
    return client

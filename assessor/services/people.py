"""Adding a person without a login: who may is the access policy's ``person.add``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from assessor.models import ConsentPurpose, Gender, Person, Role, User
from assessor.services import policy
from assessor.services.privacy import give_consent


def add_person(session: Session, user: User, name: str, gender: str | None = None) -> Person:
    """Add a person without a login, e.g. before filling in a questionnaire for them, with
    the yes to the tests that they gave ``user`` (recorded by ``user`` on their behalf).

    A person a coach adds belongs to the coach's programme; one a caseworker adds belongs to
    no programme (the caseworker reaches them as the one who added them). Flushes.
    AccessDeniedError unless ``user`` may add people."""
    policy.require(session, user, policy.Action.PERSON_ADD)
    if gender not in {g.value for g in Gender}:
        gender = Gender.UNDISCLOSED.value
    programme = user.organisation_id if user.role == Role.FACILITATOR else None
    person = Person(name=name.strip(), gender=gender, created_by_id=user.id,
                    organisation_id=programme)
    session.add(person)
    session.flush()
    policy.require(session, user, policy.Action.CONSENT_CHANGE, person)
    policy.service.log(session, policy.Actor.of(user), person, "change",
                       policy.Action.PERSON_ADD)
    give_consent(session, person, ConsentPurpose.ASSESSMENT, user.id)
    return person

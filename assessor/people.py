"""People (candidate records) as staff see them: who may see whom, adding a person."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import Consent, ConsentPurpose, Gender, Person, Role, User


def visible_people(session: Session, user: User) -> list[Person]:
    """Coaches and admins see everyone; caseworkers the people they added or who share
    their report with the caseworker's organisation."""
    query = sa.select(Person).order_by(Person.name)
    if user.role == Role.CASEWORKER:
        shared = sa.select(Consent.person_id).where(
            Consent.purpose == ConsentPurpose.SHARE_REPORT,
            Consent.organisation_id == user.organisation_id,
            Consent.withdrawn_at.is_(None))
        query = query.where(sa.or_(Person.created_by_id == user.id, Person.id.in_(shared)))
    elif user.role not in (Role.FACILITATOR, Role.ADMIN):
        return []
    return list(session.scalars(query))


def add_person(session: Session, user: User, name: str, gender: str | None = None) -> Person:
    """Add a person without a login, e.g. before filling in a questionnaire for them."""
    if gender not in {g.value for g in Gender}:
        gender = Gender.UNDISCLOSED.value
    person = Person(name=name.strip(), gender=gender, created_by_id=user.id)
    session.add(person)
    session.flush()
    return person

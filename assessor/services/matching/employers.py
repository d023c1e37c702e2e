"""Employers and openings, managed by the coaches of the programme that keeps them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.ability.levels import LADDERS
from assessor.domain.matching import OpeningSpec, Requirement, level_rank
from assessor.domain.profiles import CHECKLIST_CODES, OFFERS, interest_tags
from assessor.models import (
    Employer,
    EmployerContact,
    Opening,
    OpeningKind,
    Organisation,
    RemoteWork,
)
from assessor.services import policy
from assessor.services.matching import MatchingError
from assessor.services.policy import Action

#: every level an opening may require, per area: "Programmering 1 E", …
LEVEL_CHOICES: dict[str, tuple[str, ...]] = {
    area: tuple(f"{course} {grade}" for course, grade in ladder)
    for area, ladder in LADDERS.items()}


def _require_manage(session: Session, actor: object, employer: Employer) -> None:
    decision = policy.authorize_programme(session, actor, Action.EMPLOYER_MANAGE,
                                          employer.programme_id)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)


def employers_of(session: Session, actor: object) -> list[Employer]:
    """The employers the actor's programme keeps, by name."""
    policy.require(session, actor, Action.EMPLOYERS)
    programme = policy.Actor.of(actor).organisation_id
    return list(session.scalars(
        sa.select(Employer).join(Organisation, Employer.organisation_id == Organisation.id)
        .where(Employer.programme_id == programme).order_by(Organisation.name)))


def add_employer(session: Session, actor: object, name: str, org_number: str = "",
                 municipality: str = "") -> Employer:
    """A new employer kept by the actor's programme. Flushes."""
    policy.require(session, actor, Action.EMPLOYERS)
    name = " ".join(name.split())[:200]
    if not name:
        raise MatchingError("name_needed")
    if session.scalar(sa.select(Organisation.id).where(Organisation.name == name)):
        raise MatchingError("name_taken")
    organisation = Organisation(name=name)
    session.add(organisation)
    session.flush()
    employer = Employer(organisation_id=organisation.id,
                        programme_id=policy.Actor.of(actor).organisation_id,
                        org_number=org_number.strip()[:20],
                        municipality=municipality.strip()[:100])
    session.add(employer)
    session.flush()
    return employer


def employer_for(session: Session, actor: object, employer_id: int) -> Employer | None:
    """The employer, if it exists and the actor may manage it (AccessDeniedError if not)."""
    employer = session.get(Employer, employer_id)
    if employer is not None:
        _require_manage(session, actor, employer)
    return employer


def add_contact(session: Session, actor: object, employer: Employer, name: str,
                title: str = "", email: str = "", phone: str = "") -> EmployerContact:
    """A contact person at the employer. Flushes."""
    _require_manage(session, actor, employer)
    if not name.strip():
        raise MatchingError("name_needed")
    contact = EmployerContact(employer_id=employer.id, name=name.strip()[:200],
                              title=title.strip()[:100], email=email.strip()[:254],
                              phone=phone.strip()[:40])
    session.add(contact)
    session.flush()
    return contact


@dataclass(frozen=True)
class OpeningInput:
    """Everything about an opening that a coach fills in."""

    title: str
    kind: str = OpeningKind.PRAKTIK.value
    requirements: tuple[tuple[str, str], ...] = ()  #: (area, level label)
    hours_per_week: int | None = None
    place: str = ""
    remote: str = RemoteWork.NONE.value
    offers: Mapping[str, str] = field(default_factory=dict)
    tags: str = ""
    capacity: int = 1
    open: bool = True


def save_opening(session: Session, actor: object, employer: Employer, data: OpeningInput,
                 opening: Opening | None = None) -> Opening:
    """Add an opening to the employer, or change ``opening``. Flushes."""
    _require_manage(session, actor, employer)
    _validate(data)
    opening = opening or Opening(employer_id=employer.id)
    if opening.employer_id != employer.id:
        raise MatchingError("not_found")
    opening.title, opening.kind = " ".join(data.title.split())[:200], data.kind
    opening.requirements = [{"area": area, "level": level} for area, level in
                            dict(data.requirements).items()]
    opening.hours_per_week, opening.remote = data.hours_per_week, data.remote
    opening.place = " ".join(data.place.split())[:100]
    opening.offers = {code: offer for code, offer in data.offers.items()
                      if code in CHECKLIST_CODES and offer in OFFERS}
    opening.tags, opening.capacity, opening.open = (list(interest_tags(data.tags)),
                                                    data.capacity, data.open)
    session.add(opening)
    session.flush()
    return opening


def _validate(data: OpeningInput) -> None:
    if not data.title.strip():
        raise MatchingError("title_needed")
    if data.kind not in tuple(OpeningKind) or data.remote not in tuple(RemoteWork):
        raise MatchingError("invalid")
    if any(level not in LEVEL_CHOICES.get(area, ()) for area, level in data.requirements):
        raise MatchingError("level")
    if data.hours_per_week is not None and not 1 <= data.hours_per_week <= 60:
        raise MatchingError("hours")
    if not 1 <= data.capacity <= 50:
        raise MatchingError("capacity")


def opening_for(session: Session, actor: object, opening_id: int) -> Opening | None:
    """The opening, if it exists and the actor may manage its employer."""
    opening = session.get(Opening, opening_id)
    if opening is not None:
        _require_manage(session, actor, opening.employer)
    return opening


def spec_of(opening: Opening) -> OpeningSpec:
    """The opening as the matching rules see it."""
    requirements = tuple(Requirement(r["area"], level_rank(r["area"], r["level"]), r["level"])
                         for r in opening.requirements or ())
    return OpeningSpec(id=opening.id, requirements=requirements, offers=dict(opening.offers or {}),
                       tags=frozenset(opening.tags or ()), place=(opening.place or "").lower(),
                       remote=opening.remote, hours=opening.hours_per_week)

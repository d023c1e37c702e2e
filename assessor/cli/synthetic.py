"""Synthetic demo data at any size: ``kodprov demo --people N --openings M --seed S``.

A programme of its own ("Syntetiskt program S") with N people (each with a yes to the tests,
a profile and a few graded hand-ins, some supervised) and M openings at a handful of
employers, all made from the seed (``assessor.domain.matching.synthetic``). Names and e-mails
are made up; nobody can log in as these people.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.matching.synthetic import synthetic_opening, synthetic_profile
from assessor.models import (
    Consent,
    Employer,
    Opening,
    Organisation,
    Person,
    Submission,
    WorkingProfile,
)
from assessor.services.catalogue import Catalogue

EMPLOYERS_PER_OPENINGS = 5  #: one employer for every five openings (at least one)
FIRST_NAMES = ("Alex", "Kim", "Robin", "Sam", "Noa", "Love", "Charlie", "Vide", "Ellis", "Tove")


@dataclass(frozen=True)
class SyntheticDemo:
    """What was made."""

    programme: str
    people: int
    openings: int
    employers: int


class SyntheticError(ValueError):
    """Synthetic data that cannot be made (the message says why)."""


def create_synthetic(session: Session, people: int, openings: int, seed: int,
                     catalogue: Catalogue) -> SyntheticDemo:
    """Make the programme, people and openings (attempts at tasks of ``catalogue``). Flushes,
    never commits."""
    if people < 0 or openings < 0 or people + openings == 0:
        raise SyntheticError("Give --people and --openings as numbers of 0 or more, not both 0.")
    name = f"Syntetiskt program {seed}"
    if session.scalar(sa.select(Organisation.id).where(Organisation.name == name)):
        raise SyntheticError(f"{name} exists already. Choose another --seed.")
    rng = random.Random(seed)
    programme = Organisation(name=name)
    session.add(programme)
    session.flush()
    challenges = [c.id for c in catalogue.bank()]
    for number in range(people):
        _person(session, programme, rng, number, challenges)
    employers = _employers(session, programme, openings, seed)
    for number in range(openings):
        _opening(session, employers[number % len(employers)], rng)
    session.flush()
    return SyntheticDemo(name, people, openings, len(employers))


def _person(session: Session, programme: Organisation, rng: random.Random, number: int,
            challenges: list[str]) -> None:
    person = Person(name=f"{rng.choice(FIRST_NAMES)} Syntet {number + 1}",
                    organisation_id=programme.id)
    session.add(person)
    session.flush()
    session.add(Consent(person_id=person.id, purpose="assessment"))
    profile = synthetic_profile(rng)
    session.add(WorkingProfile(person_id=person.id, sections=dict(profile.sections),
                               interests=list(profile.interests), needs=dict(profile.needs),
                               places=list(profile.places), remote=profile.remote,
                               hours_min=profile.hours_min, hours_max=profile.hours_max,
                               shared=sorted(profile.shared)))
    for challenge_id in rng.sample(challenges, min(len(challenges), rng.randint(0, 6))):
        session.add(Submission(person_id=person.id, challenge_id=challenge_id, kind="attempt",
                               status="graded", gradable=True,
                               score=rng.choice((1.0, 1.0, 0.5, 0.0)),
                               evidence=rng.choice(("unsupervised",) * 3 + ("supervised",))))


def _employers(session: Session, programme: Organisation, openings: int,
               seed: int) -> list[Employer]:
    employers = []
    for number in range(max(1, -(-openings // EMPLOYERS_PER_OPENINGS))):
        organisation = Organisation(name=f"Syntetisk arbetsgivare {seed}-{number + 1}")
        session.add(organisation)
        session.flush()
        employers.append(Employer(organisation_id=organisation.id, programme_id=programme.id))
    session.add_all(employers)
    session.flush()
    return employers


def _opening(session: Session, employer: Employer, rng: random.Random) -> None:
    o = synthetic_opening(rng)
    session.add(Opening(employer_id=employer.id, title=o.title, kind=o.kind,
                        requirements=[{"area": a, "level": lvl} for a, lvl in o.requirements],
                        hours_per_week=o.hours, place=o.place, remote=o.remote,
                        offers=dict(o.offers), tags=list(o.tags)))

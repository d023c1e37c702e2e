"""Ranking the people of a programme for one opening, with the reasons for each.

People come from the access policy (``match.rank``: the opening's programme, and a yes to the
tests); each is turned into the domain's ``Candidate`` (levels from ``services.skills``, the
profile's needs, interests and travel) and the domain ranks them. Every person considered is
written to the access log. There is deliberately no way to ask for people by a need.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.domain.matching import Candidate, MatchResult, Skill, assess, rank
from assessor.models import Opening, Person
from assessor.services import policy
from assessor.services.catalogue import Catalogue
from assessor.services.matching.employers import spec_of
from assessor.services.policy import Action
from assessor.services.profiles import content_of
from assessor.services.skills import all_areas


@dataclass(frozen=True)
class Ranked:
    """A person who fits, with the result (score and reasons)."""

    person: Person
    result: MatchResult


@dataclass(frozen=True)
class RankedList:
    """An opening's ranked list: who fits, best first, and how many were left out."""

    opening: Opening
    entries: list[Ranked]
    left_out: int
    missing: str


def skills_of(session: Session, person: Person, *, catalogue: Catalogue) -> dict[str, Skill]:
    """The person's level per area (only areas with a level), verified or not."""
    skills = {}
    for area, skill in all_areas(session, person, catalogue=catalogue).items():
        result = skill.result
        if result.level and result.level_rank:
            skills[area] = Skill(result.level_rank, result.level, result.status == "verified")
    return skills


def candidate_of(session: Session, person: Person, *, catalogue: Catalogue) -> Candidate:
    """What matching knows of the person (levels from the tasks of ``catalogue``)."""
    profile = content_of(session, person)
    return Candidate.from_needs(
        person.id, profile.needs, skills=skills_of(session, person, catalogue=catalogue),
        interests=frozenset(profile.interests), places=frozenset(profile.places),
        remote=profile.remote, hours_min=profile.hours_min, hours_max=profile.hours_max,
        home=profile.home, max_km=profile.max_km)


def people_for(session: Session, actor: object, opening: Opening) -> list[Person]:
    """The people of the opening's programme the actor may rank (not logged yet)."""
    programme = opening.employer.programme_id
    if policy.Actor.of(actor).role == "system":
        people_ids = policy.allowed_people(session, actor, Action.MATCH_RANK)
        return [p for p in (session.get(Person, i) for i in sorted(people_ids))
                if p is not None and p.organisation_id == programme]
    return [entry.person for entry in policy.listable(session, actor, Action.MATCH_RANK)
            if entry.person.organisation_id == programme]


def rank_opening(session: Session, actor: object, opening: Opening,
                 missing: str = "exclude", *, catalogue: Catalogue) -> RankedList:
    """Rank the people the actor may rank for ``opening``; each considered is logged."""
    people = people_for(session, actor, opening)
    policy.log_listed(session, actor, people, Action.MATCH_RANK)
    by_id = {person.id: person for person in people}
    shown, left_out = rank([candidate_of(session, p, catalogue=catalogue) for p in people],
                           spec_of(opening), missing)
    return RankedList(opening, [Ranked(by_id[r.person_id], r) for r in shown], left_out,
                      missing)


def match_one(session: Session, actor: object, opening: Opening, person: Person,
              missing: str = "exclude", *, catalogue: Catalogue) -> MatchResult:
    """One person against one opening, with every reason (the caller asked the policy)."""
    policy.require(session, actor, Action.MATCH_RANK, person)
    return assess(candidate_of(session, person, catalogue=catalogue), spec_of(opening), missing)

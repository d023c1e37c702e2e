""""Din väg" for a person: the facts gathered from what is recorded, and the four steps
(``domain.intake.path``). Staff ask the policy (``path``) first; results are read only under
the person's yes to the tests."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.intake import PathFacts, StepState, path_of
from assessor.models import MatchProposal, Person, ProposalStatus, WorkingProfile
from assessor.services import policy
from assessor.services.catalogue import Catalogue
from assessor.services.policy import Action
from assessor.services.skills import all_areas, graded_attempts


def path_facts(session: Session, person: Person, catalogue: Catalogue) -> PathFacts:
    """What the steps are derived from. Without a yes to the tests nothing is stored about
    the tests, so nothing about them is read."""
    facts = policy.facts_of(session, person)
    if not facts.tests_consent:
        return PathFacts(questionnaire=facts.questionnaire)
    results = [skill.result for skill in all_areas(session, person, catalogue=catalogue).values()]
    profile = session.scalar(sa.select(WorkingProfile).where(
        WorkingProfile.person_id == person.id))
    statuses = list(session.scalars(sa.select(MatchProposal.status).where(
        MatchProposal.person_id == person.id)))
    return PathFacts(
        tests_consent=True, questionnaire=facts.questionnaire,
        hand_ins=len(graded_attempts(session, person)),
        levels=sum(1 for r in results if r.level),
        supervised=sum(1 for r in results if r.status == "verified"),
        profile_sections=sum(1 for text in (profile.sections or {}).values() if str(text).strip())
        if profile else 0,
        proposals=len(statuses), agreed=statuses.count(ProposalStatus.AGREED.value))


def path_for(session: Session, actor: object, person: Person, *,
             catalogue: Catalogue) -> tuple[StepState, ...]:
    """The person's four steps, once the policy lets ``actor`` see them (AccessDeniedError
    if not; the caller has logged the look with ``policy.authorize``)."""
    policy.require(session, actor, Action.PATH_VIEW, person)
    return path_of(path_facts(session, person, catalogue))


def paths_of_programme(session: Session, actor: object, *, catalogue: Catalogue,
                       ) -> list[tuple[Person, tuple[StepState, ...]]]:
    """Every person the actor may see the path of, with it; each listed person is logged."""
    shown = policy.listed(session, actor, Action.PATH_VIEW)
    return [(entry.person, path_of(path_facts(session, entry.person, catalogue)))
            for entry in shown]

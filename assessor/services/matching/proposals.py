"""The coach proposes an opening to a person; the person says yes or no.

Saying yes also gives the consent to show the profile to that employer (``employer_profile``
naming the employer): the page says so, and the person can take it back on the consent page.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.models import MatchProposal, Opening, Person, ProposalStatus
from assessor.services import policy, privacy
from assessor.services.catalogue import Catalogue
from assessor.services.matching import MatchingError
from assessor.services.matching.ranking import match_one
from assessor.services.policy import Action
from assessor.services.privacy import ConsentError


def propose(session: Session, actor: object, opening: Opening, person: Person,
            missing: str = "exclude", *, catalogue: Catalogue) -> MatchProposal:
    """Propose ``opening`` to ``person`` (once per pair; only a fit can be proposed)."""
    policy.require(session, actor, Action.MATCH_PROPOSE, person)
    if person.organisation_id != opening.employer.programme_id or not opening.open:
        raise MatchingError("not_open")
    result = match_one(session, actor, opening, person, missing, catalogue=catalogue)
    if not result.feasible:
        raise MatchingError("not_a_fit")
    existing = session.scalar(sa.select(MatchProposal).where(
        MatchProposal.person_id == person.id, MatchProposal.opening_id == opening.id))
    if existing is not None:
        raise MatchingError("already_proposed")
    proposal = MatchProposal(person_id=person.id, opening_id=opening.id, score=result.score,
                             proposed_by_id=policy.Actor.of(actor).id)
    session.add(proposal)
    session.flush()
    return proposal


def proposals_for(session: Session, person: Person) -> list[MatchProposal]:
    """The person's proposals, newest first (the caller asked the policy)."""
    return list(session.scalars(sa.select(MatchProposal).where(
        MatchProposal.person_id == person.id).order_by(MatchProposal.proposed_at.desc(),
                                                       MatchProposal.id.desc())))


def proposals_of_opening(session: Session, opening: Opening) -> list[MatchProposal]:
    """The opening's proposals, newest first (the caller may manage the opening)."""
    return list(session.scalars(sa.select(MatchProposal).where(
        MatchProposal.opening_id == opening.id).order_by(MatchProposal.id.desc())))


def answer(session: Session, actor: object, proposal: MatchProposal, agree: bool) -> None:
    """The person's yes (with the consent to show the profile to the employer) or no. A yes
    can be changed to a no later; that takes the consent back too. Flushes."""
    person = proposal.person
    policy.require(session, actor, Action.MATCH_ANSWER, person)
    by = policy.Actor.of(actor).id
    employer_org = proposal.opening.employer.organisation_id
    try:
        if agree:
            consent = privacy.give_consent(session, person, "employer_profile", by,
                                           employer_org)
            proposal.consent_id = consent.id
        elif proposal.consent_id is not None and _shared_elsewhere(session, proposal) is False:
            privacy.withdraw_consent(session, person, proposal.consent_id, by)
    except ConsentError as error:
        raise MatchingError(error.code) from None
    proposal.status = (ProposalStatus.AGREED if agree else ProposalStatus.DECLINED).value
    proposal.answered_at = utcnow()
    session.flush()


def _shared_elsewhere(session: Session, proposal: MatchProposal) -> bool:
    """Whether another agreed proposal to the same employer still needs the consent."""
    return bool(session.scalar(sa.select(sa.func.count()).select_from(MatchProposal).where(
        MatchProposal.consent_id == proposal.consent_id, MatchProposal.id != proposal.id,
        MatchProposal.status == ProposalStatus.AGREED)))

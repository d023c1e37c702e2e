"""What an employer sees, and the consented, time-limited links that show it.

``employer_view`` builds exactly what the employer sees of a person: the code name, the
verified skill levels (under the yes to the tests) and the parts of "så här fungerar jag" the
person shares. The candidate's preview uses the same function. A link works until it expires,
while the person's yes to show the profile to that employer lasts; every visit, and every
refused one, is written to the access log (as the role "employer").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.domain.profiles import EmployerPart, employer_part
from assessor.models import EmployerLink, MatchProposal, Person, ProposalStatus
from assessor.services import policy
from assessor.services.account_links import code_hash, new_code, normalised
from assessor.services.catalogue import Catalogue
from assessor.services.matching import MatchingError
from assessor.services.policy import Action
from assessor.services.profiles import content_of
from assessor.services.skills import all_areas

LINK_PATH = "/arbetsgivare/"
DEFAULT_DAYS, MAX_DAYS = 14, 30


@dataclass(frozen=True)
class ShownSkill:
    """A verified level as the employer reads it."""

    area: str
    level: str
    evidence: str


@dataclass(frozen=True)
class EmployerView:
    """Exactly what the employer sees."""

    code_name: str
    skills: tuple[ShownSkill, ...]
    part: EmployerPart
    generated_at: datetime
    opening_title: str = ""
    employer_name: str = ""
    expires_at: datetime | None = None


def employer_view(session: Session, person: Person, *, tests_consent: bool,
                  catalogue: Catalogue, proposal: MatchProposal | None = None,
                  locale: str = "sv", expires_at: datetime | None = None) -> EmployerView:
    """What an employer sees of ``person`` (the caller asked the policy)."""
    skills = ()
    if tests_consent:
        areas = all_areas(session, person, locale, catalogue=catalogue)
        skills = tuple(ShownSkill(area, s.result.level, s.result.evidence or "")
                       for area, s in areas.items()
                       if s.result.status == "verified" and s.result.level)
    opening = proposal.opening if proposal is not None else None
    return EmployerView(person.public_id, skills, employer_part(content_of(session, person)),
                        utcnow(), opening.title if opening else "",
                        opening.employer.name if opening else "", expires_at)


@dataclass(frozen=True)
class IssuedEmployerLink:
    """A link just made: its code exists only here."""

    code: str
    expires_at: datetime
    link: EmployerLink


def employer_actor(proposal: MatchProposal) -> policy.Actor:
    """The employer of the proposal, as the policy sees whoever opens its link."""
    return policy.Actor(None, policy.actions.EMPLOYER_ROLE,
                        proposal.opening.employer.organisation_id)


def make_link(session: Session, actor: object, proposal: MatchProposal,
              days: int = DEFAULT_DAYS) -> IssuedEmployerLink:
    """A link for the proposal's employer, once the person agreed and while the employer
    may see the profile. Earlier links of the proposal stop working. Flushes."""
    policy.require(session, actor, Action.EMPLOYER_LINK, proposal.person)
    if not 1 <= days <= MAX_DAYS:
        raise MatchingError("days")
    if proposal.status != ProposalStatus.AGREED or not policy.check(
            session, employer_actor(proposal), Action.EMPLOYER_VIEW, proposal.person):
        raise MatchingError("no_consent")
    now = utcnow()
    session.execute(sa.update(EmployerLink).where(
        EmployerLink.proposal_id == proposal.id, EmployerLink.revoked_at.is_(None))
        .values(revoked_at=now))
    code = new_code()
    link = EmployerLink(proposal_id=proposal.id, token_hash=code_hash(normalised(code)),
                        created_at=now, expires_at=now + timedelta(days=days),
                        created_by_id=policy.Actor.of(actor).id)
    session.add(link)
    session.flush()
    return IssuedEmployerLink(code, link.expires_at, link)


def open_link(session: Session, code: str, locale: str = "sv", *,
              catalogue: Catalogue) -> EmployerView | None:
    """What the link shows, or None (unknown, expired, replaced, or no consent any more).
    A visit to a known link is logged, allowed or refused. Flushes."""
    plain = normalised(code)
    link = session.scalar(sa.select(EmployerLink).where(
        EmployerLink.token_hash == code_hash(plain))) if plain else None
    if link is None:
        return None
    proposal = link.proposal
    if link.revoked_at is not None or as_utc(link.expires_at) <= utcnow():
        policy.service.log(session, employer_actor(proposal), proposal.person, "denied",
                           f"{Action.EMPLOYER_VIEW} #{link.id}", "expired")
        return None
    decision = policy.authorize(session, employer_actor(proposal), Action.EMPLOYER_VIEW,
                                proposal.person, about=link.id)
    if not decision.allowed:
        return None
    facts = policy.facts_of(session, proposal.person)
    return employer_view(session, proposal.person, tests_consent=facts.tests_consent,
                         catalogue=catalogue, proposal=proposal, locale=locale,
                         expires_at=link.expires_at)

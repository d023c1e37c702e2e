"""A suggestion for a whole programme: at most one open opening per person.

Every open opening of the programme's employers is ranked (each person considered is logged
as ``match.rank``), then ``domain.matching.suggest_assignment`` pairs people and places. It is
a suggestion: the coach proposes, the person decides.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.matching import suggest_assignment
from assessor.models import Employer, Opening, Person
from assessor.services.matching.ranking import rank_opening


@dataclass(frozen=True)
class SuggestedPair:
    """One suggested pair, with the score it got."""

    opening: Opening
    person: Person
    score: float


def suggest_for_programme(session: Session, actor: object, programme_id: int | None,
                          missing: str = "exclude") -> list[SuggestedPair]:
    """The suggested pairs for the programme's open openings, by opening."""
    openings = list(session.scalars(
        sa.select(Opening).join(Employer, Opening.employer_id == Employer.id)
        .where(Employer.programme_id == programme_id, Opening.open.is_(True))
        .order_by(Opening.id)))
    results, people = [], {}
    for opening in openings:
        ranked = rank_opening(session, actor, opening, missing)
        results += [entry.result for entry in ranked.entries]
        people |= {entry.person.id: entry.person for entry in ranked.entries}
    by_id = {opening.id: opening for opening in openings}
    pairs = suggest_assignment(results, {o.id: o.capacity for o in openings})
    return [SuggestedPair(by_id[p.opening_id], people[p.person_id], p.score) for p in pairs]

"""Eligibility as the programme defines it: criteria rows a coach or admin of the programme
edits (``eligibility.criteria``), and per lead an answer to each, with its basis."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.intake import ELIGIBILITY_ANSWERS, ELIGIBILITY_BASES, LeadError, clean_line
from assessor.models import EligibilityAnswer, EligibilityCriterion, Lead, User
from assessor.services import policy
from assessor.services.intake.leads import require_manage
from assessor.services.policy import Action


def _require_criteria(session: Session, actor: object, programme_id: int | None) -> None:
    decision = policy.authorize_programme(session, actor, Action.ELIGIBILITY_CRITERIA,
                                          programme_id)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)


def criteria_of(session: Session, programme_id: int, *, everything: bool = False,
                ) -> list[EligibilityCriterion]:
    """The programme's criteria in order (only the ones in use unless ``everything``)."""
    query = sa.select(EligibilityCriterion).where(
        EligibilityCriterion.programme_id == programme_id)
    if not everything:
        query = query.where(EligibilityCriterion.active)
    return list(session.scalars(query.order_by(EligibilityCriterion.position,
                                               EligibilityCriterion.id)))


def add_criterion(session: Session, actor: object, text: str) -> EligibilityCriterion:
    """A new criterion, last, for the actor's programme. Flushes."""
    programme_id = policy.Actor.of(actor).organisation_id
    _require_criteria(session, actor, programme_id)
    if not clean_line(text):
        raise LeadError("criterion")
    last = session.scalar(sa.select(sa.func.max(EligibilityCriterion.position)).where(
        EligibilityCriterion.programme_id == programme_id)) or 0
    criterion = EligibilityCriterion(programme_id=programme_id, text=clean_line(text),
                                     position=last + 1)
    session.add(criterion)
    session.flush()
    return criterion


def change_criterion(session: Session, actor: object, criterion_id: int, *,
                     text: str | None = None, active: bool | None = None) -> None:
    """Reword a criterion or take it out of (or back into) use. Flushes."""
    criterion = session.get(EligibilityCriterion, criterion_id)
    if criterion is None:
        raise LeadError("criterion")
    _require_criteria(session, actor, criterion.programme_id)
    if text is not None:
        if not clean_line(text):
            raise LeadError("criterion")
        criterion.text = clean_line(text)
    if active is not None:
        criterion.active = active
    session.flush()


#: criterion id -> (answer, basis, note)
Answers = Mapping[int, tuple[str, str, str]]


def record_answers(session: Session, coach: User, lead: Lead, answers: Answers) -> None:
    """Met / not met / not known for each criterion of the lead's programme, with the basis
    it rests on (never a diagnosis document). Flushes."""
    require_manage(session, coach, lead, "change")
    criteria = {c.id for c in criteria_of(session, lead.programme_id)}
    if set(answers) - criteria:
        raise LeadError("criterion")
    for answer, basis, _note in answers.values():
        if answer not in ELIGIBILITY_ANSWERS or basis not in ELIGIBILITY_BASES:
            raise LeadError("answer")
    existing = {row.criterion_id: row for row in lead.eligibility}
    for criterion_id, (answer, basis, note) in answers.items():
        row = existing.get(criterion_id) or EligibilityAnswer(criterion_id=criterion_id)
        if row.id is None:
            lead.eligibility.append(row)
        row.answer, row.basis, row.note = answer, basis, clean_line(note)
        row.recorded_by_id, row.recorded_at = coach.id, utcnow()
    session.flush()


def answers_of(lead: Lead) -> dict[int, EligibilityAnswer]:
    """The lead's answers by criterion id."""
    return {row.criterion_id: row for row in lead.eligibility}

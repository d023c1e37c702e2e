"""Making a placement and moving it through its states (``domain.placements``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.placements import (
    AT_WORK,
    EndReason,
    KindError,
    PlacementKind,
    PlacementState,
    Step,
    StepError,
    Terms,
    check_step,
    schedule,
    shortest_period,
)
from assessor.models import (
    Employer,
    MatchProposal,
    OpeningKind,
    Person,
    Placement,
    PlacementFollowUp,
    PlacementStep,
    ProposalStatus,
)
from assessor.services import policy
from assessor.services.placements import PlacementError, today_here
from assessor.services.policy import Action


@dataclass(frozen=True)
class PlacementInput:
    """A new placement: at an employer of the programme or a workplace by name."""

    kind: str
    title: str = ""
    employer: Employer | None = None
    workplace: str = ""
    employment_form: str | None = None
    hours_per_week: float | None = None
    proposed_on: date | None = None  #: the day the person was put forward (today if None)


def placements_of(session: Session, person: Person) -> list[Placement]:
    """The person's placements, newest first (the caller asked the policy)."""
    return list(session.scalars(sa.select(Placement).where(Placement.person_id == person.id)
                                .order_by(Placement.created_at.desc(), Placement.id.desc())))


def agreed_proposals(session: Session, person: Person) -> list[MatchProposal]:
    """The person's agreed proposals that have no placement yet (the caller asked)."""
    placed = sa.select(Placement.proposal_id).where(Placement.proposal_id.is_not(None))
    return list(session.scalars(sa.select(MatchProposal).where(
        MatchProposal.person_id == person.id, MatchProposal.status == ProposalStatus.AGREED,
        MatchProposal.id.not_in(placed)).order_by(MatchProposal.id)))


def from_proposal(proposal: MatchProposal, employment_form: str | None = None,
                  hours_per_week: float | None = None,
                  proposed_on: date | None = None) -> PlacementInput:
    """The placement an agreed proposal leads to: the opening's employer, title, kind
    (a job is an employment, which needs its form) and hours."""
    opening = proposal.opening
    kind = PlacementKind.EMPLOYMENT if opening.kind == OpeningKind.JOB else PlacementKind.PRAKTIK
    return PlacementInput(kind=kind.value, title=opening.title, employer=opening.employer,
                          employment_form=employment_form,
                          hours_per_week=hours_per_week or opening.hours_per_week,
                          proposed_on=proposed_on)


def create_placement(session: Session, actor: object, person: Person, data: PlacementInput,
                     proposal: MatchProposal | None = None,
                     today: date | None = None) -> Placement:
    """A placement in the state "proposed", dated ``data.proposed_on``. From a proposal: the
    person's agreed one, once. Flushes; PlacementError when something does not fit."""
    policy.require(session, actor, Action.PLACEMENT_RECORD, person)
    today = today or today_here()
    terms = _terms(data.kind, data.employment_form, data.hours_per_week)
    day = data.proposed_on or today
    if day > today:
        raise PlacementError("future")
    if data.employer is not None and data.employer.programme_id != person.organisation_id:
        raise PlacementError("employer")
    workplace = " ".join(data.workplace.split())[:200]
    if data.employer is None and not workplace:
        raise PlacementError("workplace")
    if proposal is not None:
        _check_proposal(session, person, proposal)
    placement = Placement(
        person_id=person.id, employer_id=data.employer.id if data.employer else None,
        opening_id=proposal.opening_id if proposal else None,
        proposal_id=proposal.id if proposal else None, workplace=workplace,
        title=" ".join(data.title.split())[:200], kind=terms.kind.value,
        employment_form=terms.form.value if terms.form else None,
        hours_per_week=terms.hours_per_week, coach_id=policy.Actor.of(actor).id)
    session.add(placement)
    session.flush()
    session.add(PlacementStep(placement_id=placement.id, state=PlacementState.PROPOSED.value,
                              day=day, recorded_by_id=policy.Actor.of(actor).id))
    session.flush()
    return placement


def _check_proposal(session: Session, person: Person, proposal: MatchProposal) -> None:
    if proposal.person_id != person.id or proposal.status != ProposalStatus.AGREED:
        raise PlacementError("proposal")
    if session.scalar(sa.select(Placement.id).where(Placement.proposal_id == proposal.id)):
        raise PlacementError("proposal_placed")


def _terms(kind: str, form: str | None, hours: float | None, employed: bool = False) -> Terms:
    try:
        return Terms.of(kind, form or None, hours, employed=employed)
    except KindError as error:
        raise PlacementError(error.code) from None


def history_of(placement: Placement) -> list[Step]:
    """The placement's steps as the domain sees them, oldest first."""
    return [Step(PlacementState(s.state), s.day, EndReason(s.reason) if s.reason else None)
            for s in placement.steps]


def change_state(session: Session, actor: object, placement: Placement, state: str, day: date,
                 reason: str | None = None, employment_form: str | None = None,
                 hours_per_week: float | None = None, follow_up_until: date | None = None,
                 today: date | None = None) -> None:
    """Move the placement to ``state`` on ``day``. The first day at work schedules the
    follow-ups (until ``follow_up_until``, at least six months); becoming employed records
    the employment's form; an end cancels the follow-ups due after it. Flushes."""
    policy.require(session, actor, Action.PLACEMENT_RECORD, placement.person)
    today = today or today_here()
    try:
        step = Step(PlacementState(state), day, EndReason(reason) if reason else None)
        check_step(history_of(placement), PlacementKind(placement.kind), step, today)
    except ValueError as error:
        raise PlacementError(error.code if isinstance(error, StepError) else "unknown") from None
    if step.state is PlacementState.EMPLOYED:
        terms = _terms(placement.kind, employment_form or placement.employment_form,
                       hours_per_week or placement.hours_per_week, employed=True)
        placement.employment_form = terms.form.value
        placement.hours_per_week = terms.hours_per_week
    if step.state in AT_WORK and placement.follow_up_until is None:
        _schedule(session, placement, day, follow_up_until)
    if step.state is PlacementState.ENDED:
        for follow_up in placement.follow_ups:
            if follow_up.held_on is None and follow_up.due_on and follow_up.due_on > day:
                follow_up.cancelled = True
    placement.state, placement.end_reason = step.state.value, reason or None
    session.add(PlacementStep(placement_id=placement.id, state=step.state.value, day=day,
                              reason=reason or None, recorded_by_id=policy.Actor.of(actor).id))
    session.flush()
    session.refresh(placement)


def _schedule(session: Session, placement: Placement, start: date, until: date | None) -> None:
    """The follow-ups from the first day at work."""
    until = until or shortest_period(start)
    try:
        days = schedule(start, until)
    except ValueError:
        raise PlacementError("period") from None
    placement.follow_up_until = until
    session.add_all(PlacementFollowUp(placement_id=placement.id, due_on=due) for due in days)

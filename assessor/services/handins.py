"""A person's hand-ins as staff see them: the code and every test's result, staff tests included
(``submissions.full`` in the access policy), and the hand-ins a follow-up is about."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import FollowUp, Person, Submission, SubmissionKind
from assessor.services.catalogue import Catalogue


def hand_ins(session: Session, person: Person) -> list[Submission]:
    """The person's hand-ins ("Lämna in", not test runs), newest first."""
    return list(session.scalars(
        sa.select(Submission).where(Submission.person_id == person.id,
                                    Submission.kind == SubmissionKind.ATTEMPT)
        .order_by(Submission.created_at.desc(), Submission.id.desc())))


def in_area(catalogue: Catalogue, challenge_id: str, area: str) -> bool:
    """Whether a task belongs to ``area`` (a task that has left the bank belongs to none)."""
    challenge = catalogue.challenge(challenge_id)
    return challenge is not None and challenge.area.value == area


def follow_up_hand_ins(session: Session, follow_up: FollowUp, *,
                       catalogue: Catalogue) -> list[Submission]:
    """What a follow-up is about: the hand-in chosen for it, or else the person's hand-ins in
    its area since the previous follow-up in that area (up to when this one was held)."""
    if follow_up.submission_id is not None:
        chosen = session.get(Submission, follow_up.submission_id)
        return [chosen] if chosen is not None and chosen.person_id == follow_up.person_id \
            else []
    previous = session.scalars(
        sa.select(FollowUp).where(FollowUp.person_id == follow_up.person_id,
                                  FollowUp.area == follow_up.area, FollowUp.id != follow_up.id,
                                  FollowUp.booked_for < follow_up.booked_for)
        .order_by(FollowUp.booked_for.desc(), FollowUp.id.desc())).first()
    query = sa.select(Submission).where(Submission.person_id == follow_up.person_id,
                                        Submission.kind == SubmissionKind.ATTEMPT)
    if previous is not None:
        query = query.where(Submission.created_at > (previous.held_at or previous.booked_for))
    if follow_up.held_at is not None:
        query = query.where(Submission.created_at <= follow_up.held_at)
    found = session.scalars(query.order_by(Submission.created_at.desc(), Submission.id.desc()))
    return [submission for submission in found
            if in_area(catalogue, submission.challenge_id, follow_up.area)]

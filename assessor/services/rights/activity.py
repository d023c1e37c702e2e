"""When anything last happened about a person: the start of the inactive-person retention."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from assessor.models import (
    Consent,
    Draft,
    FollowUp,
    LoginSession,
    Person,
    Placement,
    PlacementFollowUp,
    PlacementStep,
    QuestionnaireResponse,
    Submission,
)


def inactive_since(cutoff: datetime) -> sa.Select:
    """Ids of the people about whom nothing happened after ``cutoff``: no login, answer,
    draft, hand-in, consent or follow-up (a booked one counts from its booked time)."""
    moments = sa.union_all(
        sa.select(Person.id.label("person_id"), Person.created_at.label("at")),
        sa.select(Submission.person_id, Submission.created_at),
        sa.select(Draft.person_id, Draft.updated_at),
        sa.select(QuestionnaireResponse.person_id, QuestionnaireResponse.updated_at),
        sa.select(FollowUp.person_id, sa.func.coalesce(FollowUp.held_at, FollowUp.booked_for)),
        sa.select(Consent.person_id, sa.func.coalesce(Consent.withdrawn_at, Consent.given_at)),
        sa.select(Person.id, LoginSession.last_seen_at)
        .join(LoginSession, LoginSession.user_id == Person.user_id),
    ).subquery()
    return (sa.select(moments.c.person_id).group_by(moments.c.person_id)
            .having(sa.func.max(moments.c.at) < cutoff))


def placements_active_since(cutoff: datetime) -> sa.Select:
    """Ids of the placements in which something happened after ``cutoff``: made, a step, a
    follow-up held (or still planned), or a day of follow-up still ahead of it. Days are
    compared as days (a union with the moments above would mix dates and times)."""
    day = cutoff.date()
    steps = sa.select(PlacementStep.placement_id).where(PlacementStep.day >= day)
    follow_ups = sa.select(PlacementFollowUp.placement_id).where(sa.or_(
        PlacementFollowUp.held_on >= day,
        sa.and_(PlacementFollowUp.held_on.is_(None), PlacementFollowUp.cancelled.is_(False),
                PlacementFollowUp.due_on >= day)))
    return sa.select(Placement.id).where(sa.or_(
        Placement.created_at >= cutoff, Placement.follow_up_until >= day,
        Placement.id.in_(steps), Placement.id.in_(follow_ups)))


def people_placed_since(cutoff: datetime) -> sa.Select:
    """Ids of the people with a placement in which something happened after ``cutoff``."""
    return sa.select(Placement.person_id).where(Placement.id.in_(placements_active_since(cutoff)))

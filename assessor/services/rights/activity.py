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

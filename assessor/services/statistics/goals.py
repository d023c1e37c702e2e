"""A programme's goals (a per cent of its participants per outcome); the defaults when it
has set none."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.statistics import DEFAULT_GOALS, OUTCOMES
from assessor.models import FunderGoal
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.statistics import StatisticsError


def goals_of(session: Session, programme_id: int | None) -> dict[str, int]:
    """outcome -> target per cent: the programme's own, else the defaults."""
    goals = dict(DEFAULT_GOALS)
    if programme_id is not None:
        goals |= dict(session.execute(sa.select(FunderGoal.outcome, FunderGoal.percent).where(
            FunderGoal.organisation_id == programme_id)).all())
    return goals


def set_goals(session: Session, actor: object, programme_id: int,
              goals: Mapping[str, int | None]) -> None:
    """Keep the programme's goals, a whole per cent per outcome (``None`` puts the default
    back). Flushes."""
    decision = policy.authorize_programme(session, actor, Action.STATISTICS, programme_id)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)
    if any(o not in OUTCOMES or (v is not None and not 0 <= v <= 100)
           for o, v in goals.items()):
        raise StatisticsError("goal")
    session.execute(sa.delete(FunderGoal).where(FunderGoal.organisation_id == programme_id,
                                                FunderGoal.outcome.in_(list(goals))))
    session.add_all(FunderGoal(organisation_id=programme_id, outcome=outcome, percent=value,
                               updated_by_id=policy.Actor.of(actor).id)
                    for outcome, value in goals.items() if value is not None)
    session.flush()

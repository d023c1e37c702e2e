"""A programme's goals (any number: an outcome, a target per cent of the people who left,
a name), the defaults when it has set none, and what the goals count of each leaver."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.intake import clean_line
from assessor.domain.placements import PlacementKind, PlacementState
from assessor.domain.placements.kinds import Degree, degree_of
from assessor.domain.statistics import DEFAULT_GOALS, GOAL_OUTCOMES, Goal, reached_outcomes
from assessor.models import FunderGoal, Placement, PlacementStep
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.statistics import StatisticsError
from assessor.services.statistics.population import Counted

MOST_GOALS = 20  #: more would not fit a report a funder reads
NAME_LENGTH = 120


def goals_of(session: Session, programme_id: int | None) -> list[Goal]:
    """The programme's goals, in the order they were added; the defaults when it has none
    (and for every programme at once)."""
    if programme_id is None:
        return list(DEFAULT_GOALS)
    stored = session.scalars(sa.select(FunderGoal).where(
        FunderGoal.organisation_id == programme_id).order_by(FunderGoal.id)).all()
    return [Goal(g.outcome, g.percent, g.name, g.id) for g in stored] or list(DEFAULT_GOALS)


def _require(session: Session, actor: object, programme_id: int) -> None:
    decision = policy.authorize_programme(session, actor, Action.STATISTICS, programme_id)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)


def _stored(session: Session, programme_id: int) -> list[FunderGoal]:
    return list(session.scalars(sa.select(FunderGoal).where(
        FunderGoal.organisation_id == programme_id).order_by(FunderGoal.id)))


def add_goal(session: Session, actor: object, programme_id: int, outcome: str, percent: int,
             name: str = "") -> FunderGoal:
    """Add a goal to the programme's (its first keeps the defaults beside it, so they can be
    removed one by one). StatisticsError("goal") for an unknown outcome or a per cent outside
    0–100, ("too_many") past MOST_GOALS. Flushes."""
    _require(session, actor, programme_id)
    if outcome not in GOAL_OUTCOMES or not isinstance(percent, int) or not 0 <= percent <= 100:
        raise StatisticsError("goal")
    stored = _stored(session, programme_id)
    if len(stored) >= MOST_GOALS:
        raise StatisticsError("too_many")
    by = policy.Actor.of(actor).id
    if not stored:
        session.add_all(FunderGoal(organisation_id=programme_id, outcome=g.outcome,
                                   percent=g.target, name=g.name, updated_by_id=by)
                        for g in DEFAULT_GOALS)
        session.flush()
    goal = FunderGoal(organisation_id=programme_id, outcome=outcome, percent=percent,
                      name=clean_line(name, NAME_LENGTH), updated_by_id=by)
    session.add(goal)
    session.flush()
    return goal


def remove_goal(session: Session, actor: object, programme_id: int, goal_id: int) -> bool:
    """Remove one of the programme's goals; False when it has no such goal. Flushes."""
    _require(session, actor, programme_id)
    goal = session.get(FunderGoal, goal_id)
    if goal is None or goal.organisation_id != programme_id:
        return False
    session.delete(goal)
    session.flush()
    return True


def _within(day: date | None, until: date) -> bool:
    return day is not None and day <= until


def reached_by_leavers(session: Session, members: Iterable[Counted], start: date,
                       end: date) -> dict[int, frozenset[str]]:
    """The people who ended their participation in ``start``–``end`` (person id -> the goal
    outcomes they reached while taking part, up to the day they left)."""
    left = {m.person.id: (m, m.participation.left_on) for m in members
            if m.participation is not None and m.participation.left_on is not None
            and start <= m.participation.left_on <= end}
    steps: dict[int, set[str]] = {person_id: set() for person_id in left}
    rows = session.execute(
        sa.select(Placement.person_id, Placement.kind, Placement.hours_per_week,
                  PlacementStep.state, PlacementStep.day, PlacementStep.reason)
        .join(PlacementStep).where(Placement.person_id.in_(list(left))))
    for person_id, kind, hours, state, day, reason in rows:
        if day > left[person_id][1]:
            continue
        if state == PlacementState.STARTED and kind == PlacementKind.PRAKTIK:
            steps[person_id].add("praktik")
        elif state == PlacementState.EMPLOYED:
            steps[person_id].add("job_half_time" if degree_of(hours) == Degree.GOAL else "job")
        elif state == PlacementState.ENDED and reason == "studies":
            steps[person_id].add("studies")
    return {person_id: reached_outcomes(
        job="job" in steps[person_id], half_time_job="job_half_time" in steps[person_id],
        praktik="praktik" in steps[person_id],
        studies="studies" in steps[person_id] or _within(m.participation.studies_from, until),
        course_passed=_within(m.participation.course_passed_on, until))
        for person_id, (m, until) in left.items()}

"""The outcome dashboard: the cohort found in a period, how far each person came, and their
levels per area, counted and masked by ``domain.statistics.dashboard``."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.placements import AT_WORK, add_months
from assessor.domain.statistics import STAGES, Dashboard, Member, dashboard
from assessor.models import MatchProposal, Placement, PlacementStep, ProposalStatus
from assessor.models import QuestionnaireResponse as Response
from assessor.services.catalogue import Catalogue
from assessor.services.matching.employers import LEVEL_CHOICES
from assessor.services.matching.ranking import skills_of
from assessor.services.placements import today_here
from assessor.services.statistics.population import check_period, counted, log_report

SIX_MONTHS = 6


def _still_there(steps: list[tuple[str, date]], today: date) -> bool:
    """At work six months after the first day at work (and those months have passed)."""
    started = min((day for state, day in steps if state in AT_WORK), default=None)
    if started is None or add_months(started, SIX_MONTHS) > today:
        return False
    checkpoint, state = add_months(started, SIX_MONTHS), None
    for step_state, day in sorted(steps, key=lambda s: s[1]):
        if day <= checkpoint:
            state = step_state
    return state in AT_WORK


def furthest_steps(session: Session, ids: list[int], today: date) -> dict[int, set[str]]:
    """For each person, the steps their records show (besides "found" and "verified")."""
    reached: dict[int, set[str]] = {pid: set() for pid in ids}
    for (pid,) in session.execute(sa.select(Response.person_id).where(
            Response.person_id.in_(ids), Response.completed_at.is_not(None))):
        reached[pid].add("screened")
    for (pid,) in session.execute(sa.select(MatchProposal.person_id).where(
            MatchProposal.person_id.in_(ids), MatchProposal.status == ProposalStatus.AGREED)):
        reached[pid].add("matched")
    steps: dict[int, list[tuple[str, date]]] = {}
    for placement_id, pid, state, day in session.execute(
            sa.select(Placement.id, Placement.person_id, PlacementStep.state, PlacementStep.day)
            .join(PlacementStep).where(Placement.person_id.in_(ids))):
        reached[pid].add("matched")
        steps.setdefault((pid, placement_id), []).append((state, day))
    for (pid, _), history in steps.items():
        if any(state in AT_WORK for state, _ in history):
            reached[pid].add("placed")
        if _still_there(history, today):
            reached[pid].add("still_placed")
    return reached


def dashboard_statistics(session: Session, actor: object, start: date, end: date,
                         programme_id: int | None = None,
                         today: date | None = None, *, catalogue: Catalogue) -> Dashboard:
    """The masked funnel and levels of the people found (enrolled) in ``start``–``end``, in
    the programme (every programme: None); logged as one read about no person. Flushes."""
    check_period(start, end)
    today = today or today_here()
    cohort = [m for m in counted(session, actor, programme_id) if start <= m.enrolled <= end]
    reached = furthest_steps(session, [m.person.id for m in cohort], today)
    members = []
    for member in cohort:
        levels = skills_of(session, member.person, catalogue=catalogue)
        steps = reached[member.person.id] | (
            {"verified"} if any(s.verified for s in levels.values()) else set())
        furthest = max(["found", *steps], key=STAGES.index)
        members.append(Member(member.person.gender, furthest,
                              {area: skill.label for area, skill in levels.items()}))
    log_report(session, actor, "statistics.dashboard")
    return dashboard(members, LEVEL_CHOICES)

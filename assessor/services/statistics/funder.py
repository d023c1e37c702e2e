"""The funder report of a period: who took part, their outcomes in the period, and the
programme's goals, counted and masked by ``domain.statistics.funder_report``; the same as
rows for a CSV file and as JSON."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import local_date
from assessor.domain.placements import PlacementKind, PlacementState
from assessor.domain.statistics import (
    AGE_GROUPS,
    COLUMNS,
    EVENING_ROWS,
    OUTCOMES,
    TOTAL,
    FunderReport,
    Participant,
    funder_report,
)
from assessor.models import Placement, PlacementStep
from assessor.services.events.attendance import held_evenings, places_at
from assessor.services.statistics.goals import goals_of, reached_by_leavers
from assessor.services.statistics.population import (
    Counted,
    check_period,
    counted,
    log_report,
)


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def took_part(member: Counted, start: date, end: date) -> bool:
    """Joined by the period's end and had not left before it began."""
    left = member.participation.left_on if member.participation else None
    return member.enrolled <= end and (left is None or left >= start)


def outcomes_in(session: Session, members: Iterable[Counted], start: date,
                end: date) -> dict[int, set[str]]:
    """Each person's outcomes in the period: praktik started, a job started (or a placement
    became one), moved on to studies, a course passed."""
    members = list(members)
    found: dict[int, set[str]] = {m.person.id: set() for m in members}
    steps = session.execute(
        sa.select(Placement.person_id, Placement.kind, PlacementStep.state, PlacementStep.day,
                  PlacementStep.reason).join(PlacementStep)
        .where(Placement.person_id.in_(list(found)), PlacementStep.day.between(start, end)))
    for person_id, kind, state, _day, reason in steps:
        if state == PlacementState.STARTED and kind == PlacementKind.PRAKTIK:
            found[person_id].add("praktik")
        elif state == PlacementState.EMPLOYED:
            found[person_id].add("job")
        elif state == PlacementState.ENDED and reason == "studies":
            found[person_id].add("studies")
    for member in members:
        record = member.participation
        if record is not None and _within(record.studies_from, start, end):
            found[member.person.id].add("studies")
        if record is not None and _within(record.course_passed_on, start, end):
            found[member.person.id].add("course_passed")
    return found


def evenings_in(session: Session, members: Iterable[Counted], start: date, end: date,
                programme_id: int | None) -> tuple[int, dict[int, int]]:
    """The evenings held in the period (of the programme; every programme: None), and each
    counted person's places at them."""
    held = [e for e in held_evenings(session, programme_id)
            if start <= local_date(e.starts_at) <= end]
    places = {m.person.id: 0 for m in members}
    for _place, person in places_at(session, held):
        if person.id in places:
            places[person.id] += 1
    return len(held), places


def funder_statistics(session: Session, actor: object, start: date, end: date,
                      programme_id: int | None = None, export: bool = False) -> FunderReport:
    """The masked report of the programme (every programme: None) for ``start``–``end``;
    logged as one read (or export) about no person. Flushes."""
    check_period(start, end)
    members = [m for m in counted(session, actor, programme_id) if took_part(m, start, end)]
    outcomes = outcomes_in(session, members, start, end)
    leavers = reached_by_leavers(session, members, start, end)
    held, places = evenings_in(session, members, start, end, programme_id)
    report = funder_report(
        [Participant(m.person.gender, m.participation.birth_year if m.participation else None,
                     frozenset(outcomes[m.person.id]), left=m.person.id in leavers,
                     reached=leavers.get(m.person.id, frozenset()),
                     evenings=places[m.person.id]) for m in members],
        start, end, goals_of(session, programme_id), evenings_held=held)
    log_report(session, actor, "statistics.funder", export)
    return report


def report_rows(report: FunderReport) -> list[list[str]]:
    """The report as rows of text (codes, not words): a header, then each table's rows, then
    the goals (``goal_rows``)."""
    rows = [["table", "row", *COLUMNS]]
    rows += [["participants", row, *(report.participants[(row, c)].text for c in COLUMNS)]
             for row in (*AGE_GROUPS, TOTAL)]
    rows += [["outcomes", row, *(report.outcomes[(row, c)].text for c in COLUMNS)]
             for row in OUTCOMES]
    rows += [["evenings", "held", *([""] * (len(COLUMNS) - 1)), str(report.evenings_held)]]
    rows += [["evenings", row, *(report.evenings[(row, c)].text for c in COLUMNS)]
             for row in EVENING_ROWS]
    rows += goal_rows(report)
    return rows


def report_json(report: FunderReport) -> dict:
    """The report as JSON: counts as text ("<3", "–" or a number), shares as numbers or
    null, and whether each goal is met."""
    return {
        "period": {"from": report.start.isoformat(), "to": report.end.isoformat()},
        "smallest_count_shown": report.k,
        "participants": {row: {c: report.participants[(row, c)].text for c in COLUMNS}
                         for row in (*AGE_GROUPS, TOTAL)},
        "outcomes": {row: {c: report.outcomes[(row, c)].text for c in COLUMNS}
                     for row in OUTCOMES},
        "evenings": {"held": report.evenings_held,
                     **{row: {c: report.evenings[(row, c)].text for c in COLUMNS}
                        for row in EVENING_ROWS}},
        "goals": goals_json(report),
    }


def goal_rows(report: FunderReport) -> list[list[str]]:
    """The goals as rows of text: the people who left per column, then per goal the people
    who reached its outcome and the share against the target ("–" when masked)."""
    exited = {g.column: g.exited for g in report.goals}
    rows = [["goals", "exited", *(exited[c].text for c in COLUMNS)]] if exited else []
    for goal in dict.fromkeys(g.goal for g in report.goals):
        cells = {g.column: g for g in report.goals if g.goal == goal}
        label = f"{goal.outcome}: {goal.name}" if goal.name else goal.outcome
        rows.append(["goal reached", label, *(cells[c].reached.text for c in COLUMNS)])
        rows.append([f"goal {goal.target} %", label, *(
            "–" if cells[c].share is None else f"{cells[c].share} %" for c in COLUMNS)])
    return rows


def goals_json(report: FunderReport) -> list[dict]:
    """Each goal with its share per column over the people who left in the period."""
    goals = dict.fromkeys(g.goal for g in report.goals)
    return [{"outcome": goal.outcome, "name": goal.name, "target_percent": goal.target,
             "columns": {g.column: {"exited": g.exited.text, "reached": g.reached.text,
                                    "result_percent": g.share, "met": g.met}
                         for g in report.goals if g.goal == goal}} for goal in goals]

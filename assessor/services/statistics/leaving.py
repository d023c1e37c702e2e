"""Why participations ended, and the days from enrolment to the first step, for the funder
report: counted from the records (``placements.waits.step_days``) and masked by
``domain.statistics.leaving``; as rows for the CSV file and as JSON. Kept apart from the
funder report's own tables, which it only adds to."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from assessor.domain.statistics import COLUMNS, TOTAL
from assessor.domain.statistics.leaving import (
    END_ROWS,
    FIRST_STEP_ROWS,
    Leaver,
    LeavingFigures,
    Starter,
    leaving_figures,
)
from assessor.services.placements.waits import step_days
from assessor.services.statistics.population import check_period, counted

#: the steps that count as a first step after enrolling
FIRST_STEPS = ("screened", "profile", "employer_contact", "started")


def days_to_first_step(enrolled: date, days: dict[str, date]) -> int | None:
    """Days from enrolment to the earliest first step (0 when it came before), or None."""
    first = min((days[step] for step in FIRST_STEPS if step in days), default=None)
    return None if first is None else max(0, (first - enrolled).days)


def leaving_statistics(session: Session, actor: object, start: date, end: date,
                       programme_id: int | None = None) -> LeavingFigures:
    """The masked figures of the programme (every programme: None) for ``start``–``end``
    (the caller logs the report it belongs to). AccessDeniedError as the funder report."""
    check_period(start, end)
    members = counted(session, actor, programme_id)
    leavers = [Leaver(m.person.gender, m.participation.end_reason) for m in members
               if m.participation is not None and m.participation.left_on is not None
               and start <= m.participation.left_on <= end]
    enrolled = [m for m in members if start <= m.enrolled <= end]
    days = step_days(session, [m.person for m in enrolled])
    return leaving_figures(leavers, [
        Starter(m.person.gender, days_to_first_step(m.enrolled, days[m.person.id]))
        for m in enrolled])


def leaving_rows(figures: LeavingFigures) -> list[list[str]]:
    """The figures as rows of the funder report's CSV file (codes, not words)."""
    rows = [["end_reasons", row, *(figures.end_reasons[(row, c)].text for c in COLUMNS)]
            for row in (*END_ROWS, TOTAL)]
    rows += [["first_step", row, *(figures.first_step[(row, c)].text for c in COLUMNS)]
             for row in (*FIRST_STEP_ROWS, TOTAL)]
    rows.append([f"first_step within {figures.goal_days} days", "share", *(
        "–" if figures.within_goal[c] is None else f"{figures.within_goal[c]} %"
        for c in COLUMNS)])
    return rows


def leaving_json(figures: LeavingFigures) -> dict:
    """The figures as JSON (counts as text, shares as numbers or null)."""
    return {
        "end_reasons": {row: {c: figures.end_reasons[(row, c)].text for c in COLUMNS}
                        for row in (*END_ROWS, TOTAL)},
        "first_step": {row: {c: figures.first_step[(row, c)].text for c in COLUMNS}
                       for row in (*FIRST_STEP_ROWS, TOTAL)},
        "first_step_within_days": figures.goal_days,
        "first_step_within_percent": dict(figures.within_goal),
    }

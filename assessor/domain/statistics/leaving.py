"""Two figures of the funder report: why participations ended, and how soon people came to
their first step after enrolling; both by gender, masked together (``masking``).

Definitions (the report states them): a participation that ended in the period counts once,
with its reason ("not recorded" when none was written down). Of the people who enrolled in the
period, each counts once by the days from enrolment to their first step (the questionnaire
done, "how I work" started, a first employer contact or a workplace started, whichever came
first): within the goal of two weeks, later, or not yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assessor.domain.placements import GOAL_DAYS, PARTICIPATION_END_REASONS
from assessor.domain.statistics.masking import Count, K, mask, percent
from assessor.domain.statistics.tables import COLUMNS, TOTAL, column_lines, count_rows, row_lines

NOT_RECORDED = "not_recorded"
#: the rows of the end-reason table (its TOTAL row counts everyone who left)
END_ROWS: tuple[str, ...] = (*(str(r) for r in PARTICIPATION_END_REASONS), NOT_RECORDED)
#: the rows of the first-step table (its TOTAL row counts everyone who enrolled)
FIRST_STEP_ROWS: tuple[str, ...] = ("within_goal", "later", "not_yet")


@dataclass(frozen=True)
class Leaver:
    """A participation that ended in the period (never who it was)."""

    gender: str
    reason: str | None


@dataclass(frozen=True)
class Starter:
    """Someone who enrolled in the period, and the days to their first step (None: not yet)."""

    gender: str
    days_to_first_step: int | None


@dataclass(frozen=True)
class LeavingFigures:
    """The masked tables ``end_reasons[(row or TOTAL, column)]`` and
    ``first_step[(row or TOTAL, column)]``, and per column the share who came to their first
    step within the goal (None when masked)."""

    end_reasons: dict[tuple[str, str], Count]
    first_step: dict[tuple[str, str], Count]
    within_goal: dict[str, int | None]
    goal_days: int = GOAL_DAYS


def first_step_row(days: int | None, goal_days: int = GOAL_DAYS) -> str:
    """Which row of the first-step table a person counts in."""
    if days is None:
        return "not_yet"
    return "within_goal" if days <= goal_days else "later"


def leaving_figures(leavers: Iterable[Leaver], starters: Iterable[Starter],
                    k: int = K) -> LeavingFigures:
    """Both tables counted by gender and masked (each row adds up to its total column, each
    column to its TOTAL row)."""
    counts = count_rows("e", [*END_ROWS, TOTAL], [
        (row, leaver.gender) for leaver in leavers
        for row in (leaver.reason if leaver.reason in END_ROWS else NOT_RECORDED, TOTAL)])
    counts |= count_rows("f", [*FIRST_STEP_ROWS, TOTAL], [
        (row, starter.gender) for starter in starters
        for row in (first_step_row(starter.days_to_first_step), TOTAL)])
    lines = [*row_lines("e", [*END_ROWS, TOTAL]), *column_lines("e", END_ROWS),
             *row_lines("f", [*FIRST_STEP_ROWS, TOTAL]), *column_lines("f", FIRST_STEP_ROWS)]
    masked = mask(counts, lines, k)
    end_reasons = {(row, c): masked[("e", row, c)] for row in (*END_ROWS, TOTAL)
                   for c in COLUMNS}
    first_step = {(row, c): masked[("f", row, c)] for row in (*FIRST_STEP_ROWS, TOTAL)
                  for c in COLUMNS}
    within = {c: percent(first_step[("within_goal", c)], first_step[(TOTAL, c)])
              for c in COLUMNS}
    return LeavingFigures(end_reasons, first_step, within)

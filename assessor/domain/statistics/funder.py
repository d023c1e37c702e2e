"""The funder report for a period: participants by gender and age group, outcomes, and the
programme's goals against the results, all masked together (``masking``).

Definitions (the report states them): a participant took part at some time in the period;
age is counted at the period's end; an outcome counts a person once when it happened in the
period (praktik started, a job started or a placement became one, moved on to studies, a
course passed). A goal's share is over the people who ended their participation in the
period (``goals``). Evenings: the Mini Hackathon evenings held in the period, the
participants who came to one (*attendees*) and their places at them (*attendances*), by
gender.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from assessor.domain.statistics.goals import DEFAULT_GOALS, Goal, GoalResult, Leaver, goal_results
from assessor.domain.statistics.masking import Count, K, Line, mask
from assessor.domain.statistics.tables import (
    COLUMNS,
    TOTAL,
    column_lines,
    count_rows,
    row_lines,
)

AGE_GROUPS = ("under_25", "25_29", "30_plus", "unknown")
OUTCOMES = ("praktik", "job", "studies", "course_passed")
EVENING_ROWS = ("attendees", "attendances")


@dataclass(frozen=True)
class Participant:
    """What the report counts of one person (never who it is)."""

    gender: str
    birth_year: int | None
    outcomes: frozenset[str]
    #: ended their participation in the period (the goals' denominator)
    left: bool = False
    #: the goal outcomes reached while taking part (``goals.GOAL_OUTCOMES``), for a leaver
    reached: frozenset[str] = frozenset()
    evenings: int = 0  #: places taken at evenings held in the period


@dataclass(frozen=True)
class FunderReport:
    """The masked tables: ``participants[(age group or TOTAL, column)]``,
    ``outcomes[(outcome, column)]``, each goal per column, the evenings held and
    ``evenings[(EVENING_ROWS row, column)]``."""

    start: date
    end: date
    k: int
    participants: dict[tuple[str, str], Count]
    outcomes: dict[tuple[str, str], Count]
    goals: list[GoalResult]
    evenings_held: int = 0
    evenings: dict[tuple[str, str], Count] = field(default_factory=dict)


def age_group(birth_year: int | None, on: date) -> str:
    """The age group on a day (by year of birth alone)."""
    if birth_year is None or not 0 < on.year - birth_year < 130:
        return "unknown"
    age = on.year - birth_year
    return "under_25" if age < 25 else "25_29" if age < 30 else "30_plus"


def funder_report(people: Iterable[Participant], start: date, end: date,
                  goals: Sequence[Goal] | None = None, k: int = K,
                  evenings_held: int = 0) -> FunderReport:
    """The report for the participants of the period (``start``–``end``), masked."""
    people = list(people)
    goals = DEFAULT_GOALS if goals is None else goals
    counts = count_rows("p", [*AGE_GROUPS, TOTAL],
                        [(row, p.gender) for p in people
                         for row in (age_group(p.birth_year, end), TOTAL)])
    counts |= count_rows("o", OUTCOMES, [(outcome, p.gender) for p in people
                                         for outcome in sorted(p.outcomes)])
    counts |= count_rows("e", EVENING_ROWS, [
        (row, p.gender) for p in people if p.evenings
        for row in ("attendees", *(["attendances"] * p.evenings))])
    lines: list[Line] = [*row_lines("p", [*AGE_GROUPS, TOTAL]),
                         *column_lines("p", AGE_GROUPS), *row_lines("o", OUTCOMES),
                         *row_lines("e", EVENING_ROWS)]
    masked = mask(counts, lines, k)
    participants = {(row, column): masked[("p", row, column)]
                    for row in (*AGE_GROUPS, TOTAL) for column in COLUMNS}
    outcomes = {(row, column): masked[("o", row, column)]
                for row in OUTCOMES for column in COLUMNS}
    leavers = [Leaver(p.gender, p.reached) for p in people if p.left]
    evenings = {(row, column): masked[("e", row, column)]
                for row in EVENING_ROWS for column in COLUMNS}
    return FunderReport(start, end, k, participants, outcomes,
                        goal_results(leavers, goals, k), evenings_held, evenings)

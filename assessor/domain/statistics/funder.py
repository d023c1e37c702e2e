"""The funder report for a period: participants by gender and age group, outcomes, and the
programme's goals against the results, all masked together (``masking``).

Definitions (the report states them): a participant took part at some time in the period;
age is counted at the period's end; an outcome counts a person once when it happened in the
period (praktik started, a job started or a placement became one, moved on to studies, a
course passed). A goal's share is the outcome's people over the participants. Evenings: the
Mini Hackathon evenings held in the period, the participants who came to one (*attendees*)
and their places at them (*attendances*), by gender.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from assessor.domain.statistics.masking import Count, K, Line, mask, percent
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
#: the goals when a programme has set none: 70 % pass a course, 50 % get a job
DEFAULT_GOALS: dict[str, int] = {"course_passed": 70, "job": 50}


@dataclass(frozen=True)
class Participant:
    """What the report counts of one person (never who it is)."""

    gender: str
    birth_year: int | None
    outcomes: frozenset[str]
    evenings: int = 0  #: places taken at evenings held in the period


@dataclass(frozen=True)
class GoalResult:
    """One goal in one column: the share reached (None when masked) against the target."""

    outcome: str
    column: str
    target: int
    share: int | None

    @property
    def met(self) -> bool | None:
        """Whether the share reaches the target (None when the share is masked)."""
        return None if self.share is None else self.share >= self.target


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
                  goals: Mapping[str, int] | None = None, k: int = K,
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
    results = [GoalResult(outcome, column, target,
                          percent(outcomes[(outcome, column)], participants[(TOTAL, column)]))
               for outcome, target in goals.items() if outcome in OUTCOMES
               for column in COLUMNS]
    evenings = {(row, column): masked[("e", row, column)]
                for row in EVENING_ROWS for column in COLUMNS}
    return FunderReport(start, end, k, participants, outcomes, results, evenings_held,
                        evenings)

"""A programme's goals against its results (the funder report's last table).

A goal is a target share of the people who *ended their participation* in the period (the
leavers) who reached an outcome while they took part: completed ÷ exited, as funders count
it, never against everyone who took part (people still in the programme have not had their
chance yet). A programme keeps any number of goals; each outcome has one definition (shown
beside the goal in the report). The leavers and each outcome reached are counted per gender
and masked like every other count (``masking``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assessor.domain.statistics.masking import Count, K, mask, percent
from assessor.domain.statistics.tables import COLUMNS, count_rows, row_lines

#: what a goal can count, each reached while taking part (by the day the person left):
#: a job (any hours), a job of at least half of full time (20 h of 40), praktik started,
#: moved on to studies, a job or studies, the course passed
GOAL_OUTCOMES = ("job", "job_half_time", "praktik", "studies", "job_or_studies",
                 "course_passed")
EXITED = "exited"  #: the row of the leavers, the denominator of every goal


@dataclass(frozen=True)
class Goal:
    """A target per cent of the leavers who reached ``outcome``; ``name`` as the funder's
    agreement words it (empty: the outcome's own name)."""

    outcome: str
    target: int
    name: str = ""
    id: int | None = None  #: the stored goal (None: a default)


#: the goals when a programme has set none: 70 % pass a course, 50 % get a job
DEFAULT_GOALS = (Goal("course_passed", 70), Goal("job", 50))


@dataclass(frozen=True)
class Leaver:
    """What the goals count of one person who ended their participation in the period."""

    gender: str
    reached: frozenset[str]  #: the GOAL_OUTCOMES reached while taking part


@dataclass(frozen=True)
class GoalResult:
    """One goal in one column: the leavers reaching the outcome, the leavers, and the share
    (None when either count is masked or nobody left)."""

    goal: Goal
    column: str
    reached: Count
    exited: Count
    share: int | None

    @property
    def outcome(self) -> str:
        """The outcome the goal counts."""
        return self.goal.outcome

    @property
    def target(self) -> int:
        """The target per cent."""
        return self.goal.target

    @property
    def met(self) -> bool | None:
        """Whether the share reaches the target (None when the share is masked)."""
        return None if self.share is None else self.share >= self.target


def reached_outcomes(job: bool, half_time_job: bool, praktik: bool, studies: bool,
                     course_passed: bool) -> frozenset[str]:
    """The GOAL_OUTCOMES a leaver reached, from what happened while they took part."""
    flags = {"job": job or half_time_job, "job_half_time": half_time_job, "praktik": praktik,
             "studies": studies, "job_or_studies": job or half_time_job or studies,
             "course_passed": course_passed}
    return frozenset(outcome for outcome, reached in flags.items() if reached)


def goal_results(leavers: Iterable[Leaver], goals: Sequence[Goal],
                 k: int = K) -> list[GoalResult]:
    """Each goal per column (goal by goal, in the given order), masked. Goals that count the
    same outcome share one row of counts, so two goals can never be told apart."""
    leavers = list(leavers)
    goals = [goal for goal in goals if goal.outcome in GOAL_OUTCOMES]
    outcomes = list(dict.fromkeys(goal.outcome for goal in goals))
    rows = [EXITED, *outcomes]
    counts = count_rows("g", rows, [(EXITED, p.gender) for p in leavers]
                        + [(o, p.gender) for p in leavers for o in outcomes if o in p.reached])
    masked = mask(counts, row_lines("g", rows), k)
    return [GoalResult(goal, column, masked[("g", goal.outcome, column)],
                       masked[("g", EXITED, column)],
                       percent(masked[("g", goal.outcome, column)],
                               masked[("g", EXITED, column)]))
            for goal in goals for column in COLUMNS]


def exited_counts(results: Sequence[GoalResult]) -> dict[str, Count]:
    """The leavers per column, as the goal results carry them."""
    return {result.column: result.exited for result in results}

"""Statistics: small counts masked with secondary suppression, and the report shapes.

``masking``: "<3" for counts of 1–2 and "–" for the counts that would give one away (one home
for the rule); ``tables``: genders as columns and the lines tying tables to their totals;
``funder``: the funder report; ``goals``: the programme's goals over the people who left;
``funnel``: the outcome dashboard's funnel and levels.
"""

from assessor.domain.statistics.funder import (
    AGE_GROUPS,
    EVENING_ROWS,
    OUTCOMES,
    FunderReport,
    Participant,
    age_group,
    funder_report,
)
from assessor.domain.statistics.funnel import NO_LEVEL, STAGES, Dashboard, Member, dashboard
from assessor.domain.statistics.goals import (
    DEFAULT_GOALS,
    GOAL_OUTCOMES,
    Goal,
    GoalResult,
    Leaver,
    goal_results,
    reached_outcomes,
)
from assessor.domain.statistics.masking import (
    Count,
    K,
    Line,
    Mask,
    first_exposed,
    mask,
    percent,
)
from assessor.domain.statistics.tables import COLUMNS, GENDERS, TOTAL

__all__ = [
    "AGE_GROUPS",
    "COLUMNS",
    "DEFAULT_GOALS",
    "EVENING_ROWS",
    "GENDERS",
    "GOAL_OUTCOMES",
    "NO_LEVEL",
    "OUTCOMES",
    "STAGES",
    "TOTAL",
    "Count",
    "Dashboard",
    "FunderReport",
    "Goal",
    "GoalResult",
    "K",
    "Leaver",
    "Line",
    "Mask",
    "Member",
    "Participant",
    "age_group",
    "dashboard",
    "first_exposed",
    "funder_report",
    "goal_results",
    "mask",
    "percent",
    "reached_outcomes",
]

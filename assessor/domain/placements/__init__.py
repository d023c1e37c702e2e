"""Placements and their follow-up: pure rules.

``kinds``: the kinds of placement, the form and degree of an employment (40 h = 100 %);
``states``: the states, the steps allowed between them and why a placement ended;
``schedule``: weekly then monthly follow-ups for at least six months, and when one is overdue;
``ips``: days to the first employer contact and the waits between steps (goal: two weeks).
"""

from assessor.domain.placements.ips import (
    FIRST_CONTACT_DAYS,
    GOAL_DAYS,
    STEPS,
    Figures,
    Wait,
    figures,
)
from assessor.domain.placements.kinds import (
    FULL_TIME_HOURS,
    GAIN_HOURS,
    GOAL_PERCENT,
    MAX_HOURS,
    Degree,
    EmploymentForm,
    KindError,
    PlacementKind,
    Terms,
    degree_of,
    percent_of_full_time,
)
from assessor.domain.placements.schedule import (
    MIN_MONTHS,
    add_months,
    days_late,
    is_overdue,
    schedule,
    shortest_period,
)
from assessor.domain.placements.states import (
    AT_WORK,
    PARTICIPATION_END_REASONS,
    TRANSITIONS,
    EndReason,
    PlacementState,
    Step,
    StepError,
    at_work_on,
    check_step,
    first_day,
    next_states,
)

__all__ = [
    "AT_WORK",
    "FIRST_CONTACT_DAYS",
    "FULL_TIME_HOURS",
    "GAIN_HOURS",
    "GOAL_DAYS",
    "GOAL_PERCENT",
    "MAX_HOURS",
    "MIN_MONTHS",
    "PARTICIPATION_END_REASONS",
    "STEPS",
    "TRANSITIONS",
    "Degree",
    "EmploymentForm",
    "EndReason",
    "Figures",
    "KindError",
    "PlacementKind",
    "PlacementState",
    "Step",
    "StepError",
    "Terms",
    "Wait",
    "add_months",
    "at_work_on",
    "check_step",
    "days_late",
    "degree_of",
    "figures",
    "first_day",
    "is_overdue",
    "next_states",
    "percent_of_full_time",
    "schedule",
    "shortest_period",
]

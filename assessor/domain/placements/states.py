"""A placement's states, the steps allowed between them, and why a placement ended.

Each step has a date: the day it happened (never in the future, never before the step
before). ``proposed`` is the day the coach put the person forward to the workplace: the
person's employer contact in IPS terms.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assessor.domain.placements.kinds import PlacementKind, RuleError


class PlacementState(enum.StrEnum):
    """Where a placement stands."""

    PROPOSED = "proposed"  #: the person was put forward to the workplace
    INTERVIEW = "interview"  #: a meeting or interview at the workplace
    STARTED = "started"  #: the placement (praktik, uppdrag, …) has started
    EMPLOYED = "employed"  #: the person is employed there
    ENDED = "ended"  #: over, with a reason


class EndReason(enum.StrEnum):
    """Why a placement ended."""

    COMPLETED = "completed"  #: the planned period is over
    OTHER_JOB = "other_job"  #: moved on to another job
    STUDIES = "studies"  #: moved on to studies
    HANDED_OVER = "handed_over"  #: handed over to the employment service's supported-work
    #: consultants (SIUS)
    HEALTH = "health"  #: the person's health
    INTEREST = "interest"  #: the work did not interest the person
    EMPLOYER = "employer"  #: the workplace ended it
    MOVED = "moved"  #: the person moved away
    OTHER = "other"


#: why a participation in the programme ended (the funder report counts these by gender):
#: the same words as a placement's end, less those only a workplace can have (the employer
#: ended it; handed over to the supported-work consultants). One vocabulary for both.
PARTICIPATION_END_REASONS: tuple[EndReason, ...] = (
    EndReason.COMPLETED, EndReason.OTHER_JOB, EndReason.STUDIES, EndReason.HEALTH,
    EndReason.INTEREST, EndReason.MOVED, EndReason.OTHER)

#: state -> the states it may go to next
TRANSITIONS: dict[PlacementState, frozenset[PlacementState]] = {
    PlacementState.PROPOSED: frozenset({PlacementState.INTERVIEW, PlacementState.STARTED,
                                        PlacementState.EMPLOYED, PlacementState.ENDED}),
    PlacementState.INTERVIEW: frozenset({PlacementState.STARTED, PlacementState.EMPLOYED,
                                         PlacementState.ENDED}),
    PlacementState.STARTED: frozenset({PlacementState.EMPLOYED, PlacementState.ENDED}),
    PlacementState.EMPLOYED: frozenset({PlacementState.ENDED}),
    PlacementState.ENDED: frozenset(),
}
#: states in which the person is at the workplace (follow-ups run)
AT_WORK = frozenset({PlacementState.STARTED, PlacementState.EMPLOYED})


class StepError(RuleError):
    """A step that is not allowed."""


@dataclass(frozen=True)
class Step:
    """One state a placement reached, on a day (an end has its reason)."""

    state: PlacementState
    on: date
    reason: EndReason | None = None


def next_states(current: PlacementState, kind: PlacementKind) -> frozenset[PlacementState]:
    """Where a placement of ``kind`` may go from ``current``: an employment is never merely
    "started", it starts as "employed"."""
    allowed = TRANSITIONS[current]
    if kind is PlacementKind.EMPLOYMENT:
        allowed = allowed - {PlacementState.STARTED}
    return allowed


def check_step(history: Sequence[Step], kind: PlacementKind, new: Step, today: date) -> None:
    """StepError unless ``new`` may follow ``history`` (oldest first, never empty): an allowed
    state, a day neither before the last step nor after today, and a reason exactly when
    the placement ends."""
    last = history[-1]
    if new.state not in next_states(last.state, kind):
        raise StepError("not_allowed")
    if new.on < last.on:
        raise StepError("before_last")
    if new.on > today:
        raise StepError("future")
    if (new.state is PlacementState.ENDED) != (new.reason is not None):
        raise StepError("reason")


def first_day(history: Sequence[Step], *states: PlacementState) -> date | None:
    """The day the placement first reached any of ``states`` (None if it never did)."""
    return min((step.on for step in history if step.state in states), default=None)


def at_work_on(history: Sequence[Step], day: date) -> bool:
    """Whether the person was at the workplace on ``day`` (started or employed, not ended)."""
    state = None
    for step in history:
        if step.on > day:
            break
        state = step.state
    return state in AT_WORK

"""The individual development plan's rules: goals tied to the course levels, their states,
planned steps and review dates. Pure: no session, no Flask.

A goal names an area and a step of its ladder ("Programmering 1 C": the same words the report
uses, ``domain.ability.levels.LADDERS``); the plan never stores evidence or levels, it links to
the records that hold them.
"""

from __future__ import annotations

from datetime import date, timedelta

from assessor.domain.ability.levels import LADDERS

#: a goal is being worked on, was reached, or is paused (kept, not deleted: the history stays)
GOAL_STATES: tuple[str, ...] = ("active", "reached", "paused")
#: what one edit of the plan changed (the history shows who and when, never the content)
EDIT_KINDS: tuple[str, ...] = ("goal_added", "goal_changed", "step_added", "step_done",
                               "review_added", "review_held")
MAX_TEXT = 1000  #: characters in a goal's note, a step or a review's note
#: a review date is at most this far ahead, and a step's date too
MAX_AHEAD = timedelta(days=3 * 366)


def level_labels(area: str) -> tuple[str, ...]:
    """The steps one can aim for in ``area``, lowest first ("Programmering 1 E", …)."""
    return tuple(f"{course} {grade}" for course, grade in LADDERS.get(area, ()))


def level_rank(area: str, label: str | None) -> int:
    """The step's place on the area's ladder (1 = the lowest); 0 for none or unknown."""
    labels = level_labels(area)
    return labels.index(label) + 1 if label in labels else 0


def is_goal_level(area: str, label: str) -> bool:
    """Whether ``label`` is a step of ``area``'s ladder."""
    return label in level_labels(area)


def reached(area: str, goal: str, current: str | None) -> bool:
    """Whether the current verified level is at or above the goal."""
    return level_rank(area, current) >= level_rank(area, goal) > 0


def within_reach(day: date, today: date) -> bool:
    """A planned day is not before a year ago and not beyond ``MAX_AHEAD``."""
    return today - timedelta(days=366) <= day <= today + MAX_AHEAD

"""Words for the development plan: goal states, kinds of change, and why a change failed."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

GOAL_STATE_NAMES = {
    "active": _l("Working on it"),
    "reached": _l("Reached"),
    "paused": _l("Paused"),
}
EDIT_NAMES = {
    "goal_added": _l("added a goal"),
    "goal_changed": _l("changed a goal"),
    "step_added": _l("planned a step"),
    "step_done": _l("marked a step done"),
    "review_added": _l("set a review date"),
    "review_held": _l("wrote down a review"),
}
STATUS_NAMES = {
    "verified": _l("verified"),
    "discrepancy": _l("not confirmed yet"),
    "not_verified": _l("not verified yet"),
    "not_done": _l("no tasks yet"),
}
OUTCOME_NAMES = {
    "solved": _l("solved"),
    "partly": _l("partly solved"),
    "tried": _l("tried"),
}
ERRORS = {
    "level": _l("Choose a level from the list."),
    "state": _l("Choose a state from the list."),
    "empty": _l("Write what the step is."),
    "too_long": _l("The text is too long. Use at most 1000 characters."),
    "date": _l("Choose a date from a year ago to three years ahead."),
    "future": _l("That day has not come yet."),
    "missing": _l("That is not in this plan."),
}


def error_text(code: str) -> str:
    """Why a change was refused, in words (nothing was changed)."""
    return str(ERRORS.get(code, _l("That did not work. Nothing was changed. Try again.")))

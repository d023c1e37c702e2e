"""Forms for the development plan: a goal, a step, a review date."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from assessor.domain.plans import GOAL_STATES, MAX_TEXT, level_labels
from assessor.domain.vocabulary import AREAS
from web.fields import IdField, within_years
from web.plans.words import GOAL_STATE_NAMES
from web.words import AREA_NAMES

SEPARATOR = ":"  #: a level's value is "area:label", e.g. "programmering:Programmering 1 C"


def level_choices() -> dict[str, list[SelectChoice]]:
    """Every step of every area's ladder, grouped by area (the report's words)."""
    return {str(AREA_NAMES[area]): [SelectChoice(f"{area}{SEPARATOR}{label}", label)
                                    for label in level_labels(area)] for area in AREAS}


def split_level(value: str) -> tuple[str, str]:
    """("programmering", "Programmering 1 C") from a level's value ("", "" when malformed)."""
    area, _, label = (value or "").partition(SEPARATOR)
    return area, label


class GoalForm(FlaskForm):
    """A new goal, or a change to one (``goal_id``)."""

    goal_id = IdField(validators=[Optional()])
    level = SelectField(_l("Level to reach"), validate_choice=False,
                        validators=[InputRequired(_l("Choose a level from the list."))])
    note = TextAreaField(_l("In your own words (optional)"),
                         validators=[Optional(), Length(max=MAX_TEXT)])
    state = SelectField(_l("State"), default="active", validate_choice=False, choices=[
        SelectChoice(state, GOAL_STATE_NAMES[state]) for state in GOAL_STATES])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.level.choices = level_choices()


class StepForm(FlaskForm):
    """A planned step (``text``), or a step marked done (``step_id`` and ``done_on``)."""

    step_id = IdField(validators=[Optional()])
    text = StringField(_l("Next step"), validators=[Optional(), Length(max=MAX_TEXT)])
    goal = SelectField(_l("Toward the goal (optional)"), default="")
    due_on = DateField(_l("By (optional)"), validators=[Optional(), within_years])
    done_on = DateField(_l("Done on"), validators=[Optional(), within_years])

    def __init__(self, *args, goals=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.goal.choices = [SelectChoice("", "–")] + [
            SelectChoice(str(goal.id), goal.level) for goal in goals]


class ReviewForm(FlaskForm):
    """A new review date (``on_day``), or a review held (``review_id`` and ``note``)."""

    review_id = IdField(validators=[Optional()])
    on_day = DateField(_l("Review on"), validators=[Optional(), within_years])
    note = TextAreaField(_l("What we agreed"), validators=[Optional(), Length(max=MAX_TEXT)])

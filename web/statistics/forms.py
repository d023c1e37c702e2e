"""The filters of the statistics pages (GET, no CSRF token) and the goals form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from web.fields import within_years
from web.statistics.words import COLUMN_NAMES, GOAL_OUTCOME_NAMES


class FilterForm(FlaskForm):
    """Period, organisation (for an admin) and gender."""

    class Meta:
        csrf = False  # a GET form that changes nothing

    start = DateField(_l("From"), validators=[Optional(), within_years])
    end = DateField(_l("To"), validators=[Optional(), within_years])
    organisation = SelectField(_l("Programme"), default="")
    gender = SelectField(_l("Gender"), default="total",
                         choices=[SelectChoice(k, v) for k, v in COLUMN_NAMES.items()])

    def __init__(self, *args, organisations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organisation.choices = [SelectChoice("", _l("Every programme"))] + [
            SelectChoice(str(o.id), o.name) for o in organisations]


class GoalForm(FlaskForm):
    """A new goal of the programme: what it counts, the target and (optionally) its name."""

    outcome = SelectField(_l("What the goal counts"),
                          choices=[SelectChoice(k, v) for k, v in GOAL_OUTCOME_NAMES.items()],
                          validators=[DataRequired(_l("Choose what the goal counts."))])
    percent = IntegerField(_l("Goal (per cent of the people who left)"), validators=[
        InputRequired(_l("Write a whole per cent from 0 to 100.")),
        NumberRange(0, 100, _l("Write a whole per cent from 0 to 100."))])
    name = StringField(_l("Name, as in the agreement with the funder (optional)"),
                       validators=[Optional(), Length(max=120)])


class RemoveGoalForm(FlaskForm):
    """Remove one goal (the button's form: only the CSRF token)."""

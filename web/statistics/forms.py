"""The filters of the statistics pages (GET, no CSRF token) and the goals form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import NumberRange, Optional

from web.fields import within_years
from web.statistics.words import COLUMN_NAMES


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


class GoalsForm(FlaskForm):
    """The programme's goals, in per cent of the participants."""

    course_passed = IntegerField(_l("Goal: pass the course (per cent)"),
                                 validators=[Optional(), NumberRange(0, 100)])
    job = IntegerField(_l("Goal: get a job (per cent)"),
                       validators=[Optional(), NumberRange(0, 100)])

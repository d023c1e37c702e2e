"""Forms for coaches: booking and recording a supervised follow-up."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from assessor.models import FollowUp
from assessor.vocabulary import AREAS
from web.fields import SwedishDateTimeField, fits
from web.reports.rendering import AREA_NAMES

AREA_CHOICES = [SelectChoice(area, AREA_NAMES[area]) for area in AREAS]


class BookFollowUpForm(FlaskForm):
    """When, and for which area."""

    area = SelectField(_l("Area"), choices=AREA_CHOICES, validators=[DataRequired()])
    booked_for = SwedishDateTimeField(_l("Date and time"),
                                      validators=[DataRequired(_l("Choose a date and time."))])


class RecordFollowUpForm(FlaskForm):
    """What the person showed in the session (yes/no for each observation)."""

    explained_code = BooleanField(_l("Explained in their own words what the code does"))
    changed_code = BooleanField(_l("Made a small change that was asked for"))
    fixed_failing_input = BooleanField(_l("Found and fixed the problem for an input that failed"))
    answered_questions = BooleanField(_l("Answered questions about choices in the code"))
    notes = TextAreaField(_l("Notes (optional; never health information)"),
                          validators=[Optional(), fits(FollowUp.notes)])

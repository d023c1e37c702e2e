"""The SUS registration form (registration in and out) and the SUS consent written down on
the person's behalf."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, HiddenField, SelectField
from wtforms.validators import AnyOf, DataRequired, NumberRange, Optional

from web.placements.forms import choices
from web.questionnaire.forms import CheckboxesField
from web.sus.words import (
    EDUCATION_NAMES,
    END_REASON_NAMES,
    INCOME_NAMES,
    OCCUPATION_NAMES,
    SUPPORT_TIME_NAMES,
)

HOURS_RANGE = _l("Hours a week are a number from 0 to 60.")


def hours(label) -> DecimalField:
    return DecimalField(label, places=1,
                        validators=[Optional(), NumberRange(0, 60, message=HOURS_RANGE)])


class RegistrationForm(FlaskForm):
    """Registration in (before the start) and out (at the end), in SUS's categories; every
    field may stay empty until it is known."""

    income_before = CheckboxesField(_l("Income before the start"),
                                    choices=choices(INCOME_NAMES), validators=[Optional()])
    occupation_before = SelectField(_l("Occupation before the start"),
                                    choices=choices(OCCUPATION_NAMES, "–"), default="")
    hours_before = hours(_l("Hours a week before the start (40 hours is 100 %)"))
    education = SelectField(_l("Highest completed education"),
                            choices=choices(EDUCATION_NAMES, "–"), default="")
    support_time = SelectField(_l("Time in public support before the start"),
                               choices=choices(SUPPORT_TIME_NAMES, "–"), default="")
    income_after = CheckboxesField(_l("Income at the end"), choices=choices(INCOME_NAMES),
                                   validators=[Optional()])
    occupation_after = SelectField(_l("Occupation at the end"),
                                   choices=choices(OCCUPATION_NAMES, "–"), default="")
    hours_after = hours(_l("Hours a week at the end (40 hours is 100 %)"))
    end_reason = SelectField(_l("Why the participation ended"),
                             choices=choices(END_REASON_NAMES, "–"), default="")


class SusConsentForm(FlaskForm):
    """Write down the yes to SUS (form 9443 signed) or take it back, for a person without a
    login."""

    given = HiddenField(validators=[DataRequired(), AnyOf(["yes", "no"])])

"""The indicator survey's form, one row of 1–5 per statement, built from the statements."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from assessor.domain.funder.indicators import ITEMS, SCALE
from web.survey.words import ITEM_TEXTS, SCALE_NAMES


def survey_form(**kwargs) -> FlaskForm:
    """A form with one field per statement (named by its key), each rated 1–5."""

    class SurveyForm(FlaskForm):
        pass

    for item in ITEMS:
        setattr(SurveyForm, item, RadioField(
            ITEM_TEXTS[item], coerce=int,
            choices=[SelectChoice(value, SCALE_NAMES[value]) for value in SCALE],
            validators=[InputRequired()]))
    return SurveyForm(**kwargs)

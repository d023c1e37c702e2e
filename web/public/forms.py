"""The language switch form."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, DataRequired

LANGUAGE_CODES = ("sv", "en")


class LanguageForm(FlaskForm):
    """Choose the interface language (the buttons in the page header post this)."""

    locale = StringField(validators=[DataRequired(), AnyOf(LANGUAGE_CODES)])
    next = HiddenField()

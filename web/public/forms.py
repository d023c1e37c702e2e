"""The language switch form."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, DataRequired

from assessor.vocabulary import LOCALES


class LanguageForm(FlaskForm):
    """Choose the interface language (the buttons in the page header post this)."""

    locale = StringField(validators=[DataRequired(), AnyOf(LOCALES)])
    next = HiddenField()

"""The language switch and text size forms."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, DataRequired

from assessor.domain.vocabulary import LOCALES


class LanguageForm(FlaskForm):
    """Choose the interface language (the buttons in the page header post this)."""

    locale = StringField(validators=[DataRequired(), AnyOf(LOCALES)])
    next = HiddenField()


class TextSizeForm(FlaskForm):
    """Make the text one step larger or smaller (the buttons in the page header post this)."""

    size = StringField(validators=[DataRequired(), AnyOf(["larger", "smaller"])])
    next = HiddenField()

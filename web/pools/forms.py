"""Forms for the intake pools: an area and its places, a queue, an end with its reason."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from assessor.domain.intake.pools import MAX_PLACES, NAME_LENGTH
from assessor.models.base import MAX_ID
from web.fields import within_years
from web.intake.words import choices_of
from web.pools.words import END_REASON_NAMES

PLACES_MESSAGE = _l("Places must be a whole number from 0 to 100.")


class AreaForm(FlaskForm):
    """A funding area and its places."""

    name = StringField(_l("Funding area (for example a samordningsförbund)"),
                       validators=[DataRequired(_l("Write the area's name.")),
                                   Length(max=NAME_LENGTH)])
    places = IntegerField(_l("Places"), validators=[
        InputRequired(PLACES_MESSAGE), NumberRange(0, MAX_PLACES, PLACES_MESSAGE)])


class AreaChangeForm(AreaForm):
    """Rename an area, change its places, or remove it."""

    remove = BooleanField(_l("Remove the area (only when nobody waits or holds a place)"))


class QueueForm(FlaskForm):
    """Put a lead or a person of the programme in an area's queue (choices set per page)."""

    who = SelectField(_l("Who"), validators=[DataRequired(_l("Choose who."))],
                      validate_choice=False)
    area = SelectField(_l("Their funding area"), coerce=int, validate_choice=False,
                       validators=[InputRequired(_l("Choose the area.")),
                                   NumberRange(1, MAX_ID, _l("Choose the area."))])


class EndForm(FlaskForm):
    """The participation ends: why, and on which day (today when empty)."""

    reason = SelectField(_l("Why it ended"), choices=choices_of(END_REASON_NAMES),
                         validators=[DataRequired(_l("Choose why the participation ended."))])
    day = DateField(_l("Last day (empty: today)"), validators=[Optional(), within_years])

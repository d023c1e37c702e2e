"""Forms of the evenings: creating one, joining, messages and the scoreboard switches."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields import TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from assessor.domain.events import NICKNAME_MAX
from assessor.models.event import ANNOUNCEMENT_MAX
from web.fields import within_years
from web.grading import catalogue

#: the two ways of choosing an evening's tasks
ADAPTIVE, CHOSEN = "adaptive", "chosen"


class EventForm(FlaskForm):
    """A new evening: name, day, time window, place or video link, and the tasks."""

    name = StringField(_l("Name"), validators=[DataRequired(_l("Write a name.")),
                                               Length(max=200)])
    day = DateField(_l("Date"), validators=[DataRequired(_l("Choose a date.")), within_years])
    starts = TimeField(_l("Starts at"), validators=[DataRequired(_l("Choose a time."))])
    ends = TimeField(_l("Ends at"), validators=[DataRequired(_l("Choose a time."))])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=200)])
    remote = BooleanField(_l("Held by video (results count as “supervised remotely”)"))
    video_link = StringField(_l("Video link"), validators=[Optional(), Length(max=500)])
    task_mode = RadioField(_l("Tasks tonight"), default=ADAPTIVE, choices=[
        SelectChoice(ADAPTIVE, _l("Suggestions per person: each sees the tasks suggested "
                                  "for them")),
        SelectChoice(CHOSEN, _l("A chosen set: everyone sees the same tasks"))])
    challenges = SelectMultipleField(_l("The chosen tasks"), validators=[Optional()])

    def __init__(self, *args, locale: str = "sv", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        bank = catalogue()
        self.challenges.choices = [(c.id, bank.title(c.id, locale)) for c in bank.bank()]


class JoinForm(FlaskForm):
    """The code from the screen, and a nickname."""

    code = StringField(_l("Code"), validators=[DataRequired(_l("Write the code from the "
                                                                "screen.")), Length(max=20)])
    nickname = StringField(_l("Nickname"), validators=[Optional(), Length(max=NICKNAME_MAX)])


class AnnounceForm(FlaskForm):
    """A message to every participant's page."""

    text = TextAreaField(_l("Message to everyone"),
                         validators=[DataRequired(_l("Write a message.")),
                                     Length(max=ANNOUNCEMENT_MAX)])


class ScoreboardForm(FlaskForm):
    """The low-stress scoreboard's switches."""

    on = BooleanField(_l("Show a scoreboard (only for those who opt in)"))
    hidden = BooleanField(_l("Hide it for now"))
    frozen = BooleanField(_l("Freeze the counts"))


class OptInForm(FlaskForm):
    """A participant's yes or no to the scoreboard."""

    opt_in = BooleanField(_l("Show my nickname and how many tasks I solved"))


class ClaimMailForm(FlaskForm):
    """A guest's own address for their claim link."""

    email = StringField(_l("Your email address"), validators=[
        DataRequired(_l("Write your email address.")), Length(max=254),
        Email(_l("That does not look like an email address. Check it and try again."),
              check_deliverability=False)])


class ButtonForm(FlaskForm):
    """A button that posts (check in, handled, close, help): only the CSRF token."""

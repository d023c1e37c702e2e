"""The calendar's forms: the coach's schedule, a break, cancelling an evening, and signing up
for one."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField
from wtforms.fields import TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from assessor.domain import calendar
from assessor.models.calendar import EMAIL_MAX, NAME_MAX
from assessor.services.calendar import ScheduleInput
from web.calendar.words import WEEKDAYS
from web.fields import within_years


class ScheduleForm(FlaskForm):
    """The programme's recurring evening: weekday, time, place or video."""

    weekday = SelectField(_l("Weekday"), coerce=int, default=calendar.DEFAULT_WEEKDAY,
                          choices=[SelectChoice(day, name) for day, name in enumerate(WEEKDAYS)],
                          validators=[InputRequired(_l("Choose a weekday."))])
    starts = TimeField(_l("Starts at"), default=calendar.DEFAULT_STARTS,
                       validators=[DataRequired(_l("Choose a time."))])
    ends = TimeField(_l("Ends at"), default=calendar.DEFAULT_ENDS,
                     validators=[DataRequired(_l("Choose a time."))])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=calendar.PLACE_MAX)])
    remote = BooleanField(_l("Held by video"))
    video_link = StringField(_l("Video link (only coaches see it)"),
                             validators=[Optional(), Length(max=calendar.LINK_MAX)])

    def schedule(self) -> ScheduleInput:
        """The form as the service takes it."""
        return ScheduleInput(self.weekday.data, self.starts.data, self.ends.data,
                             self.place.data or "", bool(self.remote.data),
                             self.video_link.data or "")


class BreakForm(FlaskForm):
    """Days without evenings, and why."""

    first = DateField(_l("First day"), validators=[DataRequired(_l("Choose a date.")),
                                                   within_years])
    last = DateField(_l("Last day"), validators=[DataRequired(_l("Choose a date.")),
                                                 within_years])
    reason = StringField(_l("Reason (shown on the calendar)"),
                         validators=[DataRequired(_l("Write a short reason.")),
                                     Length(max=calendar.REASON_MAX)])


class CancelForm(FlaskForm):
    """Cancelling one evening: the reason is shown on the calendar and in the e-mail."""

    reason = StringField(_l("Reason"), validators=[DataRequired(_l("Write a short reason.")),
                                                   Length(max=calendar.REASON_MAX)])


class SignUpForm(FlaskForm):
    """Signing up for one evening: a name or nickname and an e-mail address."""

    name = StringField(_l("Name or nickname"),
                       validators=[DataRequired(_l("Write a name or a nickname.")),
                                   Length(max=NAME_MAX)])
    email = StringField(_l("E-mail"), validators=[DataRequired(_l("Write your e-mail address.")),
                                                  Length(max=EMAIL_MAX)])


class ButtonForm(FlaskForm):
    """A button that posts: only the CSRF token."""

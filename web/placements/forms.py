"""Forms for placements, their states and follow-ups, and the participation's dates."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from assessor.models.placement import NOTE_LENGTH
from web.fields import IdField, within_years
from web.intake.words import choices_of
from web.placements.words import (
    FORM_NAMES,
    KIND_NAMES,
    MODE_NAMES,
    REASON_NAMES,
    STATE_NAMES,
    WITH_NAMES,
)
from web.pools.words import END_REASON_NAMES

DATE_REQUIRED = _l("Choose a date.")


def choices(names: dict, empty: str | None = None) -> list[SelectChoice]:
    """Select choices from a dict of words, with an empty first choice when asked."""
    first = [SelectChoice("", empty)] if empty is not None else []
    return first + [SelectChoice(key, value) for key, value in names.items()]


def hours_field() -> DecimalField:
    return DecimalField(_l("Hours a week (optional; 40 hours is full time)"), places=1,
                        validators=[Optional(), NumberRange(0.5, 60)])


class NewPlacementForm(FlaskForm):
    """A placement made directly: an employer of the programme or a workplace by name."""

    kind = SelectField(_l("Kind"), choices=choices(KIND_NAMES), default="praktik")
    title = StringField(_l("Work or role (optional)"), validators=[Optional(), Length(max=200)])
    employer = SelectField(_l("Employer"), default="")
    workplace = StringField(_l("Or the workplace's name"),
                            validators=[Optional(), Length(max=200)])
    employment_form = SelectField(_l("Form of employment (only for an employment)"),
                                  choices=choices(FORM_NAMES, "–"), default="")
    hours_per_week = hours_field()
    proposed_on = DateField(_l("Proposed to the workplace on"),
                            validators=[InputRequired(DATE_REQUIRED), within_years])

    def __init__(self, *args, employers=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.employer.choices = [SelectChoice("", "–")] + [
            SelectChoice(str(e.id), e.name) for e in employers]


class FromProposalForm(FlaskForm):
    """A placement from a proposal the person agreed to."""

    proposal_id = IdField(validators=[InputRequired()])
    employment_form = SelectField(_l("Form of employment (only for a job)"),
                                  choices=choices(FORM_NAMES, "–"), default="")
    hours_per_week = hours_field()
    proposed_on = DateField(_l("Proposed to the workplace on"),
                            validators=[InputRequired(DATE_REQUIRED), within_years])


class StateForm(FlaskForm):
    """The placement's next state, on a day."""

    state = SelectField(_l("New state"), choices=choices(STATE_NAMES))
    day = DateField(_l("Date"), validators=[InputRequired(DATE_REQUIRED), within_years])
    reason = SelectField(_l("Why it ended (only when it ended)"),
                         choices=choices(REASON_NAMES, "–"), default="")
    employment_form = SelectField(_l("Form of employment (when employed)"),
                                  choices=choices(FORM_NAMES, "–"), default="")
    hours_per_week = hours_field()
    follow_up_until = DateField(_l("Follow up until (optional; at least six months)"),
                                validators=[Optional(), within_years])


class FollowUpForm(FlaskForm):
    """A follow-up that was held."""

    follow_up = SelectField(_l("Which follow-up"), default="")
    held_on = DateField(_l("Held on"), validators=[InputRequired(DATE_REQUIRED), within_years])
    with_whom = SelectField(_l("With"), choices=choices(WITH_NAMES), default="person")
    mode = SelectField(_l("How"), choices=choices(MODE_NAMES), default="in_person")
    note = TextAreaField(_l("Short note (optional)"),
                         validators=[Optional(), Length(max=NOTE_LENGTH)])

    def __init__(self, *args, open_follow_ups=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.follow_up.choices = [SelectChoice("", _l("The next one due"))] + [
            SelectChoice(str(f.id), f.due_on.isoformat()) for f in open_follow_ups]


class ParticipationForm(FlaskForm):
    """The participation's dates and year of birth; every field may stay empty."""

    enrolled_on = DateField(_l("Joined the programme on"), validators=[Optional(), within_years])
    left_on = DateField(_l("Left the programme on"), validators=[Optional(), within_years])
    birth_year = IntegerField(_l("Year of birth (for age groups in statistics)"),
                              validators=[Optional(), NumberRange(1900, 2100)])
    course_passed_on = DateField(_l("Passed the course on"),
                                 validators=[Optional(), within_years])
    studies_from = DateField(_l("Moved on to studies on"), validators=[Optional(), within_years])
    end_reason = SelectField(_l("Why the participation ended"), validators=[Optional()],
                             choices=[SelectChoice("", _l("Not ended, or not recorded")),
                                      *choices_of(END_REASON_NAMES)])

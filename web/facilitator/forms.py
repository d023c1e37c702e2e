"""Forms for coaches: booking and recording a supervised follow-up."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional, ValidationError

from assessor.domain.vocabulary import AREAS
from assessor.models import FollowUp, Submission
from assessor.services.handins import in_area
from web.challenges.words import task_title
from web.dates import format_moment
from web.fields import SwedishDateTimeField, fits
from web.grading import catalogue
from web.words import AREA_NAMES

AREA_CHOICES = [SelectChoice(area, AREA_NAMES[area]) for area in AREAS]


class BookFollowUpForm(FlaskForm):
    """When, and for which area."""

    area = SelectField(_l("Area"), choices=AREA_CHOICES, validators=[DataRequired()])
    booked_for = SwedishDateTimeField(_l("Date and time"),
                                      validators=[DataRequired(_l("Choose a date and time."))])
    #: 0: none chosen, the follow-up is about the hand-ins since the previous one in its area
    submission = SelectField(_l("Hand-in to talk about (optional)"), coerce=int, default=0,
                             choices=[SelectChoice(0, _l("Those since the last follow-up"))],
                             validators=[Optional()])

    def __init__(self, *args, hand_ins: list[Submission] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.hand_ins = {submission.id: submission for submission in hand_ins}
        self.submission.choices = self.submission.choices[:1] + [
            SelectChoice(s.id, f"{task_title(s.challenge_id)} – {format_moment(s.created_at)}")
            for s in hand_ins]

    def validate_submission(self, field) -> None:
        """A chosen hand-in belongs to the follow-up's area."""
        chosen = self.hand_ins.get(field.data)
        if chosen is not None and not in_area(catalogue(), chosen.challenge_id,
                                              self.area.data or ""):
            raise ValidationError(_l("That hand-in is from another area. Choose one from %(area)s "
                                     "or none.", area=AREA_NAMES.get(self.area.data, "")))


class RecordFollowUpForm(FlaskForm):
    """What the person showed in the session (yes/no for each observation)."""

    explained_code = BooleanField(_l("Explained in their own words what the code does"))
    changed_code = BooleanField(_l("Made a small change that was asked for"))
    fixed_failing_input = BooleanField(_l("Found and fixed the problem for an input that failed"))
    answered_questions = BooleanField(_l("Answered questions about choices in the code"))
    notes = TextAreaField(_l("Notes (optional; never health information)"),
                          validators=[Optional(), fits(FollowUp.notes)])

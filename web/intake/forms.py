"""Forms for a lead: the first interview, eligibility, agencies, the invitation; criteria."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Email, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from assessor.domain.intake import InterviewNotes
from assessor.domain.vocabulary import AREAS
from web.intake.words import EXPERIENCE_NAMES, LEARNED_VIA_NAMES, NEXT_STEP_NAMES, choices_of
from web.reports.rendering import AREA_NAMES


class InterviewForm(FlaskForm):
    """The first interview about IT knowledge, as structured notes (fields per area are
    added in ``__init__``)."""

    learned_via = SelectMultipleField(_l("Where the person learned it"),
                                      choices=choices_of(LEARNED_VIA_NAMES),
                                      option_widget=CheckboxInput(),
                                      widget=ListWidget(prefix_label=False))
    languages = StringField(_l("Languages and tools the person names"),
                            validators=[Optional(), Length(max=200)])
    built = StringField(_l("Something the person has made"),
                        validators=[Optional(), Length(max=200)])
    wishes = StringField(_l("What the person would like to do"),
                         validators=[Optional(), Length(max=200)])
    next_step = RadioField(_l("Next step"), default="questionnaire",
                           choices=choices_of(NEXT_STEP_NAMES))
    note = TextAreaField(_l("Short note (no health details)"),
                         validators=[Optional(), Length(max=500)])

    def experience(self) -> list:
        """The per-area fields, in area order."""
        return [self[f"area_{area}"] for area in AREAS]

    def notes(self) -> InterviewNotes:
        """The notes as the service takes them."""
        return InterviewNotes(
            experience={area: self[f"area_{area}"].data for area in AREAS},
            learned_via=tuple(self.learned_via.data or ()), languages=self.languages.data or "",
            built=self.built.data or "", wishes=self.wishes.data or "",
            next_step=self.next_step.data, note=self.note.data or "")


for _area in AREAS:
    setattr(InterviewForm, f"area_{_area}",
            RadioField(AREA_NAMES[_area], default="none", choices=choices_of(EXPERIENCE_NAMES)))


class ActionForm(FlaskForm):
    """Take the lead (I have contacted them) or close it."""

    action = HiddenField(validators=[AnyOf(["take", "close"])])


class AgencyForm(FlaskForm):
    """An agency involved with the person."""

    name = StringField(_l("Agency"), validators=[DataRequired(_l("Write the agency's name.")),
                                                 Length(max=200)])
    role = StringField(_l("What they do for the person (optional)"),
                       validators=[Optional(), Length(max=200)])
    contact = StringField(_l("Contact person (optional)"), validators=[Optional(),
                                                                       Length(max=200)])


class InviteForm(FlaskForm):
    """Invite to the questionnaire (an account by invitation) or to an evening."""

    to = HiddenField(validators=[AnyOf(["questionnaire", "evening"])])
    email = StringField(_l("The person's e-mail (their login)"),
                        validators=[Optional(), Email(), Length(max=254)])
    delivery = RadioField(_l("How the link reaches the person"), default="show",
                          choices=[SelectChoice("show", _l("Show it to me")),
                                   SelectChoice("email", _l("E-mail it"))])
    event = SelectField(_l("Evening"), coerce=int, validate_choice=False,
                        validators=[Optional()])


class CriterionForm(FlaskForm):
    """A criterion of the programme."""

    text = StringField(_l("Criterion"), validators=[DataRequired(_l("Write the criterion.")),
                                                    Length(max=200)])


class CriterionChangeForm(FlaskForm):
    """Reword a criterion, or take it out of use."""

    text = StringField(_l("Criterion"), validators=[DataRequired(_l("Write the criterion.")),
                                                    Length(max=200)])
    active = BooleanField(_l("In use"))

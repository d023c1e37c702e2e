"""The public interest form and a caseworker's referral (the same fields about the person)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from assessor.services.intake.leads import InterestInput
from web.intake.words import HEARD_VIA_NAMES, RELATION_NAMES, choices_of


class PersonFields(FlaskForm):
    """Who the person is and how to reach them; nothing sensitive."""

    programme = SelectField(_l("Programme"), coerce=int,
                            validators=[DataRequired(_l("Choose a programme."))])
    name = StringField(_l("Name (or what the person wants to be called)"),
                       validators=[DataRequired(_l("Write a name.")), Length(max=200)])
    email = StringField(_l("E-mail"), validators=[Optional(), Email(), Length(max=254)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    municipality = StringField(_l("Municipality (optional)"),
                               validators=[Optional(), Length(max=100)])
    message = TextAreaField(_l("What do you like to do with computers? (optional)"),
                            validators=[Optional(), Length(max=500)])

    def for_programmes(self, programmes) -> PersonFields:
        """Offer these programmes (the only one is chosen already)."""
        self.programme.choices = [SelectChoice(p.id, p.name) for p in programmes]
        if len(programmes) == 1 and not self.programme.data:
            self.programme.data = programmes[0].id
        return self

    def validate(self, extra_validators=None) -> bool:
        """Every field, and a way to reach the person."""
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            self.email.errors = [*self.email.errors, _l("Write an e-mail address or a phone "
                                                         "number, so that we can answer.")]
            return False
        return valid

    def to_input(self, **more) -> InterestInput:
        """What the service takes."""
        return InterestInput(programme_id=self.programme.data, name=self.name.data,
                             email=self.email.data or "", phone=self.phone.data or "",
                             municipality=self.municipality.data or "",
                             message=self.message.data or "", **more)


class InterestForm(PersonFields):
    """"I am interested", sent by the person or by someone on their behalf."""

    sender = RadioField(_l("Who fills in the form?"), default="self",
                        choices=[SelectChoice("self", _l("I do, about myself")),
                                 SelectChoice("on_behalf", _l("I do, on behalf of someone else"))])
    heard_via = SelectField(_l("How did you hear about us?"), default="other",
                            choices=choices_of(HEARD_VIA_NAMES))
    sender_name = StringField(_l("Your name"), validators=[Optional(), Length(max=200)])
    relation = SelectField(_l("You are the person's"), default="family",
                           choices=choices_of(RELATION_NAMES))
    sender_contact = StringField(_l("Your e-mail or phone (optional)"),
                                 validators=[Optional(), Length(max=200)])
    person_knows = BooleanField(_l("The person knows that I send this form"))

    def validate(self, extra_validators=None) -> bool:
        """On someone's behalf: your name, and the person knows about it."""
        valid = super().validate(extra_validators)
        if self.sender.data == "on_behalf":
            if not (self.sender_name.data or "").strip():
                self.sender_name.errors = [*self.sender_name.errors, _l("Write your name.")]
                valid = False
            if not self.person_knows.data:
                self.person_knows.errors = [*self.person_knows.errors, _l(
                    "We only take a form sent on someone's behalf when the person knows.")]
                valid = False
        return valid

    def interest(self) -> InterestInput:
        """The form as the service takes it."""
        on_behalf = self.sender.data == "on_behalf"
        return self.to_input(
            heard_via=self.heard_via.data, sender=self.sender.data,
            sender_name=self.sender_name.data or "" if on_behalf else "",
            relation=self.relation.data if on_behalf else "",
            sender_contact=self.sender_contact.data or "" if on_behalf else "",
            person_knows=on_behalf and self.person_knows.data)


class ReferralForm(PersonFields):
    """A caseworker refers a person to a programme."""

    message = TextAreaField(_l("What has been tried before, and what the person wants "
                               "(optional; no health details)"),
                            validators=[Optional(), Length(max=500)])
    person_knows = BooleanField(_l("The person knows about this referral and agrees"),
                                validators=[DataRequired(_l("Refer a person only when they "
                                                            "know about it."))])

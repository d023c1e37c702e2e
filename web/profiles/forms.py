"""The profile form: every section, the checklist (need, helps, not relevant), sharing."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from assessor.domain.matching.distance import MAX_TRAVEL_KM, coordinates
from assessor.domain.profiles import CHECKLIST, REMOTE_PREFERENCES, SECTIONS, SHAREABLE
from assessor.domain.profiles.sections import interest_tags
from assessor.services.profiles import MAX_SECTION, ProfileInput
from web.profiles.words import NEED_NAMES, REMOTE_NAMES, SECTION_NAMES


def field_name(code: str) -> str:
    """A checklist code as a form field name: "env.quiet_space" -> "need_env__quiet_space"."""
    return "need_" + code.replace(".", "__")


class ProfileForm(FlaskForm):
    """Everything on "så här fungerar jag" at once; the checklist fields are added below."""

    interests = StringField(_l("Interests, separated by commas"),
                            validators=[Optional(), Length(max=400)])
    places = StringField(_l("Places I can travel to, separated by commas"),
                         validators=[Optional(), Length(max=400)])
    remote = SelectField(_l("Working from home"),
                         choices=[SelectChoice(r, REMOTE_NAMES[r]) for r in REMOTE_PREFERENCES],
                         default="no_preference")
    hours_min = IntegerField(_l("Fewest hours a week"),
                             validators=[Optional(), NumberRange(0, 60)])
    hours_max = IntegerField(_l("Most hours a week"), validators=[Optional(), NumberRange(0, 60)])
    home = StringField(_l("Where I travel from (a town or municipality; only for matching, "
                          "never shown to an employer)"), validators=[Optional(), Length(max=100)])
    max_km = IntegerField(_l("The longest way I can travel, in km"),
                          validators=[Optional(), NumberRange(1, MAX_TRAVEL_KM)])

    def validate_home(self, field: StringField) -> None:
        """A place the distance table knows, so a distance can be worked out."""
        if (field.data or "").strip() and coordinates(field.data) is None:
            raise ValidationError(_l("We do not know that place. Write a town or "
                                     "municipality in Sweden, for example Lund."))

    def to_input(self) -> ProfileInput:
        """The form's data for ``services.profiles.save_profile``."""
        return ProfileInput(
            sections={name: getattr(self, f"section_{name}").data or "" for name in SECTIONS},
            interests=interest_tags(self.interests.data or ""),
            needs={code: getattr(self, field_name(code)).data for code in CHECKLIST
                   if getattr(self, field_name(code)).data},
            places=tuple(p for p in (self.places.data or "").split(",") if p.strip()),
            remote=self.remote.data, hours_min=self.hours_min.data,
            hours_max=self.hours_max.data, home=self.home.data or "", max_km=self.max_km.data,
            shared=frozenset(part for part in SHAREABLE if getattr(self, f"share_{part}").data))

    @classmethod
    def for_profile(cls, content, **kwargs) -> ProfileForm:
        """A form filled in from a ``ProfileContent`` (on GET)."""
        data = {f"section_{name}": content.sections.get(name, "") for name in SECTIONS}
        data |= {field_name(code): content.needs.get(code, "") for code in CHECKLIST}
        data |= {f"share_{part}": part in content.shared for part in SHAREABLE}
        data |= {"interests": ", ".join(content.interests), "places": ", ".join(content.places),
                 "remote": content.remote, "hours_min": content.hours_min,
                 "hours_max": content.hours_max, "home": content.home,
                 "max_km": content.max_km}
        return cls(data=data, **kwargs)


for _name in SECTIONS:
    setattr(ProfileForm, f"section_{_name}", TextAreaField(
        SECTION_NAMES[_name], validators=[Optional(), Length(max=MAX_SECTION)]))
for _code in CHECKLIST:
    setattr(ProfileForm, field_name(_code), SelectField(
        _code, choices=[SelectChoice(key, label) for key, label in NEED_NAMES.items()], default=""))
for _part in SHAREABLE:
    setattr(ProfileForm, f"share_{_part}", BooleanField(_l("Show to employers")))


class AnswerForm(FlaskForm):
    """The person's yes or no to a proposed opening (the button pressed decides)."""

    answer = SelectField(choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))])

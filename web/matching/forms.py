"""Forms for employers, contact people, openings, proposals and links."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from assessor.domain.profiles import CHECKLIST
from assessor.domain.vocabulary import AREAS
from assessor.models import Opening
from assessor.services.matching.employer_links import DEFAULT_DAYS, MAX_DAYS
from assessor.services.matching.employers import LEVEL_CHOICES, OpeningInput
from web.profiles.words import KIND_NAMES, OFFER_NAMES, OPENING_REMOTE_NAMES
from web.words import AREA_NAMES


class EmployerForm(FlaskForm):
    """A new employer."""

    name = StringField(_l("Name"), validators=[DataRequired(_l("Write the name.")),
                                               Length(max=200)])
    org_number = StringField(_l("Organisation number (optional)"),
                             validators=[Optional(), Length(max=20)])
    municipality = StringField(_l("Municipality (optional)"),
                               validators=[Optional(), Length(max=100)])


class ContactForm(FlaskForm):
    """A contact person at an employer."""

    name = StringField(_l("Name"), validators=[DataRequired(_l("Write the name.")),
                                               Length(max=200)])
    title = StringField(_l("Role (optional)"), validators=[Optional(), Length(max=100)])
    email = StringField(_l("E-mail (optional)"), validators=[Optional(), Email(), Length(max=254)])
    phone = StringField(_l("Phone (optional)"), validators=[Optional(), Length(max=40)])


def offer_field(code: str) -> str:
    """A checklist code as a form field name."""
    return "offer_" + code.replace(".", "__")


class OpeningForm(FlaskForm):
    """An opening: what it is, the levels it needs, and what it can offer."""

    title = StringField(_l("Title"), validators=[DataRequired(_l("Write a title.")),
                                                 Length(max=200)])
    kind = SelectField(_l("Kind"), default="praktik",
                       choices=[SelectChoice(k, v) for k, v in KIND_NAMES.items()])
    hours_per_week = IntegerField(_l("Hours a week (optional)"),
                                  validators=[Optional(), NumberRange(1, 60)])
    place = StringField(_l("Place (optional)"), validators=[Optional(), Length(max=100)])
    remote = SelectField(_l("Working from home"), default="none",
                         choices=[SelectChoice(k, v) for k, v in OPENING_REMOTE_NAMES.items()])
    tags = StringField(_l("What the work is about, separated by commas"),
                       validators=[Optional(), Length(max=400)])
    capacity = IntegerField(_l("How many people"), default=1,
                            validators=[DataRequired(), NumberRange(1, 50)])
    open = BooleanField(_l("Open for proposals"), default=True)

    def to_input(self) -> OpeningInput:
        """The form's data for ``save_opening``."""
        return OpeningInput(
            title=self.title.data or "", kind=self.kind.data,
            requirements=tuple((area, getattr(self, f"level_{area}").data) for area in AREAS
                               if getattr(self, f"level_{area}").data),
            hours_per_week=self.hours_per_week.data, place=self.place.data or "",
            remote=self.remote.data, tags=self.tags.data or "",
            offers={code: getattr(self, offer_field(code)).data for code in CHECKLIST
                    if getattr(self, offer_field(code)).data},
            capacity=self.capacity.data or 1, open=bool(self.open.data))

    @classmethod
    def for_opening(cls, opening: Opening) -> OpeningForm:
        """The form filled in from an opening."""
        levels = {r["area"]: r["level"] for r in opening.requirements or ()}
        data = {f"level_{area}": levels.get(area, "") for area in AREAS}
        data |= {offer_field(code): (opening.offers or {}).get(code, "") for code in CHECKLIST}
        data |= {"title": opening.title, "kind": opening.kind,
                 "hours_per_week": opening.hours_per_week, "place": opening.place,
                 "remote": opening.remote, "tags": ", ".join(opening.tags or ()),
                 "capacity": opening.capacity, "open": opening.open}
        return cls(data=data)


for _area in AREAS:
    setattr(OpeningForm, f"level_{_area}", SelectField(
        AREA_NAMES[_area], default="",
        choices=[SelectChoice("", _l("No level needed"))]
        + [SelectChoice(x, x) for x in LEVEL_CHOICES.get(_area, ())]))
for _code in CHECKLIST:
    setattr(OpeningForm, offer_field(_code), SelectField(
        _code, choices=[SelectChoice(k, v) for k, v in OFFER_NAMES.items()], default=""))


class ProposeForm(FlaskForm):
    """Propose the opening to the person (the list's choice about missing levels is kept)."""

    missing = SelectField(default="exclude", choices=[SelectChoice("exclude", "exclude"),
                                                      SelectChoice("flag", "flag")])


class LinkForm(FlaskForm):
    """How long the employer's link works."""

    days = IntegerField(_l("Days the link works"), default=DEFAULT_DAYS,
                        validators=[DataRequired(), NumberRange(1, MAX_DAYS)])

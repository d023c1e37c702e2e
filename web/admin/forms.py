"""Forms on the admin's pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from assessor.models import Organisation, User
from assessor.services.admin_settings import GUEST_DAYS, SETTINGS
from web.fields import fits, to_id, within_years
from web.invitations.forms import DELIVERY

NO_ORGANISATION = "none"
STAFF_ROLES = ("facilitator", "caseworker", "admin")
GUEST_DAYS_BOUNDS = SETTINGS[GUEST_DAYS]


def optional_id(value: object) -> int | None:
    """A select's value as a row id, or None for "no organisation"."""
    if value in (None, "", NO_ORGANISATION):
        return None
    return to_id(value)


def organisation_choices(organisations) -> list[SelectChoice]:
    """Every organisation, after "none"."""
    return [SelectChoice(NO_ORGANISATION, _l("None")),
            *(SelectChoice(o.id, o.name) for o in organisations)]


class OrganisationSelect(SelectField):
    """An organisation from the list, or none."""

    def __init__(self, label=None, **kwargs) -> None:
        super().__init__(label, coerce=optional_id, validate_choice=False, **kwargs)


class NewAccountForm(FlaskForm):
    """A new account: the person chooses a password through the invitation link."""

    name = StringField(_l("Name"), validators=[DataRequired(_l("Write a name.")),
                                               fits(User.name)])
    email = EmailField(_l("Email"), validators=[
        DataRequired(_l("Write the email address: it is the login.")),
        Email(_l("That does not look like an email address."), check_deliverability=False),
        Length(max=254)])
    role = SelectField(_l("Role"), validators=[DataRequired()])
    organisation = OrganisationSelect(_l("Organisation (for a candidate: the programme)"))
    delivery = RadioField(_l("The invitation link"), choices=DELIVERY, default="screen",
                          validators=[DataRequired()])


class EditAccountForm(FlaskForm):
    """Role (staff only), organisation and whether the account is open."""

    role = SelectField(_l("Role"))
    organisation = OrganisationSelect(_l("Organisation (for a candidate: the programme)"))
    active = BooleanField(_l("The account is open (can log in)"))


class AccountLinkForm(FlaskForm):
    """How a new invitation or new-password link goes."""

    delivery = RadioField(_l("The link"), choices=DELIVERY, default="screen",
                          validators=[DataRequired()])


class OrganisationForm(FlaskForm):
    """An organisation's name (and, for a programme, whether people may register)."""

    name = StringField(_l("Name"), validators=[DataRequired(_l("Write a name.")),
                                               fits(Organisation.name)])
    self_registration = BooleanField(_l("People may make their own account in this programme"))


class ItemBankForm(FlaskForm):
    """The item bank to put in use."""

    version = SelectField(_l("Item bank"), validators=[DataRequired()])


class GuestDaysForm(FlaskForm):
    """How many days an unclaimed guest of an evening is kept."""

    days = IntegerField(_l("Days an unclaimed guest is kept after their evening"), validators=[
        InputRequired(_l("Write a number of days.")),
        NumberRange(GUEST_DAYS_BOUNDS.lowest, GUEST_DAYS_BOUNDS.highest,
                    _l("Write a whole number of days from %(lowest)s to %(highest)s.",
                       lowest=GUEST_DAYS_BOUNDS.lowest, highest=GUEST_DAYS_BOUNDS.highest))])


class RegradeForm(FlaskForm):
    """Which challenge to regrade, and from which day (a GET of the same fields counts the
    hand-ins first; the service checks that the challenge exists)."""

    challenge = SelectField(_l("Task"), validate_choice=False,
                            validators=[DataRequired(_l("Choose a task."))])
    since = DateField(_l("Only hand-ins from this day (optional)"),
                      validators=[Optional(), within_years])

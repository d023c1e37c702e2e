"""Forms for inviting a person."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from assessor.models import Person
from web.fields import fits

DELIVERY = [SelectChoice("screen", _l("Show it here (to give or print as a letter)")),
            SelectChoice("email", _l("Send it by email, and show it here"))]


def _email(required: bool) -> EmailField:
    first = DataRequired(_l("Write the person's email address: it is their login.")) \
        if required else Optional()
    return EmailField(_l("Email"), validators=[
        first, Email(_l("That does not look like an email address."),
                     check_deliverability=False), Length(max=254)])


class InviteNewPersonForm(FlaskForm):
    """A new person for the programme: name, e-mail (their login) and how the link goes."""

    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Write the person's name.")), fits(Person.name)])
    email = _email(required=True)
    delivery = RadioField(_l("The invitation link"), choices=DELIVERY, default="screen",
                          validators=[DataRequired()])


class PersonLinkForm(FlaskForm):
    """An invitation or new-password link for a person on the list (e-mail only when the
    person has no account yet)."""

    email = _email(required=False)
    delivery = RadioField(_l("The link"), choices=DELIVERY, default="screen",
                          validators=[DataRequired()])

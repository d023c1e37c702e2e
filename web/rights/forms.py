"""Forms of the rights pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, NumberRange, Optional

from assessor.models import Person, RequestKind, User
from web.fields import fits, within_years

#: the last page of the access log one can ask for (an offset the databases always hold)
MAX_PAGE = 100_000


class RightsRequestForm(FlaskForm):
    """Ask for erasure or restriction."""

    kind = RadioField(_l("What do you want?"), validators=[DataRequired()], choices=[
        SelectChoice(RequestKind.ERASURE.value, _l("Delete my data")),
        SelectChoice(RequestKind.RESTRICTION.value, _l("Keep my data, but let nobody use it")),
    ])


class ProtectForm(FlaskForm):
    """Set or lift the protected identity."""

    protected = BooleanField(_l("Protected identity: staff see only the code name"))


class CarryOutForm(FlaskForm):
    """Carry out one request (the button's form: only the CSRF token)."""


class LogFilterForm(FlaskForm):
    """Narrow the access log (a GET form: nothing changes, so no CSRF token)."""

    class Meta:
        csrf = False

    code = StringField(_l("Code name"), validators=[Optional(), fits(Person.public_id)])
    email = StringField(_l("Account (e-mail)"), validators=[Optional(), fits(User.email)])
    since = DateField(_l("From"), validators=[Optional(), within_years])
    until = DateField(_l("To"), validators=[Optional(), within_years])
    page = IntegerField(validators=[Optional(), NumberRange(min=1, max=MAX_PAGE)])

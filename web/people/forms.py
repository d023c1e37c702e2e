"""Adding a person."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from assessor.models import Person
from web.fields import fits


class AddPersonForm(FlaskForm):
    """Name, gender only if the person wants it counted in statistics, and the person's yes to
    the tests (nothing is saved about them without it)."""

    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Write the person's name.")), fits(Person.name)])
    gender = RadioField(
        _l("Gender (only for statistics; may be left out)"),
        choices=[SelectChoice("woman", _l("Woman")), SelectChoice("man", _l("Man")),
                 SelectChoice("non_binary", _l("Non-binary")),
                 SelectChoice("undisclosed", _l("Does not want to say"))],
        default="undisclosed", validators=[Optional()])
    tests_consent = BooleanField(
        _l("The person has said yes to “Tests and results”: Kodprov may save their answers "
           "and results."),
        validators=[DataRequired(_l("Ask the person first. Without their yes, Kodprov saves "
                                    "nothing about them."))])

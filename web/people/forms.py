"""Adding a person."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from assessor.models import Person
from web.fields import fits


class AddPersonForm(FlaskForm):
    """Name, and gender only if the person wants it counted in statistics."""

    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Write the person's name.")), fits(Person.name)])
    gender = RadioField(
        _l("Gender (only for statistics; may be left out)"),
        choices=[SelectChoice("woman", _l("Woman")), SelectChoice("man", _l("Man")),
                 SelectChoice("non_binary", _l("Non-binary")),
                 SelectChoice("undisclosed", _l("Does not want to say"))],
        default="undisclosed", validators=[Optional()])

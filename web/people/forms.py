"""Adding a person; narrowing and sorting the people list."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from assessor.domain.vocabulary import AREAS
from assessor.models import Person
from assessor.services.people_overview import PeopleFilter
from web.fields import fits
from web.questionnaire.words import STATE_NAMES
from web.words import AREA_NAMES


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


def _choices(*pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class PeopleFilterForm(FlaskForm):
    """Narrow and sort the people list (sent with GET: a link keeps the view)."""

    class Meta:
        csrf = False  # a GET that changes nothing; its address is shared and bookmarked

    q = StringField(_l("Name or code name contains"),
                    validators=[Optional(), Length(max=Person.name.type.length)])
    questionnaire = SelectField(_l("Questionnaire"), default="", validators=[Optional()],
                                choices=_choices(("", _l("Any")), *STATE_NAMES.items()))
    consent = SelectField(_l("Yes to “Tests and results”"), default="", validators=[Optional()],
                          choices=_choices(("", _l("Any")), ("yes", _l("Yes")), ("no", _l("No"))))
    area = SelectField(_l("Has tried a task in"), default="", validators=[Optional()],
                       choices=[SelectChoice("", _l("Any area")),
                                *(SelectChoice(area, AREA_NAMES[area]) for area in AREAS)])
    sort = SelectField(_l("Sort by"), default="name", validators=[Optional()],
                       choices=_choices(("name", _l("Name")), ("activity", _l("Last activity")),
                                        ("passed", _l("Tasks passed")),
                                        ("questionnaire", _l("Questionnaire")),
                                        ("consent", _l("Yes to “Tests and results”"))))
    order = SelectField(_l("Order"), default="asc", validators=[Optional()],
                        choices=_choices(("asc", _l("A to Z, oldest or fewest first")),
                                         ("desc", _l("Z to A, latest or most first"))))

    def wanted(self) -> PeopleFilter:
        """The filter as asked for; a field that did not validate counts as "any"."""
        def value(field, fallback: str) -> str:
            return fallback if field.errors or field.data is None else str(field.data)

        return PeopleFilter(text=value(self.q, ""), questionnaire=value(self.questionnaire, ""),
                            consent=value(self.consent, ""), area=value(self.area, ""),
                            sort=value(self.sort, "name"),
                            descending=value(self.order, "asc") == "desc")

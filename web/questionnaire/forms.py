"""Forms built at run time from the questionnaire's items."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from assessor.domain.screening.questionnaire import MAX_TEXT_ANSWER, Item


class CheckboxesField(SelectMultipleField):
    """Several choices shown as check boxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class StaffStartForm(FlaskForm):
    """Staff say whether the person is there while they fill in the questionnaire."""

    person_present = RadioField(
        _l("Is the person with you while you fill in the answers?"),
        choices=[SelectChoice("yes", _l("Yes, we fill it in together")),
                 SelectChoice("no", _l("No, I fill it in for them"))],
        validators=[Optional()], default="yes")


def item_form(item: Item, locale: str, answer: object = None) -> FlaskForm:
    """A form with one field, ``answer``, for ``item`` in ``locale``."""
    label = item.text[locale]
    choices = [SelectChoice(o.id, o.text[locale]) for o in item.options]
    if item.kind == "single":
        field = RadioField(label, choices=choices, validators=[Optional()])
    elif item.kind == "multiple":
        field = CheckboxesField(label, choices=choices, validators=[Optional()])
    else:
        field = StringField(label, validators=[Optional(), Length(max=MAX_TEXT_ANSWER)])

    class ItemForm(FlaskForm):
        pass

    ItemForm.answer = field
    return ItemForm(data={"answer": answer})

"""Forms on the candidate's pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Optional

from assessor.models import ConsentPurpose
from web.fields import IdField, to_id


class GiveConsentForm(FlaskForm):
    """Say yes to one purpose; sharing the report names an organisation."""

    purpose = HiddenField(validators=[DataRequired(), AnyOf([p.value for p in ConsentPurpose])])
    organisation = SelectField(_l("Organisation that may read your report"), coerce=to_id,
                               validators=[Optional()], validate_choice=False)

    def set_organisations(self, organisations) -> None:
        """Offer these organisations for sharing the report."""
        self.organisation.choices = [SelectChoice(o.id, o.name) for o in organisations]


class WithdrawConsentForm(FlaskForm):
    """Take back one consent."""

    consent_id = IdField(validators=[DataRequired()])

"""The programme's eligibility criteria: rows a coach or admin of the programme edits
(``eligibility.criteria``); a coach records answers on each lead's page."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.intake import LeadError
from assessor.models import EligibilityCriterion
from assessor.services import policy
from assessor.services.intake import eligibility
from assessor.services.policy import Action
from web import database
from web.access import Refused
from web.intake import bp
from web.intake.forms import CriterionChangeForm, CriterionForm


def _allowed(programme_id: int | None) -> None:
    decision = policy.authorize_programme(database.session(), current_user,
                                          Action.ELIGIBILITY_CRITERIA, programme_id)
    if not decision.allowed:
        database.commit_now(database.Early.ACCESS_LOG)
        raise Refused(decision)


@bp.route("/kriterier", methods=["GET", "POST"])
def criteria():
    """The criteria of the user's programme; add one."""
    _allowed(current_user.organisation_id)
    session = database.session()
    form = CriterionForm()
    if form.validate_on_submit():
        try:
            eligibility.add_criterion(session, current_user, form.text.data)
        except LeadError:  # nothing left once unprintable characters are taken out
            database.discard()
            form.text.errors = [*form.text.errors, _("Write the criterion.")]
        else:
            flash(_("Saved."), "success")
            return redirect(url_for(".criteria"))
    rows = eligibility.criteria_of(session, current_user.organisation_id, everything=True)
    return render_template("intake/criteria.html", form=form, rows=rows,
                           change_forms={row.id: CriterionChangeForm(obj=row, prefix=str(row.id))
                                         for row in rows})


@bp.route("/kriterier/<int:criterion_id>", methods=["POST"])
def criterion(criterion_id: int):
    """Reword a criterion, or take it out of use (answers recorded against it stay)."""
    found = database.session().get(EligibilityCriterion, criterion_id)
    if found is None:
        abort(404)
    _allowed(found.programme_id)
    form = CriterionChangeForm(prefix=str(criterion_id))
    if form.validate_on_submit():
        try:
            eligibility.change_criterion(database.session(), current_user, criterion_id,
                                         text=form.text.data, active=form.active.data)
        except LeadError:
            database.discard()
            flash(_("That did not work. Nothing was changed. Try again."), "error")
        else:
            flash(_("Saved."), "success")
    else:
        flash(_("Write the criterion."), "error")
    return redirect(url_for(".criteria"))

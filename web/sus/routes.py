"""A person's SUS page, the registration's form, the SUS consent written down on the person's
behalf, and the worksheet to print or download. Each asks the policy about the person; the
worksheet is in full only under ``sus.worksheet`` (logged as a read of it), else anonymous."""

from __future__ import annotations

from decimal import Decimal

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.funder.sus import Registration, SusError
from assessor.infra.spreadsheet import csv_text
from assessor.models import Person
from assessor.services import policy
from assessor.services.funder.indicators import answered_points
from assessor.services.funder.sus import (
    record_sus_consent,
    registration_of,
    save_registration,
    worksheet_of,
    worksheet_rows,
)
from assessor.services.placements import today_here
from assessor.services.policy import Action
from web import database
from web.access import allow, ask, person_or_404
from web.placements.routes import form_errors
from web.survey import words as survey_words
from web.sus import bp, words
from web.sus.forms import RegistrationForm, SusConsentForm
from web.sus.words import error_text


def sheet_for(person: Person, log_as: str | None = None):
    """The worksheet as the coach may see it; reading it in full is logged (``sus.worksheet``)."""
    allow(Action.SUS_VIEW, person, log_as=log_as)
    if policy.check(database.session(), current_user, Action.SUS_WORKSHEET, person).allowed:
        ask(Action.SUS_WORKSHEET, person, log_as=log_as)
    return worksheet_of(database.session(), current_user, person)


@bp.route("/person/<public_id>")
def person(public_id: str):
    """The SUS page: the worksheet, the registration's form (under the SUS consent), the SUS
    consent for a person without a login, and whether the survey was answered."""
    found = person_or_404(public_id)
    sheet = sheet_for(found)
    session = database.session()
    record = registration_of(session, found)
    may = {action: policy.check(session, current_user, action, found).allowed
           for action in (Action.SUS_RECORD, Action.CONSENT_CHANGE)}
    form = RegistrationForm(obj=record) if may[Action.SUS_RECORD] else None
    has_yes = policy.facts_of(session, found).sus_consent
    return render_template("sus/person.html", person=found, sheet=sheet, form=form,
                           may_consent=may[Action.CONSENT_CHANGE], words=words,
                           has_yes=has_yes, register_out=record is not None and not has_yes,
                           consent_form=SusConsentForm(), answered=answered_points(session, found),
                           survey_point_names=survey_words.POINT_NAMES)


def _hours(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


@bp.route("/person/<public_id>", methods=["POST"])
def save(public_id: str):
    """Keep the registration in and out."""
    found = person_or_404(public_id)
    allow(Action.SUS_RECORD, found)
    form = RegistrationForm()
    back = redirect(url_for(".person", public_id=public_id))
    if not form.validate_on_submit():
        form_errors(form)
        return back
    data = Registration(
        income_before=tuple(form.income_before.data or ()),
        occupation_before=form.occupation_before.data or None,
        hours_before=_hours(form.hours_before.data), education=form.education.data or None,
        support_time=form.support_time.data or None,
        income_after=tuple(form.income_after.data or ()),
        occupation_after=form.occupation_after.data or None,
        hours_after=_hours(form.hours_after.data), end_reason=form.end_reason.data or None)
    try:
        save_registration(database.session(), current_user, found, data)
    except SusError as error:
        database.discard()
        flash(error_text(error.code), "error")
        return back
    flash(_("Saved."), "success")
    return back


@bp.route("/person/<public_id>/samtycke", methods=["POST"])
def consent(public_id: str):
    """Write down the yes to SUS (form 9443 signed), or take it back, on the person's behalf."""
    found = person_or_404(public_id)
    allow(Action.CONSENT_CHANGE, found)
    form = SusConsentForm()
    if not form.validate_on_submit():
        flash(_("That did not work. Nothing was changed. Try again."), "error")
        return redirect(url_for(".person", public_id=public_id))
    given = form.given.data == "yes"
    record_sus_consent(database.session(), current_user, found, given)
    flash(_("The yes to SUS is written down.") if given else
          _("The yes to SUS is taken back. Register the person out of SUS now."), "success")
    return redirect(url_for(".person", public_id=public_id))


@bp.route("/person/<public_id>/arbetsblad")
def sheet(public_id: str):
    """The worksheet on one page, to print and type into SUS."""
    found = person_or_404(public_id)
    return render_template("sus/sheet.html", person=found, sheet=sheet_for(found), words=words,
                           today=today_here())


@bp.route("/person/<public_id>/arbetsblad.csv")
def sheet_csv(public_id: str):
    """The worksheet as a CSV file (logged as an export)."""
    found = person_or_404(public_id)
    header, *rows = worksheet_rows(sheet_for(found, log_as="export"), found.public_id)
    name = f"sus-{found.public_id}.csv"
    return Response(csv_text(header, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})

"""The leads of the coach's programme and one lead; a caseworker's referral; "Din väg" for the
programme's people. Every decision is the policy's (``leads``, ``lead.manage``,
``person.refer``, ``path``); the services log each look at a lead."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from assessor.domain.intake import LeadError
from assessor.services import policy
from assessor.services.accounts import AccountError
from assessor.services.intake import eligibility, leads
from assessor.services.intake.lead_privacy import set_lead_protected, shown_lead_name
from assessor.services.intake.path import path_for, paths_of_programme
from assessor.services.policy import Action
from web import database
from web.access import Refused, allow, person_or_404
from web.account_links import account_error_text, deliver, mailer
from web.grading import catalogue
from web.intake import bp, words
from web.intake.forms import ActionForm, AgencyForm, InterviewForm, InviteForm
from web.outreach.forms import ReferralForm
from web.ratelimits import LINKS_MADE, limited
from web.rights.forms import ProtectForm

NOT_DONE = "That did not work. Nothing was changed. Try again."


def lead_or_404(lead_id: int):
    """The lead, once the policy lets the coach handle it (refusal logged and explained)."""
    try:
        lead = leads.lead_for(database.session(), current_user, lead_id)
    except policy.AccessDeniedError as error:
        database.commit_now(database.Early.ACCESS_LOG)  # the refusal's log entry
        raise Refused(error.decision) from None
    database.commit_now(database.Early.ACCESS_LOG)  # the look stays logged, come what may
    if lead is None:
        abort(404)
    return lead


@bp.route("/")
def index():
    """New leads, and those being handled; the invited and closed ones below."""
    allow(Action.LEADS)
    session = database.session()
    return render_template("intake/leads.html", open=leads.leads_of(session, current_user),
                           done=leads.leads_of(session, current_user, closed=True),
                           words=words)


def evening_choices(lead) -> list[SelectChoice]:
    """The programme's evenings ahead, to invite the lead to."""
    return [SelectChoice(e.id, e.name) for e in leads.evenings_ahead(database.session(), lead)]


def render_lead(lead, *, interview: InterviewForm | None = None,
                agency: AgencyForm | None = None, invite: InviteForm | None = None):
    """The lead's page with its forms."""
    session = database.session()
    visible = shown_lead_name(session, current_user, lead) is not None
    invite = invite or InviteForm(email=lead.email if visible else "")
    invite.event.choices = evening_choices(lead)
    return render_template(
        "intake/lead.html", lead=lead, words=words, action_form=ActionForm(),
        agency_form=agency or AgencyForm(), invite_form=invite, plain_form=FlaskForm(),
        may_protect=policy.check_lead(current_user, Action.LEAD_PROTECT, lead).allowed,
        protect_form=ProtectForm(prefix="protect", data={"protected": lead.protected_identity}),
        criteria=eligibility.criteria_of(session, lead.programme_id),
        answers=eligibility.answers_of(lead), email_possible=mailer() is not None)


@bp.route("/<int:lead_id>")
def lead(lead_id: int):
    """One lead: who, how they heard of us, the first interview, eligibility, agencies."""
    return render_lead(lead_or_404(lead_id))


@bp.route("/<int:lead_id>/status", methods=["POST"])
def lead_action(lead_id: int):
    """"I have contacted them" (the coach becomes the coordinator), or close the lead."""
    found = lead_or_404(lead_id)
    form = ActionForm()
    if form.validate_on_submit():
        session = database.session()
        if form.action.data == "take":
            leads.take(session, current_user, found)
        else:
            leads.close(session, current_user, found)
        flash(_("Saved."), "success")
    return redirect(url_for(".lead", lead_id=lead_id))


@bp.route("/<int:lead_id>/skyddad", methods=["POST"])
def protect(lead_id: int):
    """Set or lift the lead's protected identity (a coach of its programme)."""
    found = lead_or_404(lead_id)
    form = ProtectForm(prefix="protect")
    if form.validate_on_submit():
        try:
            set_lead_protected(database.session(), current_user, found,
                               bool(form.protected.data))
        except policy.AccessDeniedError as error:
            database.commit_now(database.Early.ACCESS_LOG)  # the refusal's log entry
            raise Refused(error.decision) from None
        flash(_("Saved."), "success")
    return redirect(url_for(".lead", lead_id=lead_id))


@bp.route("/<int:lead_id>/samtal", methods=["GET", "POST"])
def interview(lead_id: int):
    """The first interview about IT knowledge."""
    found = lead_or_404(lead_id)
    form = InterviewForm(data=found.interview) if request.method == "GET" and found.interview \
        else InterviewForm()
    if request.method == "GET" and found.interview:
        for area, level in (found.interview.get("experience") or {}).items():
            form[f"area_{area}"].data = level
    if form.validate_on_submit():
        try:
            leads.record_interview(database.session(), current_user, found, form.notes())
        except LeadError:
            database.discard()
            flash(_(NOT_DONE), "error")
        else:
            flash(_("The notes are saved."), "success")
            return redirect(url_for(".lead", lead_id=lead_id))
    return render_template("intake/interview.html", lead=found, form=form, words=words)


@bp.route("/<int:lead_id>/behorighet", methods=["POST"])
def record_eligibility(lead_id: int):
    """Met, not met or not known for each of the programme's criteria, with the basis."""
    found = lead_or_404(lead_id)
    if not FlaskForm().validate_on_submit():
        return redirect(url_for(".lead", lead_id=lead_id))
    session = database.session()
    answers = {c.id: (request.form[f"answer-{c.id}"], request.form.get(f"basis-{c.id}", ""),
                      request.form.get(f"note-{c.id}", ""))
               for c in eligibility.criteria_of(session, found.programme_id)
               if f"answer-{c.id}" in request.form}  # a criterion not on the form stays
    try:
        eligibility.record_answers(session, current_user, found, answers)
    except LeadError:
        database.discard()
        flash(_("Choose an answer and a basis for each criterion. Nothing was changed."),
              "error")
        return render_lead(found)
    flash(_("Saved."), "success")
    return redirect(url_for(".lead", lead_id=lead_id))


@bp.route("/<int:lead_id>/myndighet", methods=["POST"])
def agency(lead_id: int):
    """An agency involved with the person."""
    found = lead_or_404(lead_id)
    form = AgencyForm()
    if not form.validate_on_submit():
        return render_lead(found, agency=form)
    try:
        leads.add_agency(database.session(), current_user, found, form.name.data,
                         form.role.data or "", form.contact.data or "")
    except LeadError:  # nothing left once unprintable characters are taken out
        database.discard()
        form.name.errors = [*form.name.errors, _("Write the agency's name.")]
        return render_lead(found, agency=form)
    flash(_("Saved."), "success")
    return redirect(url_for(".lead", lead_id=lead_id))


@bp.route("/<int:lead_id>/bjud-in", methods=["POST"])
@limited(*LINKS_MADE)
def invite(lead_id: int):
    """Invite the lead to the questionnaire (a person of the programme with an invitation
    link) or to one of the programme's evenings."""
    found = lead_or_404(lead_id)
    form = InviteForm()
    form.event.choices = evening_choices(found)
    if not form.validate_on_submit():
        return render_lead(found, invite=form)
    session = database.session()
    try:
        if form.to.data == "evening":
            event = leads.invite_to_evening(session, current_user, found, form.event.data or 0)
            flash(_("Invited to %(name)s. Tell the person the time and the join code.",
                    name=event.name), "success")
            return redirect(url_for(".lead", lead_id=lead_id))
        link = leads.invite_to_questionnaire(
            session, current_user, found, form.email.data or "",
            lifetime=timedelta(days=current_app.config["KODPROV_SETTINGS"].invitation_days))
    except (LeadError, AccountError) as error:
        database.discard()
        message = account_error_text(error) if isinstance(error, AccountError) else _(NOT_DONE)
        form.email.errors = [*form.email.errors, message]
        return render_lead(found, invite=form)
    return deliver(link, form.delivery.data, back=url_for(".lead", lead_id=lead_id))


@bp.route("/remiss", methods=["GET", "POST"])
def refer():
    """A caseworker refers a person to a programme (the person knows about it)."""
    allow(Action.REFER)
    session = database.session()
    form = ReferralForm().for_programmes(leads.programmes(session))
    if form.validate_on_submit():
        try:
            leads.refer(session, current_user, form.to_input(person_knows=True))
        except LeadError:
            database.discard()
            flash(_(NOT_DONE), "error")
        else:
            flash(_("Thank you. The programme's coach will contact the person."), "success")
            return redirect(url_for(".refer"))
    return render_template("intake/refer.html", form=form)


@bp.route("/vagar")
def paths():
    """"Din väg" for every person of the programme: the step each is on."""
    allow(Action.LEADS)
    rows = paths_of_programme(database.session(), current_user,
                              catalogue=catalogue())
    return render_template("intake/paths.html", rows=rows, words=words)


@bp.route("/vag/<public_id>")
def path(public_id: str):
    """One person's four steps, as they see them."""
    person = person_or_404(public_id)
    allow(Action.PATH_VIEW, person)
    steps = path_for(database.session(), current_user, person, catalogue=catalogue())
    return render_template("intake/path.html", person=person, steps=steps, words=words,
                           state_names=words.STAFF_STATE_NAMES)

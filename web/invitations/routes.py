"""Inviting a new person, and links for a person on the list. Who may is the access
policy's (``account.invite``, ``account.reset``); the link is shown once, in the response."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, render_template, request, url_for
from flask_login import current_user

from assessor.services import account_links, invitations
from assessor.services.accounts import AccountError, has_password
from assessor.services.policy import Action
from web import database
from web.access import allow, person_or_404
from web.account_links import account_error_text, deliver, mailer
from web.invitations import bp
from web.invitations.forms import InviteNewPersonForm, PersonLinkForm
from web.ratelimits import LINKS_MADE, limited


def _lifetime() -> timedelta:
    """How long an invitation works (``KODPROV_INVITATION_DAYS``)."""
    return timedelta(days=current_app.config["KODPROV_SETTINGS"].invitation_days)


@bp.route("/ny", methods=["GET", "POST"])
@limited(*LINKS_MADE)
def new():
    """Invite a new person into the coach's programme."""
    allow(Action.PERSON_ADD)
    form = InviteNewPersonForm()
    if form.validate_on_submit():
        session = database.session()
        try:
            link = invitations.invite_new_person(
                session, current_user, name=form.name.data, email=form.email.data,
                lifetime=_lifetime())
        except AccountError as error:
            database.discard()
            form.email.errors.append(account_error_text(error))
        else:
            return deliver(link, form.delivery.data, back=url_for("people.index"))
    return render_template("invitations/new.html", form=form, email_possible=mailer() is not None)


@bp.route("/<public_id>", methods=["GET", "POST"])
@limited(*LINKS_MADE)
def person(public_id: str):
    """A person's login: make an invitation (a new account, or again) or a new-password link."""
    person = person_or_404(public_id)
    user = person.user
    resetting = user is not None and has_password(user)
    action = Action.ACCOUNT_RESET if resetting else Action.ACCOUNT_INVITE
    allow(action, person, log_as=None if request.method == "POST" else "read")
    session = database.session()
    form = PersonLinkForm()
    if form.validate_on_submit():
        try:
            link = (invitations.reset_link(session, current_user, person) if resetting else
                    invitations.invite(session, current_user, person, email=form.email.data,
                                       lifetime=_lifetime()))
        except AccountError as error:
            database.discard()
            form.email.errors.append(account_error_text(error))
        else:
            return deliver(link, form.delivery.data, back=url_for("people.index"))
    return render_template(
        "invitations/person.html", person=person, user=user, form=form, resetting=resetting,
        open_link=account_links.open_link(session, user) if user else None,
        email_possible=mailer() is not None)

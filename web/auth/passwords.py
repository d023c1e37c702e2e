"""One-time links, forgotten and changed passwords, and registering in an open programme."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import Role
from assessor.services import account_links, invitations
from assessor.services.account_links import LinkError, LinkState
from assessor.services.accounts import AccountError
from web import database
from web.access import public
from web.account_links import account_error_text, mailer, send_link
from web.auth import bp, login_sessions
from web.auth.forms import ChangePasswordForm, ForgotPasswordForm, RegisterForm, SetPasswordForm
from web.i18n import select_locale
from web.navigation import home_for
from web.ratelimits import (
    ACCOUNT_LINK,
    PASSWORD_CHANGE,
    REGISTRATION,
    RESET_REQUEST,
    limited,
    note_password_check,
    note_reset_request,
)


@bp.route("/lank/<code>", methods=["GET", "POST"])
@public
@limited(*ACCOUNT_LINK)
def link(code: str):
    """Choose a password through an invitation or a new-password link; it works once."""
    session = database.session()
    found = account_links.find(session, code)
    state = account_links.state_of(found)
    if state != LinkState.OK:
        return link_gone(state)
    purpose, form = found.purpose, SetPasswordForm()
    if form.validate_on_submit():
        try:
            user = account_links.use(session, code, form.password.data)
        except LinkError as error:
            database.discard()
            return link_gone(error.state)
        except AccountError as error:
            database.discard()
            form.password.errors.append(account_error_text(error))
        else:
            return _logged_in_after_link(user, purpose)
    return render_template("auth/set_password.html", form=form, link=found,
                           invitation=purpose == "invitation")


def link_gone(state: LinkState):
    """The calm page for a link that does not work (404 unknown, 410 used up or old)."""
    status = 404 if state == LinkState.UNKNOWN else 410
    return render_template("auth/link_gone.html", state=state.value), status


def _logged_in_after_link(user, purpose: str):
    """Log the person in on this browser (every other login of theirs has ended)."""
    if current_user.is_authenticated:
        login_sessions.end()  # someone else's login on this browser ends first
    login_sessions.begin(user, remember=False)
    flash(_("Your password is saved. You are logged in."), "success")
    if purpose == "invitation" and user.role == Role.CANDIDATE:
        return redirect(url_for("candidate.consent"))
    return redirect(home_for(user.role))


@bp.route("/glomt-losenord", methods=["GET", "POST"])
@public
@limited(*RESET_REQUEST)
def forgot_password():
    """Ask for a new-password link by e-mail (when e-mail is set up)."""
    form, can_send = ForgotPasswordForm(), mailer() is not None
    if can_send and form.validate_on_submit():
        note_reset_request()
        session = database.session()
        issued = invitations.request_reset(session, form.email.data)
        if issued is not None:
            send_link(issued)
        flash(_("If there is an account with that address, a link is on its way to it. It "
                "works once, for two days. No email? Ask your coach for a link."), "info")
        return redirect(url_for(".login"))
    return render_template("auth/forgot_password.html", form=form, can_send=can_send)


@bp.route("/losenord", methods=["GET", "POST"])
@limited(*PASSWORD_CHANGE)
def change_password():
    """Change one's own password; every other login of the account ends."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        session = database.session()
        try:
            ended = invitations.change_password(session, current_user, form.current.data,
                                                form.password.data, current_user.login_token)
        except AccountError as error:
            database.discard()
            note_password_check(right=error.code != "wrong_password")
            field = form.current if error.code == "wrong_password" else form.password
            field.errors.append(account_error_text(error))
        else:
            note_password_check(right=True)
            flash(_("Your password is changed. Logins on other computers ended: %(n)d.",
                    n=ended), "success")
            return redirect(url_for(".account"))
    return render_template("auth/change_password.html", form=form)


@bp.route("/registrera", methods=["GET", "POST"])
@public
@limited(*REGISTRATION)
def register():
    """Make one's own account, in a programme an admin opened for it."""
    if current_user.is_authenticated:
        return redirect(home_for(current_user.role))
    session = database.session()
    programmes = invitations.open_programmes(session)
    if not programmes:
        return render_template("auth/registration_closed.html"), 404
    form = RegisterForm()
    form.set_programmes(programmes)
    if form.validate_on_submit():
        try:
            user = invitations.register(
                session, organisation_id=form.programme.data, name=form.name.data,
                email=form.email.data, password=form.password.data,
                locale=select_locale())
        except AccountError as error:
            database.discard()
            field = form.email if error.code in ("email_taken", "bad_email") else form.programme
            field.errors.append(account_error_text(error))
        else:
            login_sessions.begin(user, remember=False)
            flash(_("Your account is made. Welcome!"), "success")
            return redirect(url_for("candidate.consent"))
    return render_template("auth/register.html", form=form)

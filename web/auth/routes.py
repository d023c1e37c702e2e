"""Login, logout and the account page."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.services.accounts import authenticate
from assessor.services.invitations import open_programmes
from assessor.services.sessions import active_sessions, token_hash
from web import database
from web.access import public
from web.auth import bp, login_sessions
from web.auth.forms import LoginForm, LogoutEverywhereForm
from web.navigation import home_for, safe_next
from web.ratelimits import LOGIN, limited, note_password_check
from web.trusted_devices import remember_device


@bp.route("/logga-in", methods=["GET", "POST"])
@public
@limited(*LOGIN)
def login():
    """Log in with email and password."""
    if current_user.is_authenticated:
        return redirect(home_for(current_user.role))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = authenticate(database.session(), form.email.data, form.password.data)
        note_password_check(right=user is not None)
        if user is None:
            flash(_("The email or the password is wrong. Try again."), "error")
        else:
            login_sessions.begin(user, remember=form.remember.data)
            response = redirect(safe_next(form.next.data, home_for(user.role)))
            remember_device(response, form.email.data)
            return response
    return render_template("auth/login.html", form=form,
                           registration_open=bool(open_programmes(database.session())))


@bp.route("/logga-ut", methods=["POST"])
def logout():
    """Log out: this login session ends, whatever copies of its cookies exist."""
    login_sessions.end()
    flash(_("You are logged out."), "info")
    return redirect(url_for("public.index"))


@bp.route("/")
def account():
    """The person's own account: who they are and where they are logged in."""
    sessions = active_sessions(database.session(), current_user)
    this_one = token_hash(current_user.login_token)
    return render_template("auth/account.html", sessions=sessions, this_one=this_one,
                           form=LogoutEverywhereForm())


@bp.route("/logga-ut-overallt", methods=["POST"])
def logout_everywhere():
    """End every login session of this account, on every computer, this one included."""
    if LogoutEverywhereForm().validate_on_submit():
        login_sessions.end(everywhere=True)
        flash(_("You are logged out everywhere. Log in again to go on here."), "info")
        return redirect(url_for(".login"))
    return redirect(url_for(".account"))

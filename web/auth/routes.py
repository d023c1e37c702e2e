"""Login and logout."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from assessor.accounts import authenticate
from web import database
from web.access import public
from web.auth import bp
from web.auth.forms import LoginForm
from web.navigation import home_for, safe_next


@bp.route("/logga-in", methods=["GET", "POST"])
@public
def login():
    """Log in with email and password."""
    if current_user.is_authenticated:
        return redirect(home_for(current_user.role))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = authenticate(database.session(), form.email.data, form.password.data)
        if user is None:
            flash(_("The email or the password is wrong. Try again."), "error")
        else:
            database.session().commit()  # keeps a rehashed password, if any
            login_user(user, remember=form.remember.data)
            session["locale"] = user.locale
            return redirect(safe_next(form.next.data, home_for(user.role)))
    return render_template("auth/login.html", form=form)


@bp.route("/logga-ut", methods=["POST"])
def logout():
    """Log out and forget the session."""
    locale = session.get("locale")
    logout_user()
    session.clear()
    if locale:
        session["locale"] = locale
    flash(_("You are logged out."), "info")
    return redirect(url_for("public.index"))

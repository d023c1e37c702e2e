"""Public pages and the language switch."""

from __future__ import annotations

from flask import redirect, render_template, request, session
from flask_login import current_user

from web import database
from web.access import public
from web.navigation import safe_next
from web.public import bp
from web.public.forms import LanguageForm


@bp.route("/")
@public
def index():
    """The start page."""
    return render_template("public/index.html")


@bp.route("/om")
@public
def about():
    """What Kodprov is and who it is for."""
    return render_template("public/about.html")


@bp.route("/integritet")
@public
def privacy():
    """How personal data is handled."""
    return render_template("public/privacy.html")


@bp.route("/tillganglighet")
@public
def accessibility():
    """The accessibility statement."""
    return render_template("public/accessibility.html")


@bp.route("/sprak", methods=["POST"])
@public
def set_language():
    """Switch between Swedish and English; remembered for the account when logged in."""
    form = LanguageForm()
    if form.validate_on_submit():
        session["locale"] = form.locale.data
        if current_user.is_authenticated:
            current_user.locale = form.locale.data
            database.session().commit()
    return redirect(safe_next(request.form.get("next")))

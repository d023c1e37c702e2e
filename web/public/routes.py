"""Public pages and the language switch."""

from __future__ import annotations

from flask import jsonify, redirect, render_template, request, session
from flask_login import current_user

from assessor.services.calendar import public_calendars
from web import database, text_size
from web.access import public
from web.errors import wants_json
from web.navigation import safe_next
from web.public import bp
from web.public.forms import LanguageForm, TextSizeForm


@bp.route("/")
@public
def index():
    """The start page, with each programme's next evenings (or "closed until …")."""
    return render_template("public/index.html",
                           evening_calendars=public_calendars(database.session(), count=2))


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
    return redirect(safe_next(request.form.get("next")))


@bp.route("/textstorlek", methods=["POST"])
@public
def set_text_size():
    """One step larger or smaller text on every page, remembered on this browser."""
    form = TextSizeForm()
    size = text_size.current()
    if form.validate_on_submit():
        size = text_size.changed(size, form.size.data)
    response = jsonify(size=size, label=text_size.label(size)) if wants_json() \
        else redirect(safe_next(request.form.get("next")))
    return text_size.remember(response, size)

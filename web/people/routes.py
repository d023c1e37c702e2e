"""The people list and adding a person."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.people import add_person, visible_people
from web import database
from web.people import bp
from web.people.forms import AddPersonForm


@bp.route("/")
def index():
    """The people this user may see."""
    return render_template("people/index.html",
                           people=visible_people(database.session(), current_user))


@bp.route("/ny", methods=["GET", "POST"])
def new():
    """Add a person who has no login yet."""
    form = AddPersonForm()
    if form.validate_on_submit():
        session = database.session()
        person = add_person(session, current_user, form.name.data, form.gender.data)
        session.commit()
        flash(_("%(name)s is added.", name=person.name), "success")
        return redirect(url_for("questionnaire.overview", public_id=person.public_id))
    return render_template("people/new.html", form=form)

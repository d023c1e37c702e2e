"""The people list and adding a person."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.people import add_person, visible_people
from assessor.questionnaire_service import current_response
from web import database
from web.people import bp
from web.people.forms import AddPersonForm


def render_people_list() -> str:
    """The people this user may see, with their questionnaire status."""
    session = database.session()
    people = visible_people(session, current_user)
    responses = {person.id: current_response(session, person) for person in people}
    return render_template("people/index.html", people=people, responses=responses)


@bp.route("/")
def index():
    """The people this user may see."""
    return render_people_list()


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

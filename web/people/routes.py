"""The people list and adding a person. Who is listed, and what each link may open, is the
access policy's; every listed person is logged."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor import policy
from assessor.people import add_person
from assessor.policy import Action
from assessor.questionnaire_service import current_response
from web import database
from web.access import allow
from web.people import bp
from web.people.forms import AddPersonForm


def render_people_list() -> str:
    """The people this user may see, with their questionnaire status where they may see it."""
    session = database.session()
    people = policy.listed(session, current_user)
    session.commit()  # the list's access-log entries
    responses = {entry.person.id: current_response(session, entry.person) for entry in people
                 if Action.QUESTIONNAIRE_VIEW in entry.may}
    return render_template("people/index.html", people=people, responses=responses,
                           may_add=policy.check(session, current_user, Action.PERSON_ADD).allowed,
                           Action=Action)


@bp.route("/")
def index():
    """The people this user may see."""
    return render_people_list()


@bp.route("/ny", methods=["GET", "POST"])
def new():
    """Add a person who has no login yet, with the yes to the tests they gave."""
    allow(Action.PERSON_ADD)
    form = AddPersonForm()
    if form.validate_on_submit():
        session = database.session()
        person = add_person(session, current_user, form.name.data, form.gender.data)
        session.commit()
        flash(_("%(name)s is added.", name=person.name), "success")
        return redirect(url_for("questionnaire.overview", public_id=person.public_id))
    return render_template("people/new.html", form=form)

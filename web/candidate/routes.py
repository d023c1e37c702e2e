"""The candidate's pages."""

from __future__ import annotations

import sqlalchemy as sa
from flask import render_template
from flask_login import current_user

from assessor.models import Person
from assessor.questionnaire_service import current_response
from web import database
from web.candidate import bp


@bp.route("/")
def index():
    """The candidate's start page."""
    session = database.session()
    person = session.scalar(sa.select(Person).where(Person.user_id == current_user.id))
    response = current_response(session, person) if person else None
    return render_template("candidate/index.html", person=person, response=response)

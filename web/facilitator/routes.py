"""The facilitator's pages."""

from __future__ import annotations

import sqlalchemy as sa
from flask import render_template

from assessor.models import Person
from web import database
from web.facilitator import bp


@bp.route("/")
def index():
    """The people in the programme."""
    people = database.session().scalars(sa.select(Person).order_by(Person.created_at)).all()
    return render_template("facilitator/index.html", people=people)

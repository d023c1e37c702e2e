"""The caseworker's pages."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from assessor.privacy import people_sharing_reports_with
from web import database
from web.caseworker import bp


@bp.route("/")
def index():
    """People who have consented to share their report with this caseworker's organisation."""
    people = people_sharing_reports_with(database.session(), current_user.organisation_id)
    return render_template("caseworker/index.html", people=people)

"""The caseworker's pages."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from assessor.services import policy
from assessor.services.policy import Action
from web import database
from web.caseworker import bp


@bp.route("/")
def index():
    """People whose report this caseworker may read (shared with their organisation)."""
    session = database.session()
    people = [entry.person for entry in policy.listed(session, current_user, Action.REPORT_VIEW)]
    database.commit_now(database.Early.ACCESS_LOG)  # the list's access-log entries
    return render_template("caseworker/index.html", people=people)

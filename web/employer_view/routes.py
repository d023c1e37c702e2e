"""The employer's view of one person: verified skills and the shared parts of the profile.
Every visit is logged; an unknown, expired or withdrawn link shows a calm page."""

from __future__ import annotations

from flask import render_template
from flask_babel import get_locale

from assessor.services.matching.employer_links import open_link
from web import database
from web.access import public
from web.employer_view import bp
from web.grading import catalogue


@bp.route("/<code>")
@public
def show(code: str):
    """What the person agreed to show this employer, or why the link shows nothing."""
    session = database.session()
    view = open_link(session, code, str(get_locale()), catalogue=catalogue())
    database.commit_now(database.Early.ACCESS_LOG)  # the visit's log entry, shown or refused
    if view is None:
        return render_template("matching/link_gone.html"), 404
    response = render_template("matching/employer_view.html", view=view)
    return response, 200, {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}

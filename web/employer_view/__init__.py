"""The page an employer opens through a consented, time-limited link (no account)."""

from flask import Blueprint

bp = Blueprint("employer_view", __name__)

from web.employer_view import routes  # noqa: E402, F401 - registers the routes on bp

"""Logging in and out, the account page with its login sessions, passwords and one-time
links, and registering."""

from flask import Blueprint

from web.access import restrict_blueprint

bp = Blueprint("auth", __name__)
restrict_blueprint(bp, roles=None)

from web.auth import passwords, routes  # noqa: E402, F401 - registers the routes on bp

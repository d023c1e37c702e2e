"""Pages anyone may read: start, about, privacy notice, accessibility statement."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from web.public import routes  # noqa: E402, F401 - registers the routes on bp

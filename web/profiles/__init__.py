""""Så här fungerar jag" for the candidate: edit, preview, sharing, and proposed openings."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("profiles", __name__)
restrict_blueprint(bp, roles=[Role.CANDIDATE])

from web.profiles import routes  # noqa: E402, F401 - registers the routes on bp

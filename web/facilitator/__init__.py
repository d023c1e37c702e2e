"""Pages for facilitators (coaches): people, events, challenges."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("facilitator", __name__)
restrict_blueprint(bp, roles=[Role.FACILITATOR, Role.ADMIN])

from web.facilitator import routes  # noqa: E402, F401 - registers the routes on bp

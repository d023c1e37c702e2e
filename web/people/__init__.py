"""Staff pages about people: the list, adding a person without a login."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("people", __name__)
restrict_blueprint(bp, roles=[Role.FACILITATOR, Role.CASEWORKER, Role.ADMIN])

from web.people import routes  # noqa: E402, F401 - registers the routes on bp

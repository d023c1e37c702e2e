"""Administration: accounts and system health."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("admin", __name__)
restrict_blueprint(bp, roles=[Role.ADMIN])

from web.admin import routes  # noqa: E402, F401 - registers the routes on bp

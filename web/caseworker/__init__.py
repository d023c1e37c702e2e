"""Pages for caseworkers: reports of people who consented to share them."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("caseworker", __name__)
restrict_blueprint(bp, roles=[Role.CASEWORKER])

from web.caseworker import routes  # noqa: E402, F401 - registers the routes on bp

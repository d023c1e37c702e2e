"""The verification report as a page and as a PDF, only for those allowed to read it."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("reports", __name__)
restrict_blueprint(bp, roles=[Role.CANDIDATE, Role.FACILITATOR, Role.CASEWORKER])

from web.reports import routes  # noqa: E402, F401 - registers the routes on bp

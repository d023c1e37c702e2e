"""Pages for candidates: their start page, questionnaire and challenges."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("candidate", __name__)
restrict_blueprint(bp, roles=[Role.CANDIDATE])

from web.candidate import rights, routes  # noqa: E402, F401 - registers the routes on bp

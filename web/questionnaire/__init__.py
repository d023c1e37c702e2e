"""The screening questionnaire, filled in by the person or by staff with or for them."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("questionnaire", __name__)
restrict_blueprint(bp, roles=[Role.CANDIDATE, Role.FACILITATOR, Role.CASEWORKER, Role.ADMIN])

from web.questionnaire import routes  # noqa: E402, F401 - registers the routes on bp

"""Challenges at the candidate's own pace: list, challenge page, drafts, prechecks, attempts."""

from flask import Blueprint

from assessor.models import Role
from web.access import restrict_blueprint

bp = Blueprint("challenges", __name__)
restrict_blueprint(bp, roles=[Role.CANDIDATE])

from web.challenges import routes  # noqa: E402, F401 - registers the routes on bp

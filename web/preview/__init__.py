"""Staff open any task as a candidate would ("förhandsvisning"); nothing is stored."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("preview", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.TASK_PREVIEW))

from web.preview import routes  # noqa: E402, F401 - registers the routes on bp

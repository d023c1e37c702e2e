"""Staff see the work: a person's hand-ins with the code and every test's result."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("handins", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.SUBMISSIONS_FULL))

from web.handins import routes  # noqa: E402, F401 - registers the routes on bp

"""The indicator survey the participant answers themself, at start and at exit."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("survey", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.INDICATORS_ANSWER))

from web.survey import routes  # noqa: E402, F401 - registers the routes on bp

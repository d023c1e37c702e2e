"""Statistics pages for staff: the funder report (HTML with charts, CSV) and the outcome
dashboard. Masked counts of a programme, never a person."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("statistics", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.STATISTICS))

from web.statistics import routes  # noqa: E402, F401 - registers the routes on bp

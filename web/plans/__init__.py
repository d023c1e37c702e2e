"""The individual development plan: the person and a coach of the programme read and edit
it together, and print it (a print stylesheet, and a PDF)."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("plans", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.PLAN_VIEW, Action.PLAN_EDIT,
                                                   Action.PLAN_PDF))

from web.plans import routes  # noqa: E402, F401 - registers the routes on bp

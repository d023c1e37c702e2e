"""Progress over time: the person's self-rated conversations (a "life wheel") as a chart and a
table, a form to write one down, and the programme's areas."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("progress", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.PROGRESS_VIEW, Action.PROGRESS_RECORD,
                                                   Action.PROGRESS_AREAS))

from web.progress import routes  # noqa: E402, F401 - registers the routes on bp

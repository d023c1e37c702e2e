"""Pages for facilitators (coaches): people, events, challenges."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("facilitator", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.PERSON_PAGE, Action.FOLLOW_UP_RECORD))

from web.facilitator import routes  # noqa: E402, F401 - registers the routes on bp

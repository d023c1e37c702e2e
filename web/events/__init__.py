"""Mini Hackathon evenings: the facilitator's pages (``events``, /kvallar) and the
participant's (``evening``, /kvall: joining with the code, the evening's page, help)."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("events", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.EVENTS, Action.EVENT_MANAGE))

participant_bp = Blueprint("evening", __name__)
restrict_blueprint(participant_bp, roles=policy.roles_that_may(Action.EVENT_TAKE_PART))

from web.events import (  # noqa: E402, F401 - registers the routes
    attendance,
    guest_mail,
    routes,
    taking_part,
)

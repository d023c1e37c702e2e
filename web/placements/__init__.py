"""Coaches' pages for placements: a person's placements and participation, one placement
with its states and follow-ups, and the overdue list."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("placements", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.PLACEMENT_VIEW,
                                                   Action.PLACEMENT_RECORD))

from web.placements import routes  # noqa: E402, F401 - registers the routes on bp

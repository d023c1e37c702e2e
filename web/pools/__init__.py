"""Coaches' pages for the intake pools: the funding areas and their places (a coach or an
admin of the programme sets them), the queues, who is offered a place, admitting, ending a
participation, and the log that explains every move."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("pools", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.POOLS, Action.POOL_PLACE))

from web.pools import routes  # noqa: E402, F401 - registers the routes on bp

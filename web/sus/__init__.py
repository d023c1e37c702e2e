"""The coach's SUS page of a person: the registration in and out in SUS's categories, the
worksheet (printable and CSV), in full only under the SUS consent, else anonymous."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("sus", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.SUS_VIEW, Action.SUS_RECORD))

from web.sus import routes  # noqa: E402, F401 - registers the routes on bp

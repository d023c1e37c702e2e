"""Staff give people a login: invitations and new-password links, shown, printed or e-mailed."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("invitations", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.ACCOUNT_INVITE, Action.ACCOUNT_RESET))

from web.invitations import routes  # noqa: E402, F401 - registers the routes on bp

"""Administration: accounts, organisations, the item bank in use, regrades, the development
outbox."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("admin", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.ACCOUNTS, Action.ITEM_BANKS,
                                                    Action.REGRADE))

from web.admin import (  # noqa: E402, F401 - registers the routes
    organisations,
    regrades,
    rights,
    routes,
    settings,
    system,
)

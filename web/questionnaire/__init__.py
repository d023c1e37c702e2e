"""The screening questionnaire, filled in by the person or by staff with or for them."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("questionnaire", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.QUESTIONNAIRE_VIEW,
                                                   Action.QUESTIONNAIRE_FILL))

from web.questionnaire import routes  # noqa: E402, F401 - registers the routes on bp

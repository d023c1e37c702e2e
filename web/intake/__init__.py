"""Staff pages for finding people: the leads list and one lead (contact, first interview,
eligibility, agencies, invitation), the programme's eligibility criteria, a caseworker's
referral, and "Din väg" for the programme's people."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("intake", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.LEADS, Action.REFER,
                                                   Action.ELIGIBILITY_CRITERIA, Action.PATH_VIEW)
                   - {"candidate"})

from web.intake import criteria, routes  # noqa: E402, F401 - registers the routes on bp

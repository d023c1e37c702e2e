"""The verification report as a page and as a PDF, only for those allowed to read it."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("reports", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.REPORT_VIEW, Action.REPORT_PDF,
                                                    Action.REPORT_FILED))

from web.reports import routes  # noqa: E402, F401 - registers the routes on bp

"""The page an employer opens through a consented, time-limited link (no account)."""

from flask import Blueprint

from web.access import restrict_blueprint

bp = Blueprint("employer_view", __name__)
#: the only view is public (an employer has no account); the link's code and the person's
#: consent decide, through the access policy (``profile.employer``)
restrict_blueprint(bp, roles=None)

from web.employer_view import routes  # noqa: E402, F401 - registers the routes on bp

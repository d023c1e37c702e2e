"""Public pages for finding people: one for people with IT skills and their families, one for
employers (each also a one-page PDF), and the interest form."""

from flask import Blueprint

from web.access import restrict_blueprint

bp = Blueprint("outreach", __name__)
#: every view is public: anyone may read the pages and send the form
restrict_blueprint(bp, roles=None)

from web.outreach import routes  # noqa: E402, F401 - registers the routes on bp

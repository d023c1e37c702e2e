"""Public pages for finding people: one for people with IT skills and their families, one for
employers (each also a one-page PDF), and the interest form."""

from flask import Blueprint

bp = Blueprint("outreach", __name__)

from web.outreach import routes  # noqa: E402, F401 - registers the routes on bp

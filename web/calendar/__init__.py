"""The public calendar of Mini Hackathon evenings (``/kalender``: anyone reads it and may sign
up for one evening, or withdraw through the link in the mail) and the coach's schedule page
(``/kalender/schema``: ``calendar`` in the access policy)."""

from flask import Blueprint

from web.access import restrict_blueprint

bp = Blueprint("calendar", __name__)
#: the calendar and signing up are public; each coach's view asks the policy (``calendar``)
restrict_blueprint(bp, roles=None)

from web.calendar import coach, routes  # noqa: E402, F401 - registers the routes on bp

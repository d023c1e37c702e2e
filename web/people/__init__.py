"""Staff pages about people: the list, adding a person without a login."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("people", __name__)
# staff who may ask on a person's behalf (rights.request) or protect them are among these
restrict_blueprint(bp, roles=policy.roles_that_may(Action.PEOPLE_LIST, Action.PERSON_ADD))

from web.people import rights, routes  # noqa: E402, F401 - registers the routes on bp

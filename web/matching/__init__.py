"""Coaches' pages for matching: employers, openings, ranked lists, proposals, employer links,
and helping a person with "så här fungerar jag"."""

from flask import Blueprint

from assessor.services import policy
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("matching", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.EMPLOYERS, Action.EMPLOYER_MANAGE,
                                                   Action.MATCH_RANK))

from web.matching import people, routes  # noqa: E402, F401 - registers the routes on bp

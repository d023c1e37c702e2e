"""The one access policy: who may see or change what about which person.

``rules`` holds the decisions (pure, a table over ``actions``, written in ``conditions``
about ``facts``); ``service`` gathers the facts and writes the access log. Views, commands,
exports and services ask here and nowhere else.
"""

from assessor.services.policy.actions import Action
from assessor.services.policy.facts import SYSTEM, Actor, Decision, EventFacts, PersonFacts
from assessor.services.policy.rules import decide, policy_table, roles_that_may
from assessor.services.policy.service import (
    AccessDeniedError,
    Listed,
    allowed_people,
    authorize,
    authorize_event,
    authorize_programme,
    check,
    check_event,
    check_lead,
    facts_of,
    listable,
    listed,
    log_listed,
    require,
)

__all__ = [
    "SYSTEM",
    "AccessDeniedError",
    "Action",
    "Actor",
    "Decision",
    "EventFacts",
    "Listed",
    "PersonFacts",
    "allowed_people",
    "authorize",
    "authorize_event",
    "authorize_programme",
    "check",
    "check_event",
    "check_lead",
    "decide",
    "facts_of",
    "listable",
    "listed",
    "log_listed",
    "policy_table",
    "require",
    "roles_that_may",
]

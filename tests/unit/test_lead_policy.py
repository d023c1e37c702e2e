"""The policy on leads before they are people: a coach of the lead's programme sees its name
unless it is protected, and marks or lifts the protection; nobody else does either."""

from __future__ import annotations

import pytest

from assessor.services.policy import Action, Actor, decide
from assessor.services.policy.actions import ABOUT_LEAD
from assessor.services.policy.facts import lead_facts
from assessor.services.policy.rules import allowed_actions

PROGRAMME, OTHER = 10, 11
COACH = Actor(1, "facilitator", PROGRAMME)


@pytest.mark.parametrize(("actor", "protected", "contact", "protect"), [
    (COACH, False, "", ""),
    (COACH, True, "protected", ""),
    (Actor(2, "facilitator", OTHER), False, "organisation", "organisation"),
    (Actor(3, "facilitator", None), False, "no_organisation", "no_organisation"),
    (Actor(4, "caseworker", PROGRAMME), False, "role", "role"),
    (Actor(5, "admin", PROGRAMME), False, "role", "role"),
    (Actor(6, "candidate", None), False, "role", "role"),
])
def test_who_sees_a_leads_name_and_who_protects_it(actor, protected, contact, protect):
    facts = lead_facts(PROGRAMME, protected)
    assert decide(actor, Action.LEAD_CONTACT, facts).reason == contact
    assert decide(actor, Action.LEAD_PROTECT, facts).reason == protect


def test_lead_actions_are_never_offered_as_actions_about_a_person():
    facts = lead_facts(PROGRAMME, False)
    assert not ABOUT_LEAD & allowed_actions(COACH, facts)

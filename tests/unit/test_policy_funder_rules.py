"""The policy's rules for the funder categories: the SUS page for a coach of the programme,
the worksheet in full and its fields only under the SUS consent and without a protected
identity, and the indicator survey answered by the person alone."""

from __future__ import annotations

import pytest

from assessor.services.policy import Action, Actor, PersonFacts, decide

PROGRAMME = 10
CANDIDATE = Actor(1, "candidate")
COACH = Actor(2, "facilitator", PROGRAMME)
OTHER_COACH = Actor(3, "facilitator", 11)
CASEWORKER = Actor(4, "caseworker", 20)
ADMIN = Actor(6, "admin", PROGRAMME)
TOVE = PersonFacts(id=100, user_id=CANDIDATE.id, organisation_id=PROGRAMME, sus_consent=True)
NO_YES = PersonFacts(id=100, user_id=CANDIDATE.id, organisation_id=PROGRAMME)
PROTECTED = PersonFacts(id=100, user_id=CANDIDATE.id, organisation_id=PROGRAMME,
                        sus_consent=True, protected=True)


@pytest.mark.parametrize(("actor", "action", "person", "reason"), [
    (COACH, Action.SUS_VIEW, NO_YES, ""),
    (OTHER_COACH, Action.SUS_VIEW, TOVE, "organisation"),
    (CASEWORKER, Action.SUS_VIEW, TOVE, "role"),
    (ADMIN, Action.SUS_VIEW, TOVE, "role"),
    (CANDIDATE, Action.SUS_VIEW, TOVE, "role"),
    (COACH, Action.SUS_WORKSHEET, TOVE, ""),
    (COACH, Action.SUS_WORKSHEET, NO_YES, "no_sus_consent"),
    (COACH, Action.SUS_WORKSHEET, PROTECTED, "protected"),
    (COACH, Action.SUS_RECORD, TOVE, ""),
    (COACH, Action.SUS_RECORD, NO_YES, "no_sus_consent"),
    (COACH, Action.SUS_RECORD, PROTECTED, "protected"),
    (OTHER_COACH, Action.SUS_RECORD, TOVE, "organisation"),
    (CANDIDATE, Action.INDICATORS_ANSWER, NO_YES, ""),
    (Actor(9, "candidate"), Action.INDICATORS_ANSWER, NO_YES, "not_own"),
    (COACH, Action.INDICATORS_ANSWER, TOVE, "role"),
    (ADMIN, Action.INDICATORS_ANSWER, TOVE, "role"),
])
def test_funder_decisions_name_their_reason(actor, action, person, reason):
    decision = decide(actor, action, person)
    assert (decision.allowed, decision.reason) == (reason == "", reason)


def test_a_restricted_person_has_no_sus_page_nor_survey():
    restricted = PersonFacts(id=100, user_id=CANDIDATE.id, organisation_id=PROGRAMME,
                             sus_consent=True, restricted=True)
    assert decide(COACH, Action.SUS_VIEW, restricted).reason == "restricted"
    assert decide(CANDIDATE, Action.INDICATORS_ANSWER, restricted).reason == "restricted"

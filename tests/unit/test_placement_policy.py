"""The policy's rules for placements and statistics, from facts alone."""

from __future__ import annotations

import itertools

from assessor.services.policy import SYSTEM, Action, Actor, PersonFacts, decide
from assessor.services.policy.facts import programme_facts

PROGRAMME, OTHER = 10, 11
COACH = Actor(2, "facilitator", PROGRAMME)
OTHER_COACH = Actor(3, "facilitator", OTHER)
CASEWORKER = Actor(4, "caseworker", 20)
ADMIN = Actor(6, "admin", OTHER)
CANDIDATE = Actor(1, "candidate")


def people():
    for tests, counted, organisation in itertools.product((False, True), (False, True),
                                                          (None, PROGRAMME, OTHER)):
        yield PersonFacts(id=1, user_id=CANDIDATE.id, organisation_id=organisation,
                          tests_consent=tests, statistics_consent=counted)


def test_placements_are_the_programmes_case_work_and_need_no_yes_to_the_tests():
    for person, action in itertools.product(people(), (Action.PLACEMENT_VIEW,
                                                        Action.PLACEMENT_RECORD)):
        assert bool(decide(COACH, action, person)) == (person.organisation_id == PROGRAMME)
        for actor in (OTHER_COACH, CASEWORKER, ADMIN, CANDIDATE, SYSTEM):
            if actor is not OTHER_COACH or person.organisation_id != OTHER:
                assert not decide(actor, action, person), (actor, action, person)


def test_only_people_who_said_yes_to_statistics_are_counted():
    for person in people():
        for actor in (ADMIN, SYSTEM):
            assert bool(decide(actor, Action.STATISTICS_COUNT, person)) == \
                person.statistics_consent
        assert bool(decide(COACH, Action.STATISTICS_COUNT, person)) == (
            person.statistics_consent and person.organisation_id == PROGRAMME)
        assert not decide(CASEWORKER, Action.STATISTICS_COUNT, person)
        assert not decide(CANDIDATE, Action.STATISTICS_COUNT, person)


def test_a_coach_reads_the_statistics_of_the_programme_and_an_admin_of_any_or_all():
    assert decide(COACH, Action.STATISTICS, programme_facts(PROGRAMME))
    assert decide(COACH, Action.STATISTICS, programme_facts(OTHER)).reason == "organisation"
    assert not decide(COACH, Action.STATISTICS, programme_facts(None))
    assert decide(ADMIN, Action.STATISTICS, programme_facts(PROGRAMME))
    assert decide(ADMIN, Action.STATISTICS, programme_facts(None))
    assert decide(SYSTEM, Action.STATISTICS, programme_facts(None))
    assert not decide(CASEWORKER, Action.STATISTICS, programme_facts(20))

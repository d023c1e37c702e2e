"""The access policy's rules, decided from facts alone (no database, no web)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from assessor.services.policy import SYSTEM, Action, Actor, PersonFacts, decide, policy_table, rules
from assessor.services.policy.actions import WITHOUT_PERSON
from assessor.services.policy.facts import REASONS
from assessor.services.policy.rules import roles_that_may

PROGRAMME, OTHER_PROGRAMME, AGENCY = 10, 11, 20
CANDIDATE = Actor(1, "candidate")
COACH = Actor(2, "facilitator", PROGRAMME)
OTHER_COACH = Actor(3, "facilitator", OTHER_PROGRAMME)
CASEWORKER = Actor(4, "caseworker", AGENCY)
LONE_CASEWORKER = Actor(5, "caseworker", None)
ADMIN = Actor(6, "admin", PROGRAMME)

#: Tove: a candidate with a login in the programme, yes to the tests, shares with the agency
TOVE = PersonFacts(id=100, user_id=CANDIDATE.id, organisation_id=PROGRAMME, created_by_id=1,
                   tests_consent=True, shared_with=frozenset({AGENCY}), questionnaire="open")
#: Robin: no login, added by the caseworker, yes to the tests written down by them
ROBIN = PersonFacts(id=101, user_id=None, organisation_id=None, created_by_id=CASEWORKER.id,
                    tests_consent=True)


def without(facts: PersonFacts, **changes) -> PersonFacts:
    return PersonFacts(**{**facts.__dict__, **changes})


@pytest.mark.parametrize(("actor", "action", "person", "reason"), [
    (CANDIDATE, Action.REPORT_VIEW, TOVE, ""),
    (CANDIDATE, Action.SUBMIT, without(TOVE, tests_consent=False), "no_tests_consent"),
    (Actor(9, "candidate"), Action.REPORT_VIEW, TOVE, "not_own"),
    (COACH, Action.PERSON_PAGE, TOVE, ""),
    (COACH, Action.PERSON_PAGE, without(TOVE, tests_consent=False), "no_tests_consent"),
    (OTHER_COACH, Action.REPORT_VIEW, TOVE, "organisation"),
    (Actor(7, "facilitator"), Action.PEOPLE_LIST, TOVE, "no_organisation"),
    (COACH, Action.QUESTIONNAIRE_FILL, without(TOVE, questionnaire="finished"), "finished"),
    (COACH, Action.SUBMIT, TOVE, "role"),
    (CASEWORKER, Action.REPORT_PDF, TOVE, ""),
    (CASEWORKER, Action.REPORT_VIEW, without(TOVE, shared_with=frozenset()), "not_shared"),
    (LONE_CASEWORKER, Action.REPORT_VIEW, TOVE, "no_organisation"),
    (CASEWORKER, Action.QUESTIONNAIRE_VIEW, TOVE, "not_added"),
    (CASEWORKER, Action.QUESTIONNAIRE_FILL, ROBIN, ""),
    (CASEWORKER, Action.QUESTIONNAIRE_FILL, without(ROBIN, questionnaire="finished"),
     "finished"),
    (LONE_CASEWORKER, Action.PEOPLE_LIST, TOVE, "no_organisation"),
    (ADMIN, Action.PEOPLE_LIST, TOVE, ""),
    (ADMIN, Action.REPORT_VIEW, TOVE, "role"),
    (ADMIN, Action.QUESTIONNAIRE_VIEW, TOVE, "role"),
    (SYSTEM, Action.USE_RESULTS, TOVE, ""),
    (SYSTEM, Action.USE_RESULTS, without(TOVE, tests_consent=False), "no_tests_consent"),
])
def test_decisions_name_their_reason(actor, action, person, reason):
    decision = decide(actor, action, person)
    assert (decision.allowed, decision.reason) == (reason == "", reason)


def every_person():
    """People in every combination of the facts the rules look at."""
    for user, organisation, creator, tests, shared, state in itertools.product(
            (None, CANDIDATE.id), (None, PROGRAMME, OTHER_PROGRAMME), (None, CASEWORKER.id),
            (False, True), (frozenset(), frozenset({AGENCY})), ("none", "open", "finished")):
        yield PersonFacts(id=1, user_id=user, organisation_id=organisation,
                          created_by_id=creator, tests_consent=tests, shared_with=shared,
                          questionnaire=state)


def test_a_caseworker_never_changes_a_candidates_evidence():
    for person, caseworker in itertools.product(every_person(), (CASEWORKER, LONE_CASEWORKER)):
        for action in (Action.QUESTIONNAIRE_FILL, Action.SUBMIT, Action.FOLLOW_UP_RECORD):
            if person.user_id is not None or action != Action.QUESTIONNAIRE_FILL:
                assert not decide(caseworker, action, person), (action, person)


def test_nobody_changes_a_finished_questionnaire():
    for person in every_person():
        if person.questionnaire == "finished":
            for actor in (CANDIDATE, COACH, CASEWORKER, ADMIN, SYSTEM):
                assert not decide(actor, Action.QUESTIONNAIRE_FILL, person)


def test_a_coach_never_reaches_anyone_outside_the_programme_or_reads_through_a_share():
    coach_in_agency = Actor(8, "facilitator", AGENCY)
    for person, action in itertools.product(every_person(), Action):
        if action in WITHOUT_PERSON:
            continue
        if person.organisation_id != PROGRAMME:
            assert not decide(COACH, action, person), (action, person)
        if person.organisation_id != AGENCY:
            assert not decide(coach_in_agency, action, person), (action, person)


def test_without_a_yes_to_the_tests_no_one_reaches_assessment_data_but_the_person():
    assessment = (Action.PERSON_PAGE, Action.QUESTIONNAIRE_VIEW, Action.QUESTIONNAIRE_FILL,
                  Action.SUBMISSIONS_VIEW, Action.SUBMIT, Action.USE_RESULTS,
                  Action.FOLLOW_UP_VIEW, Action.FOLLOW_UP_RECORD, Action.SUBMISSIONS_FULL)
    for person in every_person():
        if not person.tests_consent:
            for actor, action in itertools.product((COACH, CASEWORKER, ADMIN, SYSTEM),
                                                   assessment):
                assert not decide(actor, action, person), (actor, action, person)


def test_a_caseworker_without_an_organisation_reads_nothing_shared():
    for person in every_person():
        if person.created_by_id != LONE_CASEWORKER.id:
            for action in Action:
                if action not in WITHOUT_PERSON:
                    assert not decide(LONE_CASEWORKER, action, person), (action, person)


def test_an_admin_reads_the_register_the_log_and_hand_ins_but_no_other_assessment_data():
    allowed = {action for action in Action if action not in WITHOUT_PERSON
               and decide(ADMIN, action, TOVE)}
    assert allowed == {Action.PEOPLE_LIST, Action.ACCESS_LOG, Action.CONTACT_VIEW,
                       Action.PROTECT, Action.RIGHTS_REQUEST, Action.RIGHTS_HANDLE,
                       Action.SUBMISSIONS_FULL, Action.CONSENT_STATE, Action.PEOPLE_EXPORT,
                       Action.ACCOUNT_INVITE, Action.ACCOUNT_RESET,
                       # about the programme (Tove's is the admin's): its eligibility criteria
                       Action.ELIGIBILITY_CRITERIA,
                       Action.POOLS,  # its funding areas and their places (no person)
                       Action.STATISTICS}  # masked counts of the programme, no person


def test_staff_see_hand_ins_in_full_only_under_a_yes_to_the_tests():
    for person in every_person():
        for actor in (COACH, ADMIN):
            decision = decide(actor, Action.SUBMISSIONS_FULL, person)
            expected = person.tests_consent and (
                actor is ADMIN or person.organisation_id == PROGRAMME)
            assert decision.allowed == expected, (actor, person)
        for actor in (CANDIDATE, CASEWORKER, LONE_CASEWORKER, SYSTEM):
            assert not decide(actor, Action.SUBMISSIONS_FULL, person)


def test_every_staff_role_may_preview_tasks_and_a_candidate_may_not():
    assert roles_that_may(Action.TASK_PREVIEW) == {"facilitator", "caseworker", "admin"}
    assert not decide(CANDIDATE, Action.TASK_PREVIEW)


def test_who_may_export_a_row_is_who_may_list_the_person():
    for person, actor in itertools.product(every_person(), (
            COACH, OTHER_COACH, CASEWORKER, LONE_CASEWORKER, ADMIN, CANDIDATE)):
        assert (decide(actor, Action.PEOPLE_EXPORT, person).allowed
                == decide(actor, Action.PEOPLE_LIST, person).allowed), (actor, person)


def test_a_coach_invites_and_resets_only_the_people_of_the_programme():
    for person in every_person():
        for action in (Action.ACCOUNT_INVITE, Action.ACCOUNT_RESET):
            in_programme = person.organisation_id == PROGRAMME
            assert bool(decide(COACH, action, person)) == in_programme, (action, person)
            assert not decide(CASEWORKER, action, person)
            assert not decide(CANDIDATE, action, person)


def test_only_an_admin_and_the_command_line_manage_accounts_and_item_banks():
    for action in (Action.ACCOUNTS, Action.ITEM_BANKS):
        assert decide(ADMIN, action) and decide(SYSTEM, action)
        for actor in (CANDIDATE, COACH, CASEWORKER, LONE_CASEWORKER):
            assert decide(actor, action).reason == "role", (actor, action)


def test_actions_about_a_person_need_one_and_the_others_take_none():
    with pytest.raises(ValueError, match="needs a person"):
        decide(COACH, Action.REPORT_VIEW)
    with pytest.raises(ValueError, match="takes no person"):
        decide(ADMIN, Action.ACCOUNTS, TOVE)
    assert decide(ADMIN, Action.ACCOUNTS) and not decide(COACH, Action.ACCOUNTS)


def test_the_roles_a_web_area_lets_in_come_from_the_table():
    assert roles_that_may(Action.REPORT_VIEW) == {"candidate", "facilitator", "caseworker"}
    assert roles_that_may(Action.SUBMIT) == {"candidate"}
    assert roles_that_may(Action.USE_RESULTS) == frozenset()  # the system is no account


def test_every_action_has_a_row_and_every_reason_is_known():
    assert set(rules.RULES) == set(Action)
    for person, action, actor in itertools.product(
            every_person(), set(Action) - WITHOUT_PERSON,
            (CANDIDATE, COACH, OTHER_COACH, CASEWORKER, LONE_CASEWORKER, ADMIN, SYSTEM)):
        assert decide(actor, action, person).reason in ("", *REASONS)


def test_the_module_docstring_and_the_readme_show_the_table_as_it_is():
    table = policy_table()
    assert table in rules.__doc__
    readme = Path(__file__).resolve().parents[2] / "README.md"
    assert table in readme.read_text(encoding="utf-8")


@pytest.mark.parametrize(("actor", "action", "person", "reason"), [
    (COACH, Action.CONTACT_VIEW, TOVE, ""),
    (COACH, Action.CONTACT_VIEW, without(TOVE, protected=True), "protected"),
    (CASEWORKER, Action.CONTACT_VIEW, without(TOVE, protected=True), "protected"),
    (ADMIN, Action.CONTACT_VIEW, without(TOVE, protected=True), "protected"),
    (CANDIDATE, Action.CONTACT_VIEW, without(TOVE, protected=True), ""),
    (OTHER_COACH, Action.CONTACT_VIEW, TOVE, "organisation"),
    (COACH, Action.PROTECT, TOVE, ""),
    (ADMIN, Action.PROTECT, TOVE, ""),
    (Actor(8, "admin", OTHER_PROGRAMME), Action.PROTECT, TOVE, "organisation"),
    (OTHER_COACH, Action.PROTECT, TOVE, "organisation"),
    (CASEWORKER, Action.PROTECT, ROBIN, "role"),
    (CANDIDATE, Action.RIGHTS_REQUEST, TOVE, ""),
    (CASEWORKER, Action.RIGHTS_REQUEST, ROBIN, ""),
    (CASEWORKER, Action.RIGHTS_REQUEST, TOVE, "not_added"),
    (COACH, Action.RIGHTS_HANDLE, TOVE, "role"),
    (ADMIN, Action.RIGHTS_HANDLE, TOVE, ""),
])
def test_protected_identity_and_rights_decisions(actor, action, person, reason):
    decision = decide(actor, action, person)
    assert (decision.allowed, decision.reason) == (reason == "", reason)


def test_a_restricted_person_is_reached_by_nobody_but_admins_and_their_own_rights():
    restricted = without(TOVE, restricted=True)
    for actor, action in itertools.product((CANDIDATE, COACH, CASEWORKER, SYSTEM),
                                           set(Action) - WITHOUT_PERSON):
        decision = decide(actor, action, restricted)
        if actor is CANDIDATE and action in rules.WHILE_RESTRICTED["candidate"]:
            assert decision, action
        else:
            assert (decision.allowed, decision.reason) == (False, "restricted"), (actor, action)
    assert decide(ADMIN, Action.PEOPLE_LIST, restricted)
    assert decide(ADMIN, Action.RIGHTS_HANDLE, restricted)
    assert not decide(ADMIN, Action.REPORT_VIEW, restricted)  # the admin's own rules still hold

"""Erasure and restriction requests: due in a month, carried out by an admin, deleting what
may be deleted and restricting what archive rules keep."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from assessor.models import (
    AccessLog,
    Consent,
    Draft,
    FollowUp,
    LoginSession,
    Person,
    QuestionnaireResponse,
    Submission,
    User,
)
from assessor.services import policy
from assessor.services.rights import requests
from assessor.services.rights.requests import one_month_after


@pytest.mark.parametrize(("received", "due"), [
    (datetime(2026, 1, 15, 9, 30, tzinfo=UTC), datetime(2026, 2, 15, 9, 30, tzinfo=UTC)),
    (datetime(2026, 1, 31, 9, 30, tzinfo=UTC), datetime(2026, 2, 28, 9, 30, tzinfo=UTC)),
    (datetime(2028, 1, 31, tzinfo=UTC), datetime(2028, 2, 29, tzinfo=UTC)),
    (datetime(2026, 12, 31, tzinfo=UTC), datetime(2027, 1, 31, tzinfo=UTC)),
])
def test_a_request_is_due_one_calendar_month_after_it_was_received(received, due):
    assert one_month_after(received) == due


def count(db_session, model, **where) -> int:
    db_session.expire_all()
    query = sa.select(sa.func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return db_session.scalar(query)


def test_the_person_asks_and_the_request_is_due_in_a_month_and_logged(db_session, world):
    tove = world.tove
    request = requests.ask(db_session, world.users["candidate self"], tove, "erasure")
    db_session.commit()
    assert request.due_at == one_month_after(request.received_at)
    assert requests.open_requests(db_session) == [request]
    again = requests.ask(db_session, world.users["candidate self"], tove, "erasure")
    assert again.id == request.id  # one open request per kind
    assert count(db_session, AccessLog, person_id=tove.id, what="rights.request") == 1


def test_a_coach_of_another_programme_cannot_ask_on_the_persons_behalf(db_session, world):
    with pytest.raises(policy.AccessDeniedError):
        requests.ask(db_session, world.users["coach other org"], world.tove, "erasure")
    with pytest.raises(ValueError):
        requests.ask(db_session, world.users["coach same org"], world.tove, "everything")


def test_an_erasure_deletes_everything_when_no_archived_record_remains(db_session, world):
    tove, user_id = world.tove, world.users["candidate self"].id
    db_session.delete(db_session.get(FollowUp, world.follow_up.id))
    db_session.add_all([Draft(person_id=tove.id, challenge_id="p1-summa-medel", files={}),
                        LoginSession(user_id=user_id, token_hash="a" * 64,
                                     expires_at=datetime(2030, 1, 1, tzinfo=UTC))])
    request = requests.ask(db_session, world.users["coach same org"], tove, "erasure")
    db_session.commit()
    outcome = requests.carry_out(db_session, world.users["admin"], request)
    db_session.commit()
    assert outcome == "erased"
    assert db_session.get(Person, tove.id) is None and db_session.get(User, user_id) is None
    for model in (Draft, Submission, QuestionnaireResponse, Consent):
        assert count(db_session, model, person_id=tove.id) == 0, model
    assert count(db_session, LoginSession, user_id=user_id) == 0
    request = db_session.get(type(request), request.id)
    assert (request.outcome, request.public_id) == ("erased", tove.public_id)
    assert request.done_at is not None and requests.open_requests(db_session) == []
    # the log keeps the erasure (ids only): who carried it out, and which code name
    assert db_session.scalar(sa.select(AccessLog).where(AccessLog.what == "erasure")).reason \
        .startswith(tove.public_id)


def test_archived_follow_ups_keep_the_person_restricted_and_nobody_reaches_them(db_session,
                                                                                world):
    tove, user_id = world.tove, world.users["candidate self"].id
    request = requests.ask(db_session, world.users["candidate self"], tove, "erasure")
    db_session.commit()
    assert requests.carry_out(db_session, world.users["admin"], request) == "restricted"
    db_session.commit()
    db_session.expire_all()
    kept = db_session.get(Person, tove.id)
    assert kept.restricted_at is not None and kept.user_id is None
    assert db_session.get(User, user_id) is None
    assert count(db_session, FollowUp, person_id=tove.id) == 1
    assert count(db_session, Submission, person_id=tove.id) == 0
    assert count(db_session, QuestionnaireResponse, person_id=tove.id) == 0
    for case in ("coach same org", "caseworker with consent"):
        for action in (policy.Action.PEOPLE_LIST, policy.Action.REPORT_VIEW,
                       policy.Action.FOLLOW_UP_VIEW):
            decision = policy.check(db_session, world.users[case], action, kept)
            assert (decision.allowed, decision.reason) == (False, "restricted")
    assert not policy.check(db_session, policy.SYSTEM, policy.Action.USE_RESULTS, kept)
    assert policy.check(db_session, world.users["admin"], policy.Action.PEOPLE_LIST, kept)


def test_a_restriction_keeps_everything_and_stops_all_use(db_session, world):
    tove = world.tove
    request = requests.ask(db_session, world.users["candidate self"], tove, "restriction")
    db_session.commit()
    assert requests.carry_out(db_session, world.users["admin"], request) == "restricted"
    db_session.commit()
    assert count(db_session, Submission, person_id=tove.id) == 1
    listed = policy.listed(db_session, world.users["coach same org"])
    assert tove.id not in {entry.person.id for entry in listed}
    own = policy.check(db_session, world.users["candidate self"], policy.Action.EXPORT, tove)
    assert own.allowed  # the person keeps the right of access
    with pytest.raises(ValueError):
        requests.carry_out(db_session, world.users["admin"], request)  # done once


def test_only_an_admin_carries_out_a_request(db_session, world):
    request = requests.ask(db_session, world.users["candidate self"], world.tove, "erasure")
    db_session.commit()
    with pytest.raises(policy.AccessDeniedError):
        requests.carry_out(db_session, world.users["coach same org"], request)
    assert db_session.get(Person, world.tove.id) is not None

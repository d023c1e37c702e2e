"""Verification status and evidence, and recording a supervised follow-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assessor.infra.db import Database
from assessor.models import Consent, Organisation, Person, User
from assessor.models.base import Base
from assessor.services.verification import (
    FollowUpError,
    book_follow_up,
    follow_up_outcomes,
    latest_outcome,
    outcome_from_checklist,
    record_follow_up,
    strongest_evidence,
    verification_status,
)


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"attempted": False, "home_rank": None, "supervised_rank": None, "follow_ups": []},
     "not_done"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": None, "follow_ups": []},
     "not_verified"),
    ({"attempted": True, "home_rank": 3, "supervised_rank": 2, "follow_ups": []}, "verified"),
    ({"attempted": True, "home_rank": 4, "supervised_rank": 1, "follow_ups": []},
     "discrepancy"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": None,
      "follow_ups": ["confirmed"]}, "verified"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": None,
      "follow_ups": ["partly"]}, "not_verified"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": 2,
      "follow_ups": ["not_confirmed"]}, "discrepancy"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": None,
      "follow_ups": ["not_confirmed", "confirmed"]}, "verified"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": None,
      "follow_ups": ["confirmed", "not_confirmed"]}, "discrepancy"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": None,
      "follow_ups": ["not_confirmed", "partly"]}, "not_verified"),
    ({"attempted": True, "home_rank": 2, "supervised_rank": None,
      "follow_ups": ["confirmed", "partly"]}, "not_verified"),
    ({"attempted": True, "home_rank": 3, "supervised_rank": 2,
      "follow_ups": ["partly"]}, "verified"),
    ({"attempted": True, "home_rank": 4, "supervised_rank": 1,
      "follow_ups": ["partly"]}, "discrepancy"),
])
def test_verification_status_follows_the_evidence(kwargs, status):
    assert verification_status(**kwargs) == status


@pytest.mark.parametrize(("home", "supervised", "follow_ups", "status"), [
    ((5, False), (2, True), [], "not_verified"),  # supervised has not reached home's level yet
    ((5, False), (2, True), ["confirmed"], "verified"),
    ((5, False), (2, False), [], "discrepancy"),  # supervised tried higher and fell short
    ((2, True), (5, False), [], "verified"),  # home is a lower bound that supervised exceeds
    ((2, False), (5, False), [], "discrepancy"),
    ((5, True), (2, False), [], "discrepancy"),
    ((1, True), (0, True), [], "discrepancy"),  # nothing solved under supervision
    ((0, False), (0, False), [], "verified"),
])
def test_an_at_least_level_below_the_other_is_no_contradiction(home, supervised, follow_ups,
                                                                status):
    assert verification_status(attempted=True, home_rank=home[0], home_at_least=home[1],
                               supervised_rank=supervised[0],
                               supervised_at_least=supervised[1],
                               follow_ups=follow_ups) == status


def test_only_the_latest_follow_up_counts():
    assert latest_outcome([]) is None
    assert latest_outcome(["not_confirmed", "confirmed"]) == "confirmed"


def test_a_confirmed_follow_up_raises_home_evidence_to_supervised():
    assert strongest_evidence(["unsupervised"], []) == "unsupervised"
    assert strongest_evidence(["unsupervised"], ["confirmed"]) == "supervised"
    assert strongest_evidence(["unsupervised"], ["not_confirmed", "confirmed"]) == "supervised"


def test_a_partly_confirmed_follow_up_is_supervised_evidence_but_no_confirmation():
    assert strongest_evidence(["unsupervised"], ["partly"]) == "supervised"
    assert verification_status(attempted=True, home_rank=2, supervised_rank=None,
                               follow_ups=["partly"]) == "not_verified"


def test_a_follow_up_that_did_not_confirm_adds_no_supervised_evidence():
    assert strongest_evidence(["unsupervised"], ["confirmed", "not_confirmed"]) == "unsupervised"
    assert strongest_evidence(["work_sample", "unsupervised"], []) == "work_sample"
    assert strongest_evidence([], []) is None


def test_the_checklist_decides_the_outcome():
    every = {"explained_code": True, "changed_code": True, "fixed_failing_input": True,
             "answered_questions": True}
    assert outcome_from_checklist(every) == "confirmed"
    assert outcome_from_checklist(every | {"changed_code": False, "explained_code": False}) \
        == "partly"
    assert outcome_from_checklist({"explained_code": True}) == "not_confirmed"


def test_booking_and_recording_a_follow_up(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    Base.metadata.create_all(database.engine)
    session = database.session()
    programme = Organisation(name="Programmet")
    session.add(programme)
    session.flush()
    coach = User(email="c@x.se", name="C", password_hash="x", role="facilitator",
                 organisation_id=programme.id)
    person = Person(name="P", organisation_id=programme.id)
    session.add_all([coach, person])
    session.flush()
    session.add(Consent(person_id=person.id, purpose="assessment"))
    follow_up = book_follow_up(session, person, "programmering", coach,
                               datetime(2025, 12, 1, 17, 0, tzinfo=UTC))
    with pytest.raises(FollowUpError):
        record_follow_up(session, follow_up, {"danced": True}, by=coach)
    later = book_follow_up(session, person, "webb", coach,
                           datetime.now(UTC) + timedelta(hours=1))
    with pytest.raises(FollowUpError, match="not_yet"):
        record_follow_up(session, later, {"explained_code": True}, by=coach)
    assert later.outcome is None and later.held_at is None
    record_follow_up(session, follow_up, {"explained_code": True, "changed_code": True,
                                          "fixed_failing_input": True,
                                          "answered_questions": True}, notes=" bra ", by=coach)
    session.commit()
    assert follow_up_outcomes(session, person, "programmering") == ["confirmed"]
    assert follow_up.notes == "bra" and follow_up.held_at is not None
    with pytest.raises(FollowUpError):
        book_follow_up(session, person, "matematik", coach, datetime.now(UTC))
    database.dispose()


def test_only_a_coach_of_the_persons_programme_books_or_records_a_follow_up(tmp_path):
    from assessor.services.policy import AccessDeniedError

    database = Database(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    Base.metadata.create_all(database.engine)
    session = database.session()
    ours, theirs = Organisation(name="Vårt program"), Organisation(name="Deras program")
    session.add_all([ours, theirs])
    session.flush()
    coach = User(email="c@x.se", name="C", password_hash="x", role="facilitator",
                 organisation_id=ours.id)
    stranger = User(email="s@x.se", name="S", password_hash="x", role="facilitator",
                    organisation_id=theirs.id)
    person = Person(name="P", organisation_id=ours.id)
    session.add_all([coach, stranger, person])
    session.flush()
    session.add(Consent(person_id=person.id, purpose="assessment"))
    follow_up = book_follow_up(session, person, "programmering", coach,
                               datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(AccessDeniedError, match="organisation"):
        book_follow_up(session, person, "webb", stranger, datetime.now(UTC))
    with pytest.raises(AccessDeniedError, match="organisation"):
        record_follow_up(session, follow_up, {"explained_code": True}, by=stranger)
    assert follow_up.outcome is None and follow_up.held_at is None
    database.dispose()

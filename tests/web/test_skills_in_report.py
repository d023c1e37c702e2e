"""Graded attempts become a level per area, with evidence and verification, in the report."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from assessor.models import FollowUp, Person, Submission
from assessor.services.item_banks import current_bank
from assessor.services.skills import all_areas
from tests.app_settings import catalogue


def programming_challenges():
    """Programming tasks scored in bands (the right/wrong code-reading quiz left out)."""
    return [c for c in catalogue.bank() if c.area.value == "programmering"
            and c.grader != "choice"]


def add_attempts(db_session, person, score: float, evidence: str = "unsupervised", count=4):
    for challenge in programming_challenges()[:count]:
        db_session.add(Submission(person_id=person.id, challenge_id=challenge.id, kind="attempt",
                                  status="graded", gradable=True, score=score,
                                  evidence=evidence, files={"x": "y"}))
    db_session.commit()


def candidate(db_session, make_user) -> Person:
    user = make_user()
    return db_session.scalar(sa.select(Person).where(Person.user_id == user.id))


def test_full_marks_at_home_give_a_level_that_is_not_verified_yet(db_session, make_user):
    person = candidate(db_session, make_user)
    add_attempts(db_session, person, 1.0)
    result = all_areas(db_session, person, catalogue=catalogue)["programmering"].result
    assert result.level and result.level.startswith("Programmering")
    assert result.confidence_percent is not None and 0 < result.confidence_percent <= 100
    assert (result.status, result.evidence, result.tasks) == ("not_verified", "unsupervised", 4)
    assert len(result.strengths) == 4
    assert all_areas(db_session, person, catalogue=catalogue)["databas"].result.status == "not_done"


def test_more_right_answers_never_give_a_lower_level(db_session, make_user):
    weak, strong = candidate(db_session, make_user), candidate(db_session, make_user)
    add_attempts(db_session, weak, 0.3)
    add_attempts(db_session, strong, 1.0)
    strong_area = all_areas(db_session, strong, catalogue=catalogue)["programmering"]
    weak_area = all_areas(db_session, weak, catalogue=catalogue)["programmering"]
    assert strong_area.result.level_rank >= weak_area.result.level_rank


def test_a_confirmed_follow_up_verifies_the_area(db_session, make_user):
    person = candidate(db_session, make_user)
    add_attempts(db_session, person, 1.0)
    db_session.add(FollowUp(person_id=person.id, area="programmering", checklist={},
                            booked_for=datetime.now(UTC), outcome="confirmed",
                            held_at=datetime.now(UTC)))
    db_session.commit()
    result = all_areas(db_session, person, catalogue=catalogue)["programmering"].result
    assert (result.status, result.evidence) == ("verified", "supervised")


def held(db_session, person, *outcomes: str, area: str = "programmering") -> None:
    """Follow-ups held one after the other, in this order."""
    for hours, outcome in enumerate(outcomes):
        when = datetime(2026, 3, 1, 17, tzinfo=UTC) + timedelta(hours=hours)
        db_session.add(FollowUp(person_id=person.id, area=area, checklist={}, booked_for=when,
                                outcome=outcome, held_at=when))
    db_session.commit()


@pytest.mark.parametrize(("outcomes", "status", "evidence"), [
    (("not_confirmed", "confirmed"), "verified", "supervised"),  # a later one clears it
    (("confirmed", "not_confirmed"), "discrepancy", "unsupervised"),  # and the other way round
    (("partly",), "not_verified", "supervised"),  # supervised, but it does not verify
])
def test_the_latest_held_follow_up_decides(db_session, make_user, outcomes, status, evidence):
    person = candidate(db_session, make_user)
    add_attempts(db_session, person, 1.0)
    held(db_session, person, *outcomes)
    result = all_areas(db_session, person, catalogue=catalogue)["programmering"].result
    assert (result.status, result.evidence) == (status, evidence)


def test_supervised_results_far_below_home_results_are_a_discrepancy(db_session, make_user):
    person = candidate(db_session, make_user)
    add_attempts(db_session, person, 1.0, count=3)
    challenge = programming_challenges()[3]
    db_session.add(Submission(person_id=person.id, challenge_id=challenge.id, kind="attempt",
                              status="graded", gradable=True, score=0.0, evidence="supervised",
                              files={"x": "y"}))
    db_session.commit()
    result = all_areas(db_session, person, catalogue=catalogue)["programmering"].result
    assert result.status == "discrepancy" and result.evidence == "supervised"


def test_the_report_shows_the_level_confidence_and_bank_version(client, make_user, login,
                                                               db_session):
    user = make_user()
    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    add_attempts(db_session, person, 1.0)
    login(user)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    level = all_areas(db_session, person, catalogue=catalogue)["programmering"].result
    assert level.level in page and f"{level.confidence_percent}&nbsp;%" in page
    assert current_bank(db_session, catalogue=catalogue).version in page
    assert "uppgifter gjorda hemma" in page and "Inte bekräftat än" in page


def test_the_code_reading_challenge_counts_only_when_every_answer_is_right(db_session, make_user):
    thetas = {}
    for score in (0.0, 0.8, 1.0):
        person = candidate(db_session, make_user)
        db_session.add(Submission(person_id=person.id, challenge_id="p1-kodlasning",
                                  kind="attempt", status="graded", gradable=True, score=score,
                                  files={"answers.toml": ""}))
        db_session.commit()
        area = all_areas(db_session, person, catalogue=catalogue)["programmering"]
        thetas[score] = area.assessment.level.theta
    assert thetas[0.8] == thetas[0.0]
    assert thetas[1.0] > thetas[0.8]


def test_a_new_candidates_start_page_suggests_a_first_step_task_in_every_area(
        client, make_user, login):
    user = make_user()
    login(user)
    page = client.get("/kandidat/").get_data(as_text=True)
    suggested = re.findall(r'Förslag på nästa: <a href="/uppgifter/([^"]+)"', page)
    assert len(suggested) == 4
    assert all(catalogue.challenge(slug).level == "E" for slug in suggested), suggested

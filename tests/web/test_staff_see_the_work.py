"""Staff see the work: a coach (and an admin) read a person's hand-ins with the code and every
test's result, staff tests included; a follow-up links the hand-ins it is about; the candidate
sees her own code but never what a hidden test put in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from assessor.domain.grading.result import GradeResult, TestOutcome, Visibility
from assessor.models import AccessLog, Consent, FollowUp, Submission
from assessor.services.verification import FollowUpError, book_follow_up
from tests.web.access_world import CHALLENGE, build_world, log_entries, person_of
from tests.web.test_route_matrix import logged_in

CODE = "def medel(tal):\n    return sum(tal) / len(tal)  # min egen kod\n"
#: a task in another area than the world's follow-up (programmering)
WEB_TASK = "w1-semantisk-sida"


def graded(person_id: int, challenge_id: str = CHALLENGE, *, days_ago: float = 0,
           files: dict | None = None) -> Submission:
    """A graded hand-in with one example and one hidden (staff) test that failed."""
    result = GradeResult(challenge_id=challenge_id, seed=0, tests=(
        TestOutcome("exempel 1", 1, True, input="[1, 2, 3]", expected="2.0", got="2.0"),
        TestOutcome("tom lista", 2, False, visibility=Visibility.STAFF,
                    message="ZeroDivisionError", input="[] # hemlig indata",
                    expected="0.0", got="ZeroDivisionError", problem="crash")))
    return Submission(person_id=person_id, challenge_id=challenge_id, kind="attempt",
                      status="graded", gradable=True, score=result.score,
                      result=result.to_dict(), files=files or {"medel.py": CODE},
                      created_at=datetime.now(UTC) - timedelta(days=days_ago))


@pytest.fixture
def world(db_session):
    return build_world(db_session)


@pytest.fixture
def hand_in(world, db_session) -> Submission:
    submission = graded(world.tove.id)
    db_session.add(submission)
    db_session.commit()
    return submission


@pytest.mark.parametrize("actor", ["coach same org", "admin"])
def test_staff_see_the_code_and_every_tests_result_hidden_tests_included_and_it_is_logged(
        app, world, hand_in, db_session, actor):
    page = logged_in(app, world, actor).get(f"/inlamningar/{hand_in.id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "# min egen kod" in text  # the code as it was sent
    assert "tom lista" in text and "[] # hemlig indata" in text  # the hidden test in full
    assert "ZeroDivisionError" in text and "exempel 1" in text
    assert ("read", f"submissions.full #{hand_in.id}") in log_entries(db_session, world.tove)


def test_a_coach_of_another_programme_is_refused_and_the_refusal_is_logged(
        app, world, hand_in, db_session):
    page = logged_in(app, world, "coach other org").get(f"/inlamningar/{hand_in.id}")
    assert page.status_code == 403 and "# min egen kod" not in page.get_data(as_text=True)
    assert ("denied", f"submissions.full #{hand_in.id}") in log_entries(db_session, world.tove)


def test_without_the_yes_to_the_tests_nobody_on_the_staff_sees_the_hand_ins(
        app, world, hand_in, db_session):
    consent = db_session.scalar(sa.select(Consent).where(
        Consent.person_id == world.tove.id, Consent.purpose == "assessment"))
    consent.withdrawn_at = datetime.now(UTC)
    db_session.commit()
    for actor in ("coach same org", "admin"):
        client = logged_in(app, world, actor)
        assert client.get(f"/inlamningar/{hand_in.id}").status_code == 403
        assert client.get(f"/inlamningar/person/{world.tove.public_id}").status_code == 403


def test_the_person_page_lists_the_hand_ins_with_a_link_to_each(app, world, hand_in):
    client = logged_in(app, world, "coach same org")
    text = client.get(f"/handledare/person/{world.tove.public_id}").get_data(as_text=True)
    assert f"/inlamningar/{hand_in.id}" in text
    assert f"/inlamningar/person/{world.tove.public_id}" in text
    listing = client.get(f"/inlamningar/person/{world.tove.public_id}").get_data(as_text=True)
    assert f"/inlamningar/{hand_in.id}" in listing and f"/inlamningar/{world.submission.id}" \
        in listing


def test_the_candidate_sees_her_own_code_but_not_what_a_hidden_test_put_in(app, world,
                                                                          hand_in):
    text = logged_in(app, world, "candidate self").get(
        f"/uppgifter/inlamning/{hand_in.id}").get_data(as_text=True)
    assert "# min egen kod" in text
    assert "hemlig indata" not in text and "tom lista" not in text


def test_the_task_page_links_each_past_hand_in_where_its_code_is_shown(app, world, hand_in):
    client = logged_in(app, world, "candidate self")
    task = client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)
    assert f"/uppgifter/inlamning/{hand_in.id}" in task
    assert "print(1)" in client.get(
        f"/uppgifter/inlamning/{world.submission.id}").get_data(as_text=True)


def follow_up_page(app, world, follow_up: FollowUp) -> str:
    return logged_in(app, world, "coach same org").get(
        f"/handledare/uppfoljning/{follow_up.id}").get_data(as_text=True)


def test_a_follow_up_links_the_hand_ins_in_its_area_since_the_previous_one(
        app, world, db_session):
    tove = world.tove.id
    earlier = FollowUp(person_id=tove, area="programmering", checklist={}, outcome="partly",
                       booked_for=datetime.now(UTC) - timedelta(days=10),
                       held_at=datetime.now(UTC) - timedelta(days=10))
    before, since, other_area = (graded(tove, days_ago=12), graded(tove, days_ago=5),
                                 graded(tove, WEB_TASK, days_ago=4))
    db_session.add_all([earlier, before, since, other_area])
    db_session.commit()
    world.submission.created_at = datetime.now(UTC) - timedelta(days=20)
    db_session.commit()
    text = follow_up_page(app, world, world.follow_up)
    assert f"/inlamningar/{since.id}" in text
    for left_out in (before, other_area, world.submission):
        assert f"/inlamningar/{left_out.id}\"" not in text


def test_a_coach_chooses_the_hand_in_a_follow_up_is_about_and_the_page_links_it(
        app, world, db_session):
    newer = graded(world.tove.id)
    db_session.add(newer)
    db_session.commit()
    client = logged_in(app, world, "coach same org")
    response = client.post(f"/handledare/person/{world.tove.public_id}", data={
        "area": "programmering", "booked_for": "2026-03-02T17:00",
        "submission": str(world.submission.id)})
    assert response.status_code == 302
    booked = db_session.scalars(sa.select(FollowUp).where(FollowUp.id != world.follow_up.id)
                                ).one()
    assert booked.submission_id == world.submission.id
    text = follow_up_page(app, world, booked)
    assert f"/inlamningar/{world.submission.id}\"" in text
    assert f"/inlamningar/{newer.id}\"" not in text


def test_a_hand_in_from_another_area_is_not_booked_and_the_form_says_why(
        app, world, db_session):
    web = graded(world.tove.id, WEB_TASK)
    db_session.add(web)
    db_session.commit()
    page = logged_in(app, world, "coach same org").post(
        f"/handledare/person/{world.tove.public_id}",
        data={"area": "programmering", "booked_for": "2026-03-02T17:00",
              "submission": str(web.id)})
    assert page.status_code == 200 and "annat område" in page.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 1


def test_a_follow_up_cannot_be_tied_to_someone_elses_hand_in(world, db_session):
    stranger_work = graded(person_of(db_session, world.users["candidate other"]).id)
    db_session.add(stranger_work)
    db_session.commit()
    with pytest.raises(FollowUpError, match="unknown_submission"):
        book_follow_up(db_session, world.tove, "programmering", world.users["coach same org"],
                       datetime.now(UTC), submission_id=stranger_work.id)
    db_session.rollback()


def test_an_admin_reaches_the_hand_ins_from_the_people_list(app, world, hand_in, db_session):
    client = logged_in(app, world, "admin")
    text = client.get("/personer/").get_data(as_text=True)
    assert f"/inlamningar/person/{world.tove.public_id}" in text
    assert db_session.scalar(sa.select(sa.func.count()).select_from(AccessLog).where(
        AccessLog.person_id == world.tove.id, AccessLog.what == "people.list")) == 1

"""What a probe as a hostile staff member found, each closed (issue 12, "One access policy")."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, FollowUp, QuestionnaireResponse
from tests.conftest import TEST_PASSWORD
from tests.web.access_world import build_world, log_entries


@pytest.fixture
def world(db_session):
    return build_world(db_session)


@pytest.fixture
def client_as(app):
    """A test client of its own, logged in as ``user``."""

    def make(user):
        client = app.test_client()
        response = client.post("/konto/logga-in",
                               data={"email": user.email, "password": TEST_PASSWORD})
        assert response.status_code == 302
        return client

    return make


def outcomes(db_session, person) -> list[str | None]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(QuestionnaireResponse.outcome).where(
        QuestionnaireResponse.person_id == person.id).order_by(QuestionnaireResponse.id)))


def test_a_caseworker_cannot_restart_and_finish_a_candidates_questionnaire(
        world, client_as, db_session):
    tove = world.tove
    assert outcomes(db_session, tove) == ["programmer"]
    caseworker = client_as(world.users["caseworker with consent"])
    assert caseworker.post(f"/formular/{tove.public_id}",
                           data={"person_present": "no"}).status_code == 403
    assert caseworker.post(f"/formular/{tove.public_id}/klar").status_code == 403
    assert outcomes(db_session, tove) == ["programmer"]
    report = caseworker.get(f"/rapport/{tove.public_id}").get_data(as_text=True)
    assert "Troligen programmerare" in report


def test_a_caseworker_without_an_organisation_reads_no_shared_answers(world, client_as,
                                                                     db_session):
    tove = world.tove
    caseworker = client_as(world.users["caseworker without org"])
    assert caseworker.get(f"/formular/{tove.public_id}/klar").status_code == 403
    assert caseworker.get(f"/formular/{tove.public_id}").status_code == 403
    assert caseworker.get(f"/rapport/{tove.public_id}").status_code == 403
    assert "Tove" not in caseworker.get("/personer/").get_data(as_text=True)
    assert ("denied", "questionnaire.view") in log_entries(db_session, tove)


@pytest.mark.parametrize("path", ["/handledare/person/{code}", "/formular/{code}",
                                  "/formular/{code}/klar", "/formular/{code}/fraga/1",
                                  "/rapport/{code}", "/rapport/{code}.pdf"])
def test_a_coach_of_another_organisation_opens_nothing_about_the_person(
        world, client_as, db_session, path):
    tove = world.tove
    coach = client_as(world.users["coach other org"])
    response = coach.get(path.format(code=tove.public_id))
    assert response.status_code == 403
    assert "Tove" not in response.get_data(as_text=True)
    assert log_entries(db_session, tove)[-1][0] == "denied"


def test_a_coach_of_another_organisation_cannot_record_or_read_a_follow_up(
        world, client_as, db_session):
    coach = client_as(world.users["coach other org"])
    url = f"/handledare/uppfoljning/{world.follow_up.id}"
    assert coach.get(url).status_code == 403
    assert coach.post(url, data={"explained_code": "y", "notes": "Skrivet av fel person"}
                      ).status_code == 403
    db_session.expire_all()
    held = db_session.get(FollowUp, world.follow_up.id)
    assert held.outcome is None and held.notes == "" and held.held_at is None
    assert log_entries(db_session, world.tove)[-2:] == [
        ("denied", f"follow_up #{world.follow_up.id}"),
        ("denied", f"follow_up.record #{world.follow_up.id}")]


def test_a_coach_of_another_organisation_does_not_see_the_person_in_any_list(
        world, client_as):
    coach = client_as(world.users["coach other org"])
    assert "Tove" not in coach.get("/handledare/").get_data(as_text=True)
    assert "Tove" not in coach.get("/personer/").get_data(as_text=True)
    assert "Tove" in client_as(world.users["coach same org"]).get(
        "/handledare/").get_data(as_text=True)


def test_staff_reads_of_answers_person_pages_and_follow_ups_are_logged(
        world, client_as, db_session):
    tove, coach = world.tove, client_as(world.users["coach same org"])
    for path in (f"/handledare/person/{tove.public_id}", f"/formular/{tove.public_id}/klar",
                 f"/handledare/uppfoljning/{world.follow_up.id}"):
        assert coach.get(path).status_code == 200
    assert log_entries(db_session, tove) == [
        ("read", "person.page"), ("read", "questionnaire.view"),
        ("read", f"follow_up #{world.follow_up.id}")]
    coach_id = world.users["coach same org"].id
    assert set(db_session.scalars(sa.select(AccessLog.actor_id))) == {coach_id}


def test_a_staff_list_writes_one_entry_per_listed_person(world, client_as, db_session):
    client_as(world.users["coach same org"]).get("/personer/")
    assert log_entries(db_session, world.tove) == [("read", "people.list")]
    client_as(world.users["caseworker with consent"]).get("/handlaggare/")
    assert log_entries(db_session, world.tove)[-1] == ("read", "people.list")


def test_the_services_refuse_a_caseworker_whoever_calls_them(world, db_session):
    from assessor.domain.screening import load_questionnaire
    from assessor.services import questionnaire as service
    from assessor.services.policy import AccessDeniedError

    caseworker, tove = world.users["caseworker with consent"], world.tove
    with pytest.raises(AccessDeniedError, match="not_added"):
        service.start_or_continue(db_session, load_questionnaire(), tove, caseworker)
    response = service.current_response(db_session, tove)
    with pytest.raises(AccessDeniedError):
        service.finish(db_session, load_questionnaire(), response, caseworker)
    db_session.rollback()
    assert outcomes(db_session, tove) == ["programmer"]


def test_a_finished_questionnaire_is_not_started_over_by_anyone(world, client_as, db_session):
    tove = world.tove
    for who in ("candidate self", "coach same org"):
        client = client_as(world.users[who])
        assert client.post(f"/formular/{tove.public_id}",
                           data={"person_present": "yes"}).status_code == 403
        assert client.post(f"/formular/{tove.public_id}/klar").status_code == 403
    assert outcomes(db_session, tove) == ["programmer"]

"""Staff add people without a login and see only whom they may."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import Consent, Organisation, Person


def test_a_caseworker_adds_a_person_and_goes_on_to_the_questionnaire(
        client, make_user, login, db_session):
    caseworker = make_user(role="caseworker")
    login(caseworker)
    response = client.post("/personer/ny", data={"name": "  Sam Svensson ", "gender": "man"})
    person = db_session.scalar(sa.select(Person).where(Person.name == "Sam Svensson"))
    assert person.created_by_id == caseworker.id and person.user_id is None
    assert response.location.endswith(f"/formular/{person.public_id}")
    assert client.get(response.location).status_code == 200


def test_a_missing_name_is_explained_and_nothing_is_added(client, make_user, login, db_session):
    login(make_user(role="facilitator"))
    page = client.post("/personer/ny", data={"name": " "}).get_data(as_text=True)
    assert "Skriv personens namn" in page
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Person)) == 0


def test_caseworkers_see_only_their_own_people_and_those_who_share_with_them(
        client, make_user, login, db_session):
    agency = Organisation(name="LSS (test)")
    db_session.add(agency)
    db_session.commit()
    caseworker = make_user(role="caseworker", name="CW")
    caseworker.organisation_id = agency.id
    stranger = Person(name="Främling")
    sharer = Person(name="Delare")
    db_session.add_all([stranger, sharer])
    db_session.commit()
    db_session.add(Consent(person_id=sharer.id, purpose="share_report",
                           organisation_id=agency.id))
    db_session.commit()
    login(caseworker)
    page = client.get("/personer/").get_data(as_text=True)
    assert "Delare" in page and "Främling" not in page

"""Staff add people without a login and see only whom they may."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import Consent, Organisation, Person


def test_a_caseworker_adds_a_person_and_goes_on_to_the_questionnaire(
        client, make_user, login, db_session):
    caseworker = make_user(role="caseworker")
    login(caseworker)
    response = client.post("/personer/ny", data={"name": "  Sam Svensson ", "gender": "man",
                                                 "tests_consent": "y"})
    person = db_session.scalar(sa.select(Person).where(Person.name == "Sam Svensson"))
    assert person.created_by_id == caseworker.id and person.user_id is None
    assert person.organisation_id is None  # a caseworker adds nobody to a programme
    assert response.location.endswith(f"/formular/{person.public_id}")
    assert client.get(response.location).status_code == 200


def test_a_missing_name_or_yes_is_explained_and_nothing_is_added(client, programme_coach, login,
                                                                 db_session):
    login(programme_coach())
    page = client.post("/personer/ny", data={"name": " ", "tests_consent": "y"})
    assert "Skriv personens namn" in page.get_data(as_text=True)
    page = client.post("/personer/ny", data={"name": "Utan Ja"})
    assert "Fråga personen först" in page.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Person)) == 0


def test_a_person_a_coach_adds_is_in_the_coachs_programme_with_the_yes_the_coach_wrote_down(
        client, programme_coach, login, db_session):
    coach = programme_coach()
    login(coach)
    client.post("/personer/ny", data={"name": "Robin", "tests_consent": "y"})
    person = db_session.scalar(sa.select(Person).where(Person.name == "Robin"))
    assert person.organisation_id == coach.organisation_id
    consent = db_session.scalars(sa.select(Consent)).one()
    assert (consent.purpose, consent.recorded_by_id) == ("assessment", coach.id)
    assert "Robin" in client.get("/handledare/").get_data(as_text=True)
    other = programme_coach()
    client.post("/konto/logga-ut")
    login(other)
    assert "Robin" not in client.get("/handledare/").get_data(as_text=True)


def test_a_coach_without_an_organisation_adds_nobody(client, make_user, login, db_session):
    login(make_user(role="facilitator"))
    assert client.post("/personer/ny", data={"name": "Robin", "tests_consent": "y"}
                       ).status_code == 403
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

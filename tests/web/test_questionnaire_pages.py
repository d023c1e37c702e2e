"""The questionnaire in the browser's shoes: one question a page, saved as answered."""

from __future__ import annotations

import re

import sqlalchemy as sa

from assessor.domain.screening import load_questionnaire
from assessor.models import (
    AccessLog,
    Consent,
    Person,
    QuestionnaireResponse,
)

Q = load_questionnaire()


def person_of(db_session, user) -> Person:
    return db_session.scalar(sa.select(Person).where(Person.user_id == user.id))


def response_of(db_session, person) -> QuestionnaireResponse:
    db_session.expire_all()
    return db_session.scalars(sa.select(QuestionnaireResponse).where(
        QuestionnaireResponse.person_id == person.id)).one()


def test_a_candidate_answers_question_by_question_and_finishes(client, make_user, login,
                                                               db_session):
    user = make_user(tests_consent=True)
    login(user)
    person = person_of(db_session, user)
    start = client.get("/formular/", follow_redirects=True).get_data(as_text=True)
    assert "korta frågor" in start
    response = client.post(f"/formular/{person.public_id}")
    assert response.location.endswith(f"/formular/{person.public_id}/fraga/1")
    page = client.get(response.location).get_data(as_text=True)
    assert "Fråga 1 av" in page and Q.items[0].text["sv"] in page

    client.post(f"/formular/{person.public_id}/fraga/1", data={"answer": "weekly"})
    client.post(f"/formular/{person.public_id}/fraga/2", data={"answer": ["python", "sql"]})
    saved = response_of(db_session, person)
    assert saved.answers == {"sr_frequency": "weekly", "sr_languages": ["python", "sql"]}
    assert saved.filled_by_id == user.id and saved.person_present is None

    last = len(Q.items)
    done = client.post(f"/formular/{person.public_id}/fraga/{last}",
                       data={"answer": Q.items[-1].right_answer()})
    assert done.location.endswith(f"/formular/{person.public_id}/klar")
    client.post(f"/formular/{person.public_id}/klar")
    finished = response_of(db_session, person)
    assert finished.completed_at is not None and finished.outcome in (
        "programmer", "superuser", "unclear")


def test_going_back_and_saving_for_later_keep_the_answer(client, make_user, login, db_session):
    user = make_user(tests_consent=True)
    login(user)
    person = person_of(db_session, user)
    client.post(f"/formular/{person.public_id}")
    back = client.post(f"/formular/{person.public_id}/fraga/3",
                       data={"answer": ["program"], "action": "back"})
    assert back.location.endswith("/fraga/2")
    later = client.post(f"/formular/{person.public_id}/fraga/4",
                        data={"answer": ["self"], "action": "later"}, follow_redirects=True)
    assert "Dina svar är sparade" in later.get_data(as_text=True)
    assert response_of(db_session, person).answers == {"sr_built": ["program"],
                                                       "sr_learned": ["self"]}
    again = client.get(f"/formular/{person.public_id}/fraga/3").get_data(as_text=True)
    assert re.search(r'<input[^>]*\bchecked\b[^>]*value="program"', again)
    assert not re.search(r'<input[^>]*\bchecked\b[^>]*value="website"', again)


def test_a_forged_option_is_refused_and_nothing_is_saved(client, make_user, login, db_session):
    user = make_user(tests_consent=True)
    login(user)
    person = person_of(db_session, user)
    client.post(f"/formular/{person.public_id}")
    page = client.post(f"/formular/{person.public_id}/fraga/1", data={"answer": "hacker"})
    assert page.status_code == 200
    assert response_of(db_session, person).answers == {}


def test_a_candidate_cannot_open_someone_elses_questionnaire(client, make_user, login,
                                                             db_session):
    other = person_of(db_session, make_user())
    login(make_user())
    assert client.get(f"/formular/{other.public_id}").status_code == 403


def test_a_coach_fills_in_for_a_person_without_login_and_it_is_logged(
        client, programme_coach, login, db_session):
    person = Person(name="Utan Inloggning")
    db_session.add(person)
    db_session.commit()
    coach = programme_coach(person)
    login(coach)
    page = client.get(f"/formular/{person.public_id}").get_data(as_text=True)
    assert "Är personen med dig" in page
    client.post(f"/formular/{person.public_id}", data={"person_present": "no"})
    for number, item in enumerate(Q.items, 1):
        if item.part == "knowledge":
            client.post(f"/formular/{person.public_id}/fraga/{number}",
                        data={"answer": item.right_answer()})
    client.post(f"/formular/{person.public_id}/klar")
    response = response_of(db_session, person)
    assert response.person_present is False and response.filled_by_id == coach.id
    assert response.outcome == "programmer"
    result_page = client.get(f"/formular/{person.public_id}/klar").get_data(as_text=True)
    assert "Troligen programmerare" in result_page
    logged = db_session.scalars(sa.select(AccessLog).where(AccessLog.person_id == person.id)).all()
    assert {(entry.action, entry.what) for entry in logged} == {
        ("read", "questionnaire.view"), ("change", "questionnaire.fill")}
    assert {entry.actor_id for entry in logged} == {coach.id}


def test_every_sitting_records_who_filled_in_what_and_whether_the_person_was_there(
        client, make_user, programme_coach, login, db_session):
    user = make_user(name="Kim Kandidat", tests_consent=True)
    person = person_of(db_session, user)
    login(user)
    client.post(f"/formular/{person.public_id}")
    client.post(f"/formular/{person.public_id}/fraga/1", data={"answer": "weekly"})
    client.post("/konto/logga-ut")
    coach = programme_coach(person, name="Hanna Handledare")
    login(coach)
    client.post(f"/formular/{person.public_id}", data={"person_present": "no"})
    client.post(f"/formular/{person.public_id}/fraga/2", data={"answer": ["python"]})
    client.post(f"/formular/{person.public_id}/fraga/3", data={"answer": ["program"]})
    client.post(f"/formular/{person.public_id}", data={"person_present": "yes"})
    client.post(f"/formular/{person.public_id}/fraga/4", data={"answer": ["self"]})

    sittings = response_of(db_session, person).sittings
    assert [(s.filled_by_id, s.person_present, s.items) for s in sittings] == [
        (user.id, None, ["sr_frequency"]),
        (coach.id, False, ["sr_languages", "sr_built"]),
        (coach.id, True, ["sr_learned"])]
    page = client.get(f"/formular/{person.public_id}").get_data(as_text=True)
    assert "personen själv" in page and "utan att personen var med" in page
    assert "tillsammans med personen" in page and "Hanna Handledare" in page


def test_a_caseworker_may_not_fill_in_for_a_stranger(client, make_user, login, db_session):
    person = Person(name="Främling")
    db_session.add(person)
    db_session.commit()
    login(make_user(role="caseworker"))
    assert client.get(f"/formular/{person.public_id}").status_code == 403


def test_the_candidate_does_not_see_a_screening_verdict(client, make_user, login, db_session):
    user = make_user(tests_consent=True)
    login(user)
    person = person_of(db_session, user)
    client.post(f"/formular/{person.public_id}")
    client.post(f"/formular/{person.public_id}/klar")
    page = client.get(f"/formular/{person.public_id}/klar").get_data(as_text=True)
    assert "Resultat av screeningen" not in page and "Frågeformuläret är klart" in page


def test_a_candidate_says_yes_to_the_tests_before_the_first_answer_is_saved(
        client, make_user, login, db_session):
    user = make_user()
    login(user)
    person = person_of(db_session, user)
    page = client.get(f"/formular/{person.public_id}").get_data(as_text=True)
    assert "Först ditt ja" in page and "Prov och resultat" in page
    assert client.post(f"/formular/{person.public_id}").status_code == 403
    assert db_session.scalars(sa.select(QuestionnaireResponse)).all() == []
    started = client.post(f"/formular/{person.public_id}", data={"consent": "yes"})
    assert started.location.endswith(f"/formular/{person.public_id}/fraga/1")
    consent = db_session.scalars(sa.select(Consent)).one()
    assert (consent.purpose, consent.recorded_by_id) == ("assessment", user.id)
    assert response_of(db_session, person).answers == {}


def test_an_english_code_question_shows_english_output_and_options(client, make_user, login,
                                                                   db_session):
    user = make_user(locale="en")
    login(user)
    person = person_of(db_session, user)
    client.post(f"/formular/{person.public_id}", data={"consent": "yes"})
    number = next(i for i, item in enumerate(Q.items, 1) if item.id == "kn_condition")
    page = client.get(f"/formular/{person.public_id}/fraga/{number}").get_data(as_text=True)
    assert "print(&#34;teenager&#34;)" in page and "teenager and child" in page
    assert "tonåring" not in page and "barn" not in page

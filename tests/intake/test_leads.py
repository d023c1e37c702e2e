"""A coach turns a lead into a person: contact (coordinator), first interview, eligibility by
configured criteria, agencies, an invitation; a caseworker refers; "Din väg" for both sides."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import AccessLog, EligibilityAnswer, Lead, Organisation, Person
from tests.conftest import TEST_PASSWORD


def coach_of(db_session, programme_coach):
    """A coach and their (new) programme."""
    coach = programme_coach()
    return coach, db_session.get(Organisation, coach.organisation_id)


def log_in(app, user):
    client = app.test_client()
    assert client.post("/konto/logga-in", data={"email": user.email,
                                                "password": TEST_PASSWORD}).status_code == 302
    return client


def new_lead(db_session, programme, **fields) -> Lead:
    lead = Lead(programme_id=programme.id, sender="self", name="Vera Ny",
                email="vera@example.se", **fields)
    db_session.add(lead)
    db_session.commit()
    return lead


def test_a_coach_takes_interviews_checks_eligibility_and_invites_a_lead(app, db_session,
                                                                         programme_coach):
    coach, programme = coach_of(db_session, programme_coach)
    lead = new_lead(db_session, programme, heard_via="library")
    client = log_in(app, coach)
    assert "Vera Ny" in client.get("/intag/").get_data(as_text=True)
    client.post("/intag/kriterier", data={"text": "19 år eller äldre"})
    client.post(f"/intag/{lead.id}/status", data={"action": "take"})
    client.post(f"/intag/{lead.id}/samtal", data={
        "area_programmering": "much", "area_webb": "some", "area_natverk": "none",
        "area_databas": "none", "learned_via": ["self_taught"], "languages": "Python",
        "next_step": "questionnaire"})
    criterion_id = db_session.scalar(sa.text("SELECT id FROM eligibility_criterion"))
    client.post(f"/intag/{lead.id}/behorighet", data={
        f"answer-{criterion_id}": "met", f"basis-{criterion_id}": "person_says"})
    client.post(f"/intag/{lead.id}/myndighet", data={"name": "LSS-handläggning",
                                                     "role": "Beslut om insats"})
    response = client.post(f"/intag/{lead.id}/bjud-in", data={
        "to": "questionnaire", "email": "vera@example.se", "delivery": "show"})
    assert response.status_code == 200
    db_session.expire_all()
    lead = db_session.get(Lead, lead.id)
    assert (lead.status, lead.coordinator_id) == ("invited", coach.id)
    assert lead.interview["experience"]["programmering"] == "much"
    answer = db_session.scalar(sa.select(EligibilityAnswer))
    assert (answer.answer, answer.basis) == ("met", "person_says")
    person = db_session.get(Person, lead.person_id)
    assert person.organisation_id == programme.id and person.user_id is not None
    assert [a.name for a in lead.agencies] == ["LSS-handläggning"]
    path = client.get(f"/intag/vag/{person.public_id}").get_data(as_text=True)
    assert "Du är här" not in path and "Inget ja till ”Prov och resultat” än." in path


def test_an_unknown_eligibility_answer_changes_nothing(app, db_session, programme_coach):
    coach, programme = coach_of(db_session, programme_coach)
    lead = new_lead(db_session, programme)
    client = log_in(app, coach)
    client.post("/intag/kriterier", data={"text": "Bor i länet"})
    criterion_id = db_session.scalar(sa.text("SELECT id FROM eligibility_criterion"))
    response = client.post(f"/intag/{lead.id}/behorighet", data={
        f"answer-{criterion_id}": "diagnosis", f"basis-{criterion_id}": "person_says"})
    assert response.status_code == 200
    assert db_session.scalar(sa.select(sa.func.count()).select_from(EligibilityAnswer)) == 0


def test_a_coach_of_another_programme_is_refused_and_it_is_logged(app, db_session, programme_coach):
    _coach, programme = coach_of(db_session, programme_coach)
    other, _ = coach_of(db_session, programme_coach)
    lead = new_lead(db_session, programme)
    client = log_in(app, other)
    assert client.get(f"/intag/{lead.id}").status_code == 403
    assert client.post(f"/intag/{lead.id}/status", data={"action": "take"}).status_code == 403
    assert "Vera Ny" not in client.get("/intag/").get_data(as_text=True)
    denied = db_session.scalars(sa.select(AccessLog.what).where(
        AccessLog.actor_id == other.id, AccessLog.action == "denied")).all()
    assert "lead.manage" in denied
    assert db_session.get(Lead, lead.id).coordinator_id is None


def test_a_caseworker_refers_a_person_who_knows_and_the_agency_is_listed(app, db_session,
                                                                        make_user,
                                                                        programme_coach):
    _coach, programme = coach_of(db_session, programme_coach)
    agency = Organisation(name="Arbetsförmedlingen Eksjö")
    db_session.add(agency)
    db_session.commit()
    caseworker = make_user(role="caseworker")
    caseworker.organisation_id = agency.id
    db_session.commit()
    client = log_in(app, caseworker)
    form = {"programme": programme.id, "name": "Sam Remiss", "phone": "070-1"}
    assert client.post("/intag/remiss", data=form).status_code == 200  # not "knows"
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Lead)) == 0
    assert client.post("/intag/remiss", data=form | {"person_knows": "y"}).status_code == 302
    lead = db_session.scalar(sa.select(Lead))
    assert (lead.sender, lead.heard_via, lead.agency_id) == ("referral", "authority", agency.id)
    assert [a.name for a in lead.agencies] == ["Arbetsförmedlingen Eksjö"]


def test_the_candidate_sees_where_they_are(app, make_user):
    candidate = make_user(tests_consent=True)
    page = log_in(app, candidate).get("/kandidat/din-vag").get_data(as_text=True)
    assert "Din väg" in page and "Du är här" in page
    assert page.index("1. Vi lär känna varandra") < page.index("Du är här") < page.index(
        "2. Du visar vad du kan")


def test_criteria_are_the_programmes_own(app, db_session, programme_coach):
    coach, _ = coach_of(db_session, programme_coach)
    other, _ = coach_of(db_session, programme_coach)
    log_in(app, coach).post("/intag/kriterier", data={"text": "Bor i Jönköpings län"})
    criterion_id = db_session.scalar(sa.text("SELECT id FROM eligibility_criterion"))
    assert "Jönköpings" not in log_in(app, other).get("/intag/kriterier").get_data(as_text=True)
    refused = log_in(app, other).post(f"/intag/kriterier/{criterion_id}",
                                      data={f"{criterion_id}-text": "Ändrat"})
    assert refused.status_code == 403
    assert db_session.scalar(sa.text("SELECT text FROM eligibility_criterion")) == \
        "Bor i Jönköpings län"


def test_names_of_only_unprintable_characters_are_refused_with_a_message(app, db_session,
                                                                         programme_coach):
    coach, programme = coach_of(db_session, programme_coach)
    lead = new_lead(db_session, programme)
    client = log_in(app, coach)
    for address, form in ((f"/intag/{lead.id}/myndighet", {"name": "\U00018cd6"}),
                          ("/intag/kriterier", {"text": "\U00018cd6"})):
        assert client.post(address, data=form).status_code == 200, address
    db_session.expire_all()
    assert db_session.get(Lead, lead.id).agencies == []
    assert db_session.scalar(sa.text("SELECT count(*) FROM eligibility_criterion")) == 0

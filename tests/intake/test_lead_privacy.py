"""A lead with a protected identity before it is a person: a coach of its programme marks
it; then staff see the code name and a neutral marker, never the name or contact details;
the person it becomes is protected too. A coach of another programme changes nothing."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import AccessLog, Lead, Person
from assessor.services import policy
from assessor.services.intake.lead_privacy import set_lead_protected, shown_lead_name
from tests.intake.test_leads import coach_of, log_in, new_lead

SECRETS = ("Vera Ny", "vera@example.se", "070-1234567", "Mamma Ny", "mamma@example.se",
           "Jag heter Vera")


def protected_lead(db_session, programme) -> Lead:
    lead = new_lead(db_session, programme, relation="family", sender_name="Mamma Ny",
                    sender_contact="mamma@example.se", person_knows=True,
                    phone="070-1234567", message="Jag heter Vera")
    lead.sender = "on_behalf"
    db_session.commit()
    return lead


def test_a_protected_lead_shows_its_code_name_and_a_marker_and_no_contact(app, db_session,
                                                                          programme_coach):
    coach, programme = coach_of(db_session, programme_coach)
    lead = protected_lead(db_session, programme)
    client = log_in(app, coach)
    before = client.get(f"/intag/{lead.id}").get_data(as_text=True)
    assert all(secret in before for secret in SECRETS)
    assert client.post(f"/intag/{lead.id}/skyddad",
                       data={"protect-protected": "y"}).status_code == 302
    db_session.expire_all()
    assert db_session.get(Lead, lead.id).protected_identity
    for page in (f"/intag/{lead.id}", "/intag/", f"/intag/{lead.id}/samtal"):
        text = client.get(page).get_data(as_text=True)
        assert [s for s in SECRETS if s in text] == [], page
        assert "Skyddad identitet" in text and lead.public_id in text, page
    assert db_session.scalar(sa.select(AccessLog).where(
        AccessLog.what == f"lead.protect #{lead.id}")).reason == "on"


def test_a_coach_of_another_programme_cannot_protect_or_lift_it(app, db_session,
                                                                 programme_coach):
    _coach, programme = coach_of(db_session, programme_coach)
    other, _ = coach_of(db_session, programme_coach)
    lead = new_lead(db_session, programme, protected_identity=True)
    response = log_in(app, other).post(f"/intag/{lead.id}/skyddad", data={})
    assert response.status_code == 403
    db_session.expire_all()
    assert db_session.get(Lead, lead.id).protected_identity
    try:
        set_lead_protected(db_session, other, lead, False)
    except policy.AccessDeniedError as error:
        assert error.decision.reason == "organisation"
    else:
        raise AssertionError("a coach of another programme lifted the protection")
    assert shown_lead_name(db_session, other, lead) is None


def test_the_person_a_protected_lead_becomes_is_protected_and_gets_no_e_mail(app, db_session,
                                                                            programme_coach):
    coach, programme = coach_of(db_session, programme_coach)
    lead = new_lead(db_session, programme, protected_identity=True)
    client = log_in(app, coach)
    page = client.get(f"/intag/{lead.id}").get_data(as_text=True)
    assert 'value="vera@example.se"' not in page  # the invitation does not show it either
    response = client.post(f"/intag/{lead.id}/bjud-in", data={
        "to": "questionnaire", "email": "vera@example.se", "delivery": "show"})
    assert response.status_code == 200
    db_session.expire_all()
    person = db_session.get(Person, db_session.get(Lead, lead.id).person_id)
    assert person.protected_identity
    assert "Vera Ny" not in client.get("/intag/?").get_data(as_text=True)
    assert shown_lead_name(db_session, coach, db_session.get(Lead, lead.id)) is None


def test_an_unprotected_lead_shows_its_name_to_the_programme_only(db_session, programme_coach):
    coach, programme = coach_of(db_session, programme_coach)
    other, _ = coach_of(db_session, programme_coach)
    lead = new_lead(db_session, programme)
    assert shown_lead_name(db_session, coach, lead) == "Vera Ny"
    assert shown_lead_name(db_session, other, lead) is None

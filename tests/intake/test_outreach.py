"""The public pages, their PDFs and the interest form: a lead for the programme's coaches,
nothing stored from bad input, and the form's rate limit."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import Lead, Organisation


def programme_with_coach(db_session, programme_coach) -> Organisation:
    """A programme that takes interest forms (it has a coach)."""
    return db_session.get(Organisation, programme_coach().organisation_id)


def test_the_two_pages_speak_plain_swedish_and_link_to_the_form(client):
    people = client.get("/for-dig").get_data(as_text=True)
    employers = client.get("/for-arbetsgivare").get_data(as_text=True)
    assert "Jag är intresserad" in people and "/intresse" in people
    assert "arbetsgivare" in employers.lower() and "sex månader" in employers


def test_each_page_is_a_one_page_pdf(client):
    import io

    from pypdf import PdfReader

    for address in ("/for-dig.pdf", "/for-arbetsgivare.pdf"):
        response = client.get(address)
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert len(PdfReader(io.BytesIO(response.data)).pages) == 1, address


def test_a_person_sends_the_form_and_it_becomes_a_new_lead(client, db_session, programme_coach):
    programme = programme_with_coach(db_session, programme_coach)
    response = client.post("/intresse", data={
        "sender": "self", "programme": programme.id, "name": "Vera Ny",
        "email": "vera@example.se", "heard_via": "library"})
    assert response.status_code == 302 and response.location.endswith("/intresse/tack")
    lead = db_session.scalar(sa.select(Lead))
    assert (lead.name, lead.heard_via, lead.status, lead.programme_id) == (
        "Vera Ny", "library", "new", programme.id)


def test_someone_on_the_persons_behalf_must_say_the_person_knows(client, db_session,
                                                                  programme_coach):
    programme = programme_with_coach(db_session, programme_coach)
    form = {"sender": "on_behalf", "programme": programme.id, "name": "Vera Ny",
            "phone": "070-1234567", "heard_via": "family", "sender_name": "Mamma Ny",
            "relation": "family"}
    refused = client.post("/intresse", data=form)
    assert refused.status_code == 200 and "personen vet" in refused.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Lead)) == 0
    assert client.post("/intresse", data=form | {"person_knows": "y"}).status_code == 302
    lead = db_session.scalar(sa.select(Lead))
    assert (lead.sender, lead.sender_name, lead.relation, lead.person_knows) == (
        "on_behalf", "Mamma Ny", "family", True)


def test_a_form_without_a_way_to_answer_or_with_a_strange_programme_stores_nothing(
        client, db_session, programme_coach):
    programme = programme_with_coach(db_session, programme_coach)
    no_contact = client.post("/intresse", data={"sender": "self", "programme": programme.id,
                                                "name": "Vera", "heard_via": "fair"})
    assert no_contact.status_code == 200
    assert "telefonnummer" in no_contact.get_data(as_text=True)
    strange = client.post("/intresse", data={"sender": "self", "programme": "99999",
                                             "name": "Vera", "email": "v@example.se",
                                             "heard_via": "nowhere"})
    assert strange.status_code == 200
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Lead)) == 0


def test_the_form_says_what_happens_to_the_data_and_asks_nothing_sensitive(
        client, db_session, programme_coach):
    programme_with_coach(db_session, programme_coach)
    page = client.get("/intresse").get_data(as_text=True)
    assert "Vad som händer med det du skriver" in page
    for word in ("diagnos", "personnummer"):
        assert f'name="{word}' not in page


def test_the_interest_form_is_rate_limited_per_address(app, client, db_session, programme_coach):
    programme = programme_with_coach(db_session, programme_coach)
    app.config["KODPROV_RATE_LIMITS"]["interest_forms_per_ip"] = "2 per hour"
    form = {"sender": "self", "programme": programme.id, "name": "V", "email": "v@example.se"}
    statuses = [client.post("/intresse", data=form).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]

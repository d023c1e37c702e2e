"""The coach's SUS page: the worksheet anonymous without the SUS consent or with a protected
identity, in full (and logged as such) with it; the registration's form with bad input named
and nothing changed; the CSV; the yes written down for a person without a login; the person's
own yes on the consent page."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Consent, Person, SusRegistration
from tests.web.access_world import build_world, client_of

GOOD = {"income_before": ["aktivitetsersattning"], "occupation_before": "ingen",
        "hours_before": "", "education": "gymnasial", "support_time": "1_2_ar",
        "income_after": ["lon"], "occupation_after": "arbete", "hours_after": "20",
        "end_reason": "arbete"}


@pytest.fixture
def world(db_session):
    world = build_world(db_session)
    world.coach = world.users["coach same org"]
    world.page = f"/sus/person/{world.tove.public_id}"
    return world


def sus_yes(db_session, world):
    db_session.add(Consent(person_id=world.tove.id, purpose="sus",
                           recorded_by_id=world.tove.user_id))
    db_session.commit()


def entries(db_session, what: str) -> list[AccessLog]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(AccessLog).where(AccessLog.what == what)))


def test_without_the_yes_the_coach_sees_the_anonymous_sheet_and_no_form(app, world,
                                                                        db_session):
    page = client_of(app, world.coach).get(world.page)
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Anonym deltagare: bara kön och budgetår" in text
    assert "Personnummer" not in text and 'name="occupation_before"' not in text
    assert [e.person_id for e in entries(db_session, "sus")] == [world.tove.id]
    assert entries(db_session, "sus.worksheet") == []


def test_with_the_yes_the_coach_records_and_sees_the_full_sheet(app, world, db_session):
    sus_yes(db_session, world)
    client = client_of(app, world.coach)
    assert 'name="occupation_before"' in client.get(world.page).get_data(as_text=True)
    saved = client.post(world.page, data=GOOD, follow_redirects=True)
    text = saved.get_data(as_text=True)
    assert "Sparat." in text and "Tove Test" in text
    assert "Arbete (50 %)" in text and "Aktivitetsersättning" in text
    record = db_session.scalar(sa.select(SusRegistration))
    assert (record.occupation_after, record.hours_after) == ("arbete", 20)
    assert entries(db_session, "sus.record")[0].action == "change"
    assert entries(db_session, "sus.worksheet")[0].action == "read"


@pytest.mark.parametrize(("change", "message"), [
    ({"hours_after": "70"}, "Timmar i veckan är ett tal från 0 till 60."),
    ({"hours_after": "mycket"}, ""),
    ({"occupation_after": "astronaut"}, ""),
    ({"income_before": ["lotteri"]}, ""),
    ({"occupation_after": ""}, "Timmar i veckan hör till en sysselsättning"),
    ({"income_after": ["ingen_offentlig", "lon"]}, "kan inte väljas tillsammans"),
])
def test_bad_input_is_named_and_changes_nothing(app, world, db_session, change, message):
    sus_yes(db_session, world)
    client = client_of(app, world.coach)
    page = client.post(world.page, data=GOOD | change, follow_redirects=True)
    assert page.status_code == 200
    assert 'class="message message-error"' in page.get_data(as_text=True)
    assert message in page.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(SusRegistration)) == 0


def test_a_protected_identity_keeps_the_sheet_anonymous_and_refuses_recording(app, world,
                                                                             db_session):
    sus_yes(db_session, world)
    world.tove.protected_identity = True
    db_session.commit()
    client = client_of(app, world.coach)
    text = client.get(world.page).get_data(as_text=True)
    assert "Anonym deltagare" in text and "Tove Test" not in text
    assert client.post(world.page, data=GOOD).status_code == 403
    csv = client.get(world.page + "/arbetsblad.csv").get_data(as_text=True)
    assert "Tove" not in csv and "income_before" not in csv and "budget_year" in csv


def test_the_csv_has_the_sus_fields_and_is_logged_as_an_export(app, world, db_session):
    sus_yes(db_session, world)
    client = client_of(app, world.coach)
    client.post(world.page, data=GOOD)
    response = client.get(world.page + "/arbetsblad.csv")
    lines = response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert response.mimetype == "text/csv" and lines[0] == "field;value"
    assert "occupation_after_percent;50" in lines and "end_reason;arbete" in lines
    assert {e.action for e in entries(db_session, "sus.worksheet")} >= {"export"}
    printed = client.get(world.page + "/arbetsblad").get_data(as_text=True)
    assert "SUS-underlag" in printed and "Varför deltagandet slutade" in printed


def test_a_coach_of_another_programme_is_refused(app, world):
    client = client_of(app, world.users["coach other org"])
    assert client.get(world.page).status_code == 403
    assert client.post(world.page, data=GOOD).status_code == 403


def test_the_coach_writes_down_the_yes_for_a_person_without_a_login(app, world, db_session):
    person = Person(name="Utan Inloggning", organisation_id=world.tove.organisation_id)
    db_session.add(person)
    db_session.commit()
    client = client_of(app, world.coach)
    url = f"/sus/person/{person.public_id}/samtycke"
    bad = client.post(url, data={"given": "kanske"}, follow_redirects=True)
    assert "Inget ändrades" in bad.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Consent)
                             .where(Consent.person_id == person.id)) == 0
    client.post(url, data={"given": "yes"})
    consent = db_session.scalar(sa.select(Consent).where(Consent.person_id == person.id))
    assert (consent.purpose, consent.recorded_by_id) == ("sus", world.coach.id)
    text = client.get(f"/sus/person/{person.public_id}").get_data(as_text=True)
    assert "Utan Inloggning" in text and "Ta tillbaka samtycket" in text
    client.post(url, data={"given": "no"})
    db_session.expire_all()
    assert db_session.get(Consent, consent.id).withdrawn_at is not None


def test_the_person_gives_and_takes_back_the_yes_to_sus_on_the_consent_page(app, world,
                                                                            db_session):
    client = client_of(app, world.users["candidate self"])
    page = client.get("/kandidat/samtycke").get_data(as_text=True)
    assert "Registrering i SUS" in page and "blankett 9443" in page
    client.post("/kandidat/samtycke", data={"give-purpose": "sus"})
    consent = db_session.scalar(sa.select(Consent).where(Consent.purpose == "sus"))
    assert consent.person_id == world.tove.id
    client.post("/kandidat/samtycke", data={"withdraw-consent_id": consent.id})
    db_session.expire_all()
    assert db_session.get(Consent, consent.id).withdrawn_at is not None


def test_after_the_yes_is_taken_back_the_page_asks_to_register_the_person_out(app, world,
                                                                            db_session):
    sus_yes(db_session, world)
    client_of(app, world.coach).post(world.page, data=GOOD)
    consent = db_session.scalar(sa.select(Consent).where(Consent.purpose == "sus"))
    client_of(app, world.users["candidate self"]).post(
        "/kandidat/samtycke", data={"withdraw-consent_id": consent.id})
    text = client_of(app, world.coach).get(world.page).get_data(as_text=True)
    assert "Registrera ut personen ur SUS nu" in text and "Anonym deltagare" in text

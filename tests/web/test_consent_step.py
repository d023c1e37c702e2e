"""Consent that means what it says: nothing saved or graded without the yes to "Tests and
results", asked at the first task; reports state consent from the record of the moment."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from assessor.domain.clock import utcnow
from assessor.models import Consent, Draft, Person, Submission
from tests.web.access_world import build_world, person_of

CHALLENGE = "p1-summa-medel"
FIELD = "file:medel.py"
TYPED = "def medel(tal):\n    return sum(tal) / len(tal)  # mitt försök\n"


@pytest.fixture
def queued(app, monkeypatch):
    """The ids the app puts in its queue (nothing is graded here)."""
    ids = []
    monkeypatch.setattr(app.extensions["kodprov_queue"], "enqueue", ids.append)
    return ids


@pytest.fixture
def candidate(make_user, login, db_session):
    user = make_user()
    login(user)
    return person_of(db_session, user)


def stored(db_session) -> tuple[list, list, list]:
    db_session.expire_all()
    return (db_session.scalars(sa.select(Draft)).all(),
            db_session.scalars(sa.select(Submission)).all(),
            db_session.scalars(sa.select(Consent)).all())


def test_the_first_task_asks_for_the_yes_before_anything_is_saved(client, candidate):
    page = client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)
    assert "Först ditt ja" in page and "Ja, spara det jag gör" in page
    assert "data-draft-url" not in page  # the page saves no drafts
    assert 'value="attempt"' not in page  # and offers no hand-in


def test_without_the_yes_no_draft_or_hand_in_is_stored_or_queued(client, candidate,
                                                                 db_session, queued):
    draft = client.post(f"/uppgifter/{CHALLENGE}/utkast", data={FIELD: TYPED},
                        headers={"Accept": "application/json"})
    assert draft.status_code == 403 and draft.get_json()["saved"] is False
    hand_in = client.post(f"/uppgifter/{CHALLENGE}/skicka",
                          data={FIELD: TYPED, "kind": "attempt", "token": "t1"},
                          headers={"Accept": "application/json"})
    assert hand_in.status_code == 403 and "Prov och resultat" in hand_in.get_json()["message"]
    assert stored(db_session) == ([], [], []) and queued == []


def test_a_hand_in_without_the_yes_comes_back_with_the_typed_code_and_the_question(
        client, candidate, db_session):
    page = client.post(f"/uppgifter/{CHALLENGE}/skicka", data={FIELD: TYPED, "kind": "attempt"})
    text = page.get_data(as_text=True)
    assert page.status_code == 403 and "Först ditt ja" in text
    assert "# mitt försök" in text
    assert stored(db_session) == ([], [], [])


def test_saying_yes_at_the_task_keeps_what_was_typed_and_goes_back_to_it(client, candidate,
                                                                          db_session):
    back = client.post(f"/uppgifter/{CHALLENGE}/samtycke", data={FIELD: TYPED})
    assert back.location.endswith(f"/uppgifter/{CHALLENGE}")
    drafts, submissions, consents = stored(db_session)
    assert [d.files for d in drafts] == [{"medel.py": TYPED}] and submissions == []
    assert [(c.purpose, c.person_id, c.recorded_by_id) for c in consents] == [
        ("assessment", candidate.id, candidate.user_id)]
    page = client.get(back.location).get_data(as_text=True)
    assert "# mitt försök" in page and "data-draft-url" in page and 'value="attempt"' in page


def test_after_the_yes_is_taken_back_nothing_more_is_handed_in(client, candidate, db_session,
                                                                queued):
    client.post(f"/uppgifter/{CHALLENGE}/samtycke", data={FIELD: TYPED})
    consent = db_session.scalars(sa.select(Consent)).one()
    client.post("/kandidat/samtycke", data={"withdraw-consent_id": consent.id})
    hand_in = client.post(f"/uppgifter/{CHALLENGE}/skicka",
                          data={FIELD: TYPED, "kind": "attempt", "token": "t2"},
                          headers={"Accept": "application/json"})
    assert hand_in.status_code == 403
    assert stored(db_session)[1] == [] and queued == []


def report_text(client, public_id: str) -> str:
    html = client.get(f"/rapport/{public_id}").get_data(as_text=True)
    good_to_know = html.split("Bra att veta", 1)[1].split("</ul>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", good_to_know).split())


@pytest.fixture
def world(db_session):
    return build_world(db_session)


def test_a_report_without_a_share_does_not_claim_one(world, client, login, db_session):
    tove = world.tove
    share = db_session.scalars(sa.select(Consent).where(Consent.purpose == "share_report")).one()
    share.withdrawn_at = utcnow()
    db_session.commit()
    login(world.users["coach same org"])
    text = report_text(client, tove.public_id)
    assert "sagt ja till att dela" not in text and "Ja till att dela" not in text
    assert "Personen delar inte rapporten med någon organisation." in text
    assert "Ja till ”Prov och resultat” sedan" in text and "Personen sa ja själv." in text


def test_a_caseworker_reads_the_share_to_their_organisation_and_no_other(world, client, login,
                                                                        db_session):
    tove = world.tove
    db_session.add(Consent(person_id=tove.id, purpose="share_report",
                           organisation_id=world.organisations["Agency B"].id,
                           recorded_by_id=tove.user_id))
    db_session.commit()
    login(world.users["caseworker with consent"])
    text = report_text(client, tove.public_id)
    assert "Ja till att dela rapporten med Agency A sedan" in text
    assert "Agency B" not in text


def test_a_yes_written_down_by_staff_says_who_wrote_it(client, programme_coach, login,
                                                       db_session):
    login(programme_coach(name="Hanna Handledare"))
    client.post("/personer/ny", data={"name": "Robin", "tests_consent": "y"})
    robin = db_session.scalar(sa.select(Person).where(Person.name == "Robin"))
    text = report_text(client, robin.public_id)
    assert "Hanna Handledare skrev in personens ja." in text


def test_the_persons_own_report_says_when_there_is_no_yes_to_the_tests(client, candidate):
    text = report_text(client, candidate.public_id)
    assert "Det finns inget ja till ”Prov och resultat” nu." in text
    assert "Personen delar inte rapporten med någon organisation." in text
    assert "kan ta tillbaka" not in text

"""The intake pools' pages: a coach sets areas and places, queues a lead and a person, admits,
ends a participation with its reason, and reads the log in plain words; bad input changes
nothing; an admin sets places but sees no names."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import Lead, Participation, Person, PoolArea, PoolEntry, PoolMove
from tests.conftest import TEST_PASSWORD


def log_in(app, user):
    client = app.test_client()
    assert client.post("/konto/logga-in", data={"email": user.email,
                                                "password": TEST_PASSWORD}).status_code == 302
    return client


def count(db_session, model) -> int:
    return db_session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_coach_runs_the_pools_and_the_log_explains_each_move(app, db_session,
                                                               programme_coach):
    coach = programme_coach()
    lead = Lead(programme_id=coach.organisation_id, sender="self", name="Vera Ny",
                email="vera@example.se")
    person = Person(name="Pelle Plats", gender="man", organisation_id=coach.organisation_id)
    db_session.add_all([lead, person])
    db_session.commit()
    client = log_in(app, coach)
    client.post("/intag/platser/", data={"name": "Höglandet", "places": "1"})
    client.post("/intag/platser/", data={"name": "Jönköping", "places": "0"})
    north, south = db_session.scalars(sa.select(PoolArea).order_by(PoolArea.id)).all()
    page = client.get("/intag/platser/").get_data(as_text=True)
    assert "Vera Ny" in page and "Pelle Plats" in page  # both can be queued
    client.post("/intag/platser/ko", data={"who": f"person-{person.public_id}",
                                           "area": str(north.id)})
    client.post("/intag/platser/ko", data={"who": f"lead-{lead.id}", "area": str(south.id)})
    entry = db_session.scalar(sa.select(PoolEntry).where(PoolEntry.person_id == person.id))
    assert entry.status == "offered"
    client.post(f"/intag/platser/{entry.id}/anta")
    response = client.post(f"/intag/platser/{entry.id}/avsluta", data={"reason": "health"})
    assert response.status_code == 302
    db_session.expire_all()
    record = db_session.scalar(sa.select(Participation).where(
        Participation.person_id == person.id))
    assert record.end_reason == "health"
    page = client.get("/intag/platser/").get_data(as_text=True)
    # Höglandet's queue was empty, so its place was lent to Vera of Jönköping.
    assert "En plats i Höglandet lånades ut till Vera Ny i Jönköping" in page
    assert "Deltagandet för Pelle Plats avslutades (Hälsa)" in page


def test_bad_input_gets_a_message_and_changes_nothing(app, db_session, programme_coach):
    coach = programme_coach()
    client = log_in(app, coach)
    client.post("/intag/platser/", data={"name": "Höglandet", "places": "2"})
    area = db_session.scalar(sa.select(PoolArea))
    before = (count(db_session, PoolArea), count(db_session, PoolEntry),
              count(db_session, PoolMove))
    for url, data in [("/intag/platser/", {"name": "Mitt", "places": "101"}),
                      ("/intag/platser/", {"name": "höglandet", "places": "1"}),
                      ("/intag/platser/", {"name": "", "places": "1"}),
                      (f"/intag/platser/omraden/{area.id}", {f"{area.id}-name": "X",
                                                             f"{area.id}-places": "-1"}),
                      ("/intag/platser/ko", {"who": "person-nobody", "area": str(area.id)}),
                      ("/intag/platser/ko", {"who": "lead-99999999999999999999",
                                             "area": str(area.id)}),
                      ("/intag/platser/ko", {"who": "lead-1", "area": "x"})]:
        response = client.post(url, data=data)
        assert response.status_code in (200, 302), url
    db_session.expire_all()
    assert (count(db_session, PoolArea), count(db_session, PoolEntry),
            count(db_session, PoolMove)) == before
    assert client.post("/intag/platser/999999/anta").status_code == 404
    assert client.post(f"/intag/platser/omraden/{area.id + 100}",
                       data={f"{area.id + 100}-name": "X",
                             f"{area.id + 100}-places": "1"}).status_code == 404


def test_an_admin_sets_places_but_sees_no_queue_or_names(app, db_session, programme_coach,
                                                          make_user):
    coach = programme_coach()
    person = Person(name="Hemlig Person", organisation_id=coach.organisation_id)
    db_session.add(person)
    admin = make_user(role="admin")
    admin.organisation_id = coach.organisation_id
    db_session.commit()
    client = log_in(app, admin)
    client.post("/intag/platser/", data={"name": "Höglandet", "places": "5"})
    page = client.get("/intag/platser/").get_data(as_text=True)
    assert "Höglandet" in page and "Hemlig Person" not in page
    assert client.post("/intag/platser/ko", data={"who": f"person-{person.public_id}",
                                                  "area": "1"}).status_code == 403


def test_a_candidate_and_a_caseworker_are_refused(app, db_session, make_user):
    for role in ("candidate", "caseworker"):
        assert log_in(app, make_user(role=role)).get("/intag/platser/").status_code == 403

"""The development plan and progress pages: the person and a coach of the programme fill
them in together, each change says who; bad input gets a message and changes nothing; the
plan prints as a PDF; the progress chart is an SVG with a table beside it, and no script."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.models import (
    AccessLog,
    Consent,
    PlanEdit,
    PlanGoal,
    PlanReview,
    PlanStep,
    WheelArea,
    WheelConversation,
)
from assessor.services.plans import today_here
from tests.web.access_world import build_world, client_of


@pytest.fixture
def world(db_session):
    return build_world(db_session)


def count(db_session, model) -> int:
    db_session.expire_all()
    return db_session.scalar(sa.select(sa.func.count()).select_from(model))


def plan_url(world, tail: str = "") -> str:
    return f"/plan/{world.tove.public_id}{tail}"


def test_the_person_adds_a_goal_the_coach_a_step_and_both_see_who_did_what(app, world,
                                                                           db_session):
    me, coach = client_of(app, world.users["candidate self"]), \
        client_of(app, world.users["coach same org"])
    response = me.post(plan_url(world, "/mal"), data={
        "level": "programmering:Programmering 1 C", "note": "Klasser och filer"})
    assert response.status_code == 302
    day = (today_here() + timedelta(days=7)).isoformat()
    coach.post(plan_url(world, "/steg"), data={"text": "Tre uppgifter om listor",
                                              "due_on": day, "goal": ""})
    coach.post(plan_url(world, "/uppfoljning"), data={"on_day": day})
    page = coach.get(plan_url(world)).get_data(as_text=True)
    assert "Programmering 1 C" in page and "Tre uppgifter om listor" in page
    assert "Coach Same Org" in page and "personen" in page  # who changed it
    assert 'href="/uppgifter/' not in page  # the coach's links go to hand-ins in full
    assert f'href="/inlamningar/{world.submission.id}"' in page
    own = me.get(plan_url(world)).get_data(as_text=True)
    assert "du" in own and "Din utvecklingsplan" in own
    assert count(db_session, PlanEdit) == 3
    entries = db_session.scalars(sa.select(AccessLog.what).where(
        AccessLog.person_id == world.tove.id, AccessLog.actor_id ==
        world.users["coach same org"].id)).all()
    assert "plan.edit" in entries and "plan" in entries


@pytest.mark.parametrize(("tail", "data", "message"), [
    ("/mal", {"level": "programmering:Webbutveckling 1 E"}, "Välj en nivå i listan."),
    ("/mal", {"level": "programmering"}, "Välj en nivå i listan."),
    ("/mal", {"level": "webb:Webbutveckling 1 E", "state": "klar"}, ""),
    ("/mal", {"level": "webb:Webbutveckling 1 E", "goal_id": "99999"}, "Det finns inte i planen."),
    ("/mal", {"level": "webb:Webbutveckling 1 E", "goal_id": "-1"}, ""),
    ("/mal", {"level": "webb:Webbutveckling 1 E", "note": "x" * 1001}, ""),
    ("/steg", {"text": ""}, "Skriv vad steget är."),
    ("/steg", {"text": "ok", "due_on": "2099-01-01"}, ""),
    ("/steg", {"text": "ok", "due_on": "inte ett datum"}, ""),
    ("/steg", {"text": "ok", "goal": "abc"}, ""),
    ("/steg", {"step_id": "99999", "done_on": "2026-01-01"}, ""),
    ("/uppfoljning", {"on_day": ""}, ""),
    ("/uppfoljning", {"review_id": "99999", "note": "x"}, "Det finns inte i planen."),
])
def test_bad_plan_input_gets_a_message_and_changes_nothing(app, world, db_session, tail, data,
                                                           message):
    me = client_of(app, world.users["candidate self"])
    response = me.post(plan_url(world, tail), data=data, follow_redirects=True)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'message-error' in page
    if message:
        assert message in page
    for model in (PlanGoal, PlanStep, PlanReview, PlanEdit):
        assert count(db_session, model) == 0, model


def test_the_plan_prints_as_a_pdf_and_has_a_print_button(app, world):
    me = client_of(app, world.users["candidate self"])
    me.post(plan_url(world, "/mal"), data={"level": "databas:Databasteknik E"})
    response = me.get(plan_url(world, ".pdf"))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "attachment" in response.headers["Content-Disposition"]
    page = me.get(plan_url(world)).get_data(as_text=True)
    assert "data-print" in page and "js/print.js" in page


def test_a_coach_of_another_programme_and_a_caseworker_are_refused(app, world):
    for case in ("coach other org", "caseworker with consent"):
        client = client_of(app, world.users[case])
        assert client.get(plan_url(world)).status_code == 403
        assert client.get(f"/framsteg/{world.tove.public_id}").status_code == 403


def test_a_conversation_is_shown_as_a_chart_and_a_table(app, world, db_session):
    me = client_of(app, world.users["candidate self"])
    me.get(f"/framsteg/{world.tove.public_id}")  # the programme's default areas are made
    areas = db_session.scalars(sa.select(WheelArea).order_by(WheelArea.position)).all()
    response = me.post(f"/framsteg/{world.tove.public_id}", data={
        "held_on": today_here().isoformat(), f"rating-{areas[0].id}": "7",
        f"rating-{areas[4].id}": "9", "note": "Bra vecka"})
    assert response.status_code == 302
    page = me.get(f"/framsteg/{world.tove.public_id}").get_data(as_text=True)
    assert "<svg" in page and 'role="img"' in page and "<table" in page
    assert "Vardagen" in page and "Bra vecka" in page and ">9<" in page
    assert "<script>" not in page.split("<svg")[1].split("</svg>")[0]
    coach = client_of(app, world.users["coach same org"]).get(
        f"/framsteg/{world.tove.public_id}").get_data(as_text=True)
    assert "Bra vecka" in coach


@pytest.mark.parametrize("rating", ["0", "11", "abc", "7.5", "-3", "9" * 40, "٣"])
def test_bad_ratings_get_a_message_and_change_nothing(app, world, db_session, rating):
    me = client_of(app, world.users["candidate self"])
    me.get(f"/framsteg/{world.tove.public_id}")
    area = db_session.scalars(sa.select(WheelArea)).first()
    response = me.post(f"/framsteg/{world.tove.public_id}", data={
        "held_on": today_here().isoformat(), f"rating-{area.id}": rating})
    assert response.status_code == 200
    assert "hel siffra från 1 till 10" in response.get_data(as_text=True)
    assert count(db_session, WheelConversation) == 0


@pytest.mark.parametrize("data", [
    {"held_on": ""}, {"held_on": "2026-13-45"},
    {"held_on": (today_here() + timedelta(days=3)).isoformat()},
])
def test_a_bad_day_or_nothing_rated_changes_nothing(app, world, db_session, data):
    me = client_of(app, world.users["candidate self"])
    response = me.post(f"/framsteg/{world.tove.public_id}", data=data)
    assert response.status_code == 200 and 'message-error' in response.get_data(as_text=True)
    assert count(db_session, WheelConversation) == 0


def test_a_coach_adds_an_area_and_takes_one_out_of_use(app, world, db_session):
    coach = client_of(app, world.users["coach same org"])
    assert coach.post("/framsteg/omraden", data={"name": "Sömn"}).status_code == 302
    page = coach.get("/framsteg/omraden").get_data(as_text=True)
    assert "Sömn" in page and "Vardagen" in page
    first = db_session.scalars(sa.select(WheelArea).order_by(WheelArea.id)).first()
    coach.post("/framsteg/omraden", data={"area_id": str(first.id)})
    db_session.expire_all()
    assert db_session.get(WheelArea, first.id).active is False
    other = client_of(app, world.users["coach other org"])
    other.post("/framsteg/omraden", data={"area_id": str(first.id), "active": "y"})
    db_session.expire_all()
    assert db_session.get(WheelArea, first.id).active is False  # not their programme
    assert coach.post("/framsteg/omraden", data={"name": "x" * 61}).status_code == 302
    assert count(db_session, WheelArea) == 6


def test_both_are_linked_from_din_vag_and_the_coachs_person_page(app, world):
    me = client_of(app, world.users["candidate self"])
    path = me.get("/kandidat/din-vag").get_data(as_text=True)
    assert plan_url(world) in path and f"/framsteg/{world.tove.public_id}" in path
    coach = client_of(app, world.users["coach same org"])
    person = coach.get(f"/handledare/person/{world.tove.public_id}").get_data(as_text=True)
    assert plan_url(world) in person and f"/framsteg/{world.tove.public_id}" in person


def test_the_pages_speak_english_too(app, world):
    me = client_of(app, world.users["candidate self"])
    me.post("/sprak", data={"locale": "en", "next": "/"})
    assert "Your development plan" in me.get(plan_url(world)).get_data(as_text=True)
    assert "Progress over time" in me.get(
        f"/framsteg/{world.tove.public_id}").get_data(as_text=True)


def test_the_persons_own_data_shows_and_exports_the_plan_and_the_ratings(app, world,
                                                                         db_session):
    me = client_of(app, world.users["candidate self"])
    me.post(plan_url(world, "/mal"), data={"level": "webb:Webbutveckling 1 C",
                                           "note": "Formulär"})
    me.get(f"/framsteg/{world.tove.public_id}")
    area = db_session.scalars(sa.select(WheelArea).order_by(WheelArea.position)).first()
    me.post(f"/framsteg/{world.tove.public_id}", data={
        "held_on": today_here().isoformat(), f"rating-{area.id}": "7"})
    page = me.get("/kandidat/mina-uppgifter").get_data(as_text=True)
    assert "Webbutveckling 1 C (Formulär)" in page and "Vardagen 7" in page
    data = me.get("/kandidat/mina-uppgifter.json").get_json()
    assert data["development_plan"]["goals"][0]["level"] == "Webbutveckling 1 C"
    assert data["progress_conversations"][0]["ratings"] == [{"area": "everyday_life",
                                                            "rating": 7}]


def test_without_the_yes_to_the_tests_the_coach_plans_but_sees_no_levels_or_tasks(app, world,
                                                                                 db_session):
    db_session.execute(sa.update(Consent).where(Consent.person_id == world.tove.id,
                                                Consent.purpose == "assessment")
                       .values(withdrawn_at=sa.func.now()))
    db_session.commit()
    coach = client_of(app, world.users["coach same org"])
    assert coach.post(plan_url(world, "/mal"), data={
        "level": "programmering:Programmering 1 E"}).status_code == 302
    page = coach.get(plan_url(world)).get_data(as_text=True)
    assert "Programmering 1 E" in page and "Visas inte" in page
    assert f"/inlamningar/{world.submission.id}" not in page
    assert coach.get(plan_url(world, ".pdf")).data.startswith(b"%PDF")

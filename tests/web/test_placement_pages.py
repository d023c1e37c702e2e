"""The placement pages: a coach makes a placement from an agreed proposal or directly,
moves it on, records follow-ups and sees the overdue list; bad input changes nothing; other
staff are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Participation, Placement, PlacementFollowUp
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from assessor.services.matching.proposals import answer, propose
from assessor.services.placements import today_here
from assessor.services.placements.placing import PlacementInput, change_state, create_placement
from tests.app_settings import catalogue
from tests.web.access_world import build_world, client_of


@pytest.fixture
def world(db_session):
    world = build_world(db_session)
    coach = world.users["coach same org"]
    world.employer = add_employer(db_session, coach, "Kodbolaget AB")
    world.opening = save_opening(db_session, coach, world.employer, OpeningInput(
        title="Testare", hours_per_week=16))
    world.proposal = propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    answer(db_session, world.users["candidate self"], world.proposal, agree=True)
    db_session.commit()
    return world


def started(db_session, world, workplace: str, days_ago: int, kind: str = "praktik"):
    """A placement of Tove's that started ``days_ago`` days ago (made by her coach)."""
    coach = world.users["coach same org"]
    start = today_here() - timedelta(days=days_ago)
    placement = create_placement(db_session, coach, world.tove, PlacementInput(
        kind=kind, workplace=workplace, proposed_on=start))
    change_state(db_session, coach, placement, "started", start)
    db_session.commit()
    return placement, start


def count(db_session, model) -> int:
    db_session.expire_all()
    return db_session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_coach_makes_a_placement_from_the_agreed_proposal_and_starts_it(app, world,
                                                                         db_session):
    coach = client_of(app, world.users["coach same org"])
    page = coach.get(f"/placeringar/person/{world.tove.public_id}").get_data(as_text=True)
    assert "Kodbolaget AB: Testare" in page
    today = today_here().isoformat()
    response = coach.post(f"/placeringar/person/{world.tove.public_id}/ny",
                          data={"proposal_id": world.proposal.id, "proposed_on": today})
    placement = db_session.scalar(sa.select(Placement))
    assert response.headers["Location"].endswith(f"/placeringar/{placement.id}")
    response = coach.post(f"/placeringar/{placement.id}/lage",
                          data={"state": "started", "day": today})
    assert response.status_code == 302
    page = coach.get(f"/placeringar/{placement.id}").get_data(as_text=True)
    assert count(db_session, PlacementFollowUp) == 9
    first = (today_here() + timedelta(days=7))
    assert str(first.day) in page and 'id="follow-ups"' in page
    assert "40 % av heltid" in page and "räknas som ett steg framåt" in page  # 16 h a week


def test_a_direct_placement_without_a_workplace_is_refused_and_nothing_is_saved(app, world,
                                                                               db_session):
    coach = client_of(app, world.users["coach same org"])
    response = coach.post(f"/placeringar/person/{world.tove.public_id}/ny",
                          data={"kind": "praktik", "proposed_on": today_here().isoformat()},
                          follow_redirects=True)
    assert response.status_code == 200
    assert count(db_session, Placement) == 0


@pytest.mark.parametrize("data", [
    {"kind": "praktik", "workplace": "X", "proposed_on": "2999-01-01"},
    {"kind": "praktik", "workplace": "X", "proposed_on": "not a date"},
    {"kind": "rymdresa", "workplace": "X", "proposed_on": "2025-01-01"},
    {"kind": "praktik", "workplace": "X", "proposed_on": "2025-01-01", "hours_per_week": "99"},
    {"kind": "praktik", "employer": "2147483647", "proposed_on": "2025-01-01"},
    {"proposal_id": "99999999999999", "proposed_on": "2025-01-01"},
])
def test_bad_input_for_a_new_placement_changes_nothing_and_is_never_an_error_page(
        app, world, db_session, data):
    coach = client_of(app, world.users["coach same org"])
    response = coach.post(f"/placeringar/person/{world.tove.public_id}/ny", data=data)
    assert response.status_code == 302
    assert count(db_session, Placement) == 0


def test_a_follow_up_is_recorded_and_the_overdue_list_shows_the_ones_missed(app, world,
                                                                            db_session):
    coach = world.users["coach same org"]
    placement, start = started(db_session, world, "Verkstan", 20)
    client = client_of(app, coach)
    held = (start + timedelta(days=7)).isoformat()
    assert client.post(f"/placeringar/{placement.id}/uppfoljning", data={
        "held_on": held, "with_whom": "both", "mode": "video",
        "note": "Trivs."}).status_code == 302
    page = client.get("/placeringar/forsenade").get_data(as_text=True)
    assert page.count("Verkstan") == 1 and world.tove.public_id in page
    mine = client.get(f"/placeringar/person/{world.tove.public_id}").get_data(as_text=True)
    assert "1 försenad" in mine
    assert "<td>6</td>" in page  # the one due on day 14, six days ago; day 7 was held
    logged = db_session.scalars(sa.select(AccessLog.person_id).where(
        AccessLog.actor_id == coach.id, AccessLog.what == "placement")).all()
    assert world.tove.id in logged
    other = client_of(app, world.users["coach other org"]).get("/placeringar/forsenade")
    assert world.tove.public_id not in other.get_data(as_text=True)


def test_participation_dates_are_saved_and_a_leave_before_joining_is_refused(app, world,
                                                                             db_session):
    client = client_of(app, world.users["coach same org"])
    url = f"/placeringar/person/{world.tove.public_id}/deltagande"
    client.post(url, data={"enrolled_on": "2025-02-01", "left_on": "2025-01-01"})
    assert count(db_session, Participation) == 0
    client.post(url, data={"enrolled_on": "2025-01-01", "birth_year": "2001"})
    saved = db_session.scalar(sa.select(Participation))
    assert (saved.birth_year, saved.enrolled_on.isoformat()) == (2001, "2025-01-01")
    client.post(url, data={"enrolled_on": "2025-01-01", "end_reason": "health"})  # no end day
    client.post(url, data={"enrolled_on": "2025-01-01", "left_on": "2025-03-01",
                           "end_reason": "employer"})  # a workplace's reason, not a person's
    db_session.expire_all()
    assert db_session.scalar(sa.select(Participation)).left_on is None
    client.post(url, data={"enrolled_on": "2025-01-01", "left_on": "2025-03-01",
                           "end_reason": "interest"})
    db_session.expire_all()
    assert db_session.scalar(sa.select(Participation)).end_reason == "interest"


@pytest.mark.parametrize("who", ["coach other org", "caseworker with consent", "admin",
                                 "candidate self"])
def test_nobody_but_a_coach_of_the_programme_opens_the_placements(app, world, who):
    client = client_of(app, world.users[who])
    assert client.get(f"/placeringar/person/{world.tove.public_id}").status_code == 403


def test_the_person_finds_the_placement_and_its_follow_ups_in_their_own_data(app, world,
                                                                             db_session):
    coach = world.users["coach same org"]
    placement, _ = started(db_session, world, "Föreningen Kod", 8, kind="uppdrag")
    client_of(app, coach).post(f"/placeringar/{placement.id}/uppfoljning", data={
        "held_on": today_here().isoformat(), "with_whom": "person", "mode": "phone",
        "note": "Går bra."})
    tove = client_of(app, world.users["candidate self"])
    data = tove.get("/kandidat/mina-uppgifter.json").get_json()
    assert data["placements"][0]["workplace"] == "Föreningen Kod"
    assert [f["note"] for f in data["placements"][0]["follow_ups"] if f["held_on"]] == [
        "Går bra."]
    page = tove.get("/kandidat/mina-uppgifter").get_data(as_text=True)
    assert "Föreningen Kod" in page and "Går bra." in page

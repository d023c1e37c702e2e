"""The matching pages: the candidate's profile, preview and answers; the coach's employers,
openings, ranked list, proposal and link; the employer's view. Every route, every role it
lets in, and the access log."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Employer, EmployerLink, MatchProposal, Opening, ProfileEdit
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from tests.web.access_world import build_world, client_of


@pytest.fixture
def world(db_session):
    world = build_world(db_session)
    coach = world.users["coach same org"]
    world.employer = add_employer(db_session, coach, "Kodbolaget AB")
    world.opening = save_opening(db_session, coach, world.employer, OpeningInput(
        title="Testare", offers={"env.quiet_space": "no"}, tags="python", place="Lund"))
    db_session.commit()
    return world


PROFILE = {"section_strengths": "Jag hittar fel i kod.", "section_travel": "Buss",
           "interests": "Python, spel", "places": "Lund", "remote": "no_preference",
           "need_comm__written": "must", "share_strengths": "y",
           "share_accommodations": "y"}


def test_the_candidate_edits_the_profile_and_previews_exactly_the_shared_parts(app, world):
    client = client_of(app, world.users["candidate self"])
    assert client.get("/kandidat/profil/").status_code == 200
    response = client.post("/kandidat/profil/", data=PROFILE)
    assert response.status_code == 302
    page = client.get("/kandidat/profil/forhandsvisning").get_data(as_text=True)
    assert "Jag hittar fel i kod." in page and "python, spel" in page
    assert "Buss" not in page  # travel is not shared
    assert world.tove.public_id in page


def test_hours_the_wrong_way_round_are_refused_and_nothing_is_saved(app, world, db_session):
    client = client_of(app, world.users["candidate self"])
    response = client.post("/kandidat/profil/", data=PROFILE | {"hours_min": "30",
                                                                "hours_max": "10"})
    assert response.status_code == 200
    assert db_session.scalar(sa.select(sa.func.count()).select_from(ProfileEdit)) == 0


def test_a_coach_helps_with_the_profile_and_the_candidate_sees_who(app, world, db_session):
    coach = client_of(app, world.users["coach same org"])
    url = f"/matchning/person/{world.tove.public_id}/profil"
    assert coach.post(url, data=PROFILE).status_code == 302
    edit = db_session.scalar(sa.select(ProfileEdit))
    assert (edit.by_role, edit.by_id) == ("facilitator", world.users["coach same org"].id)
    page = client_of(app, world.users["candidate self"]).get("/kandidat/profil/")
    assert "Coach Same Org" in page.get_data(as_text=True)
    other = client_of(app, world.users["coach other org"])
    assert other.get(url).status_code == 403


def test_a_coach_adds_an_employer_a_contact_and_an_opening(app, world, db_session):
    coach = client_of(app, world.users["coach same org"])
    response = coach.post("/matchning/", data={"name": "Webbyrån", "municipality": "Malmö"})
    employer = db_session.scalar(sa.select(Employer).where(Employer.id != world.employer.id))
    assert response.headers["Location"].endswith(f"/matchning/arbetsgivare/{employer.id}")
    assert coach.post(f"/matchning/arbetsgivare/{employer.id}",
                      data={"name": "Eva Ek", "email": "eva@example.se"}).status_code == 302
    response = coach.post(f"/matchning/arbetsgivare/{employer.id}/ny-plats", data={
        "title": "Webbpraktik", "kind": "praktik", "remote": "partly", "capacity": "1",
        "level_webb": "Webbutveckling 1 E", "offer_env__quiet_space": "can_arrange",
        "open": "y"})
    assert response.status_code == 302
    db_session.expire_all()
    opening = db_session.scalar(sa.select(Opening).where(Opening.employer_id == employer.id))
    assert opening.requirements == [{"area": "webb", "level": "Webbutveckling 1 E"}]
    assert opening.offers == {"env.quiet_space": "can_arrange"}
    assert "Eva Ek" in coach.get(f"/matchning/arbetsgivare/{employer.id}").get_data(True)


def test_an_unknown_level_is_refused_with_a_message_and_changes_nothing(app, world,
                                                                       db_session):
    coach = client_of(app, world.users["coach same org"])
    response = coach.post(f"/matchning/plats/{world.opening.id}", data={
        "title": "X", "kind": "praktik", "remote": "none", "capacity": "1",
        "level_webb": "Webbutveckling 9 Q"})
    assert response.status_code == 200
    db_session.expire_all()
    assert db_session.get(Opening, world.opening.id).title == "Testare"


def test_a_coach_of_another_programme_cannot_open_the_employer_and_it_is_logged(app, world,
                                                                               db_session):
    other = client_of(app, world.users["coach other org"])
    for url in (f"/matchning/arbetsgivare/{world.employer.id}",
                f"/matchning/plats/{world.opening.id}",
                f"/matchning/plats/{world.opening.id}/lista"):
        assert other.get(url).status_code == 403, url
    denied = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.actor_id == world.users["coach other org"].id,
        AccessLog.action == "denied")).all()
    assert len(denied) == 3


def test_the_ranked_list_shows_reasons_without_naming_needs_and_no_need_filter(app, world):
    client_of(app, world.users["candidate self"]).post("/kandidat/profil/", data=PROFILE)
    coach = client_of(app, world.users["coach same org"])
    page = coach.get(f"/matchning/plats/{world.opening.id}/lista"
                     "?need=comm.written").get_data(as_text=True)
    assert "Tove Test" in page and "Gemensamma intressen: python" in page
    assert "skriftligt" not in page  # needs are counted, never named, in a list
    detail = coach.get(f"/matchning/plats/{world.opening.id}/person/{world.tove.public_id}")
    assert detail.status_code == 200  # one person's page names what to ask the workplace
    assert "Instruktioner både skriftligt och muntligt" in detail.get_data(as_text=True)


def test_a_person_who_must_have_what_the_workplace_refuses_is_only_counted(app, world):
    client_of(app, world.users["candidate self"]).post(
        "/kandidat/profil/", data=PROFILE | {"need_env__quiet_space": "must"})
    page = client_of(app, world.users["coach same org"]).get(
        f"/matchning/plats/{world.opening.id}/lista").get_data(as_text=True)
    assert "Tove Test" not in page and "1 person visas inte" in page


def test_propose_agree_link_and_the_employer_visit_is_logged(app, world, db_session):
    coach = client_of(app, world.users["coach same org"])
    tove = client_of(app, world.users["candidate self"])
    tove.post("/kandidat/profil/", data=PROFILE)
    url = f"/matchning/plats/{world.opening.id}/person/{world.tove.public_id}"
    assert coach.post(url, data={"missing": "exclude"}).status_code == 302
    proposal = db_session.scalar(sa.select(MatchProposal))
    assert "Testare" in tove.get("/kandidat/profil/forslag").get_data(as_text=True)
    assert coach.post(f"/matchning/forslag/{proposal.id}/lank",
                      data={"days": "7"}).status_code == 302  # no yes yet: no link
    assert db_session.scalar(sa.select(sa.func.count()).select_from(EmployerLink)) == 0
    assert tove.post(f"/kandidat/profil/forslag/{proposal.id}",
                     data={"answer": "yes"}).status_code == 302
    page = coach.post(f"/matchning/forslag/{proposal.id}/lank", data={"days": "7"})
    address = re.search(r"/arbetsgivare/[A-Z0-9-]+", page.get_data(as_text=True)).group(0)
    employer = app.test_client()
    seen = employer.get(address)
    assert seen.status_code == 200 and "Jag hittar fel i kod." in seen.get_data(as_text=True)
    assert seen.headers["Cache-Control"] == "no-store"
    visits = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.actor_role == "employer")).all()
    assert [(v.action, v.person_id) for v in visits] == [("read", world.tove.id)]
    tove.post(f"/kandidat/profil/forslag/{proposal.id}", data={"answer": "no"})
    assert employer.get(address).status_code == 404
    assert employer.get("/arbetsgivare/nonsense").status_code == 404


@pytest.mark.parametrize(("who", "url", "status"), [
    ("coach same org", "/kandidat/profil/", 403),
    ("caseworker with consent", "/matchning/", 403),
    ("admin", "/matchning/", 403),
    ("candidate other", "/matchning/", 403),
    ("coach other org", "/matchning/", 200),
    ("caseworker with consent", "/kandidat/profil/forhandsvisning", 403),
])
def test_each_area_lets_in_only_its_role(app, world, who, url, status):
    assert client_of(app, world.users[who]).get(url).status_code == status


def test_the_other_candidate_cannot_answer_toves_proposal(app, world, db_session):
    coach = client_of(app, world.users["coach same org"])
    coach.post(f"/matchning/plats/{world.opening.id}/person/{world.tove.public_id}",
               data={"missing": "exclude"})
    proposal = db_session.scalar(sa.select(MatchProposal))
    other = client_of(app, world.users["candidate other"])
    assert other.post(f"/kandidat/profil/forslag/{proposal.id}",
                      data={"answer": "yes"}).status_code == 403


def test_taking_back_the_yes_on_the_consent_page_stops_the_link_at_once(app, world,
                                                                       db_session):
    coach = client_of(app, world.users["coach same org"])
    tove = client_of(app, world.users["candidate self"])
    coach.post(f"/matchning/plats/{world.opening.id}/person/{world.tove.public_id}",
               data={"missing": "exclude"})
    proposal = db_session.scalar(sa.select(MatchProposal))
    tove.post(f"/kandidat/profil/forslag/{proposal.id}", data={"answer": "yes"})
    page = coach.post(f"/matchning/forslag/{proposal.id}/lank", data={"days": "3"})
    address = re.search(r"/arbetsgivare/[A-Z0-9-]+", page.get_data(as_text=True)).group(0)
    assert app.test_client().get(address).status_code == 200
    db_session.expire_all()
    consent_id = db_session.get(MatchProposal, proposal.id).consent_id
    assert "Kodbolaget AB" in tove.get("/kandidat/samtycke").get_data(as_text=True)
    tove.post("/kandidat/samtycke", data={"withdraw-consent_id": str(consent_id)})
    assert app.test_client().get(address).status_code == 404


def test_an_employer_is_not_offered_as_a_place_to_share_the_report(app, world):
    page = client_of(app, world.users["candidate self"]).get("/kandidat/samtycke")
    options = re.findall(r"<option[^>]*>([^<]*)</option>", page.get_data(as_text=True))
    assert "Agency A" in options and "Kodbolaget AB" not in options


def test_the_coach_sees_a_suggestion_for_all_open_openings(app, world, db_session):
    coach = client_of(app, world.users["coach same org"])
    page = coach.get("/matchning/fordelning").get_data(as_text=True)
    assert "Tove Test" in page and "Testare" in page
    other = client_of(app, world.users["coach other org"]).get("/matchning/fordelning")
    assert "Tove Test" not in other.get_data(as_text=True)

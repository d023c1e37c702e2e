"""Travel distance on the pages: the person gives where they travel from and how far; an
unknown place is refused with a message; the coach's ranked list says how far the opening
is; an employer never sees where the person lives."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import ProfileEdit, WorkingProfile
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from tests.web.access_world import build_world, client_of

PROFILE = {"section_strengths": "Jag hittar fel i kod.", "interests": "Python",
           "remote": "no_preference", "home": "Lunds kommun", "max_km": "30",
           "share_strengths": "y", "share_travel": "y"}


@pytest.fixture
def world(db_session):
    world = build_world(db_session)
    coach = world.users["coach same org"]
    employer = add_employer(db_session, coach, "Kodbolaget AB")
    world.near = save_opening(db_session, coach, employer, OpeningInput(
        title="Testare i Malmö", place="Malmö"))
    world.far = save_opening(db_session, coach, employer, OpeningInput(
        title="Testare i Kiruna", place="Kiruna"))
    db_session.commit()
    return world


def test_the_distance_is_saved_and_the_ranked_list_says_how_far(app, world, db_session):
    candidate = client_of(app, world.users["candidate self"])
    assert candidate.post("/kandidat/profil/", data=PROFILE).status_code == 302
    profile = db_session.scalar(sa.select(WorkingProfile))
    assert (profile.home_place, profile.max_travel_km) == ("Lunds kommun", 30)
    preview = candidate.get("/kandidat/profil/forhandsvisning").get_data(as_text=True)
    assert "Lund" not in preview  # never shown to an employer, even with travel shared
    coach = client_of(app, world.users["coach same org"])
    near = coach.get(f"/matchning/plats/{world.near.id}/lista").get_data(as_text=True)
    assert "malmö ligger cirka 16 km bort, inom personens 30 km." in near
    far = coach.get(f"/matchning/plats/{world.far.id}/lista").get_data(as_text=True)
    assert "längre än personens 30 km" in far


@pytest.mark.parametrize("bad", [{"home": "Atlantis"}, {"max_km": "0"}, {"max_km": "501"},
                                 {"max_km": "tio"}])
def test_an_unknown_place_or_distance_is_refused_and_nothing_is_saved(app, world, db_session,
                                                                      bad):
    client = client_of(app, world.users["candidate self"])
    response = client.post("/kandidat/profil/", data=PROFILE | bad)
    assert response.status_code == 200
    if "home" in bad:
        assert "Vi känner inte till den platsen" in response.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(ProfileEdit)) == 0

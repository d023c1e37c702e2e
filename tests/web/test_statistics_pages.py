"""The statistics pages: the funder report (HTML with SVG charts and the numbers beside
them, CSV), the goals, and the outcome dashboard with its filters. Masked, never a person;
bad filters get a message, never an error page."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Consent, FunderGoal, Person
from assessor.services.placements.participation import ParticipationInput, save_participation
from assessor.services.placements.placing import PlacementInput, change_state, create_placement
from tests.web.access_world import build_world, client_of

YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


@pytest.fixture
def world(db_session):
    """Programme A: five men and one woman counted, each with a praktik started in March;
    a seventh person did not say yes to statistics."""
    world = build_world(db_session)
    coach = world.users["coach same org"]
    programme = world.organisations["Programme A"]
    for i, gender in enumerate(["man"] * 5 + ["woman", "man"]):
        person = Person(name=f"Namn {i}", gender=gender, organisation_id=programme.id)
        db_session.add(person)
        db_session.flush()
        if i < 6:
            db_session.add(Consent(person_id=person.id, purpose="statistics"))
        save_participation(db_session, coach, person, ParticipationInput(
            enrolled_on=date(2025, 2, 1), birth_year=2001), today=date(2025, 12, 31))
        placement = create_placement(db_session, coach, person, PlacementInput(
            kind="praktik", workplace="Verkstan", proposed_on=date(2025, 3, 1)),
            today=date(2025, 12, 31))
        change_state(db_session, coach, placement, "started", date(2025, 3, 3),
                     today=date(2025, 12, 31))
    db_session.commit()
    return world


def test_the_funder_report_shows_charts_with_numbers_and_masks_the_one_woman(app, world):
    client = client_of(app, world.users["coach same org"])
    page = client.get("/statistik/finansiar", query_string=YEAR).get_data(as_text=True)
    assert page.count("<svg") >= 3
    assert '<text x="246" y="22" class="chart-number">&lt;3</text>' in page  # women: no bar
    assert "Namn" not in page and "K-" not in page
    # with the total 6 shown, the men's 5 would give the woman away: it is hidden
    assert ">5<" not in page and "<td>6</td>" in page


def test_the_csv_download_is_masked_and_logged_as_an_export(app, world, db_session):
    client = client_of(app, world.users["coach same org"])
    response = client.get("/statistik/finansiar.csv", query_string=YEAR)
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True).lstrip("\ufeff")
    assert "outcomes;praktik;<3;–;0;0;6" in text.splitlines()
    logged = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.what == "statistics.funder")).all()
    assert [(e.action, e.person_id) for e in logged] == [("export", None)]


def test_a_coach_of_another_programme_counts_nobody_of_this_one(app, world):
    client = client_of(app, world.users["coach other org"])
    text = client.get("/statistik/finansiar.csv", query_string=YEAR).get_data(as_text=True)
    assert "participants;total;0;0;0;0;0" in text


def goals_in(db_session) -> list[tuple[str, int, str]]:
    db_session.expire_all()
    return [tuple(row) for row in db_session.execute(sa.select(
        FunderGoal.outcome, FunderGoal.percent, FunderGoal.name).order_by(FunderGoal.id))]


def test_the_coach_adds_and_removes_goals_each_shown_with_its_definition(app, world,
                                                                        db_session):
    client = client_of(app, world.users["coach same org"])
    page = client.get("/statistik/finansiar", query_string=YEAR).get_data(as_text=True)
    assert "standardmål" in page and "Lägg till målet" in page
    client.post("/statistik/mal", data={"outcome": "job_half_time", "percent": "50",
                                        "name": "Jobb 50–100 %"})
    client.post("/statistik/mal", data={"outcome": "job_or_studies", "percent": "60"})
    assert goals_in(db_session) == [("course_passed", 70, ""), ("job", 50, ""),
                                    ("job_half_time", 50, "Jobb 50–100 %"),
                                    ("job_or_studies", 60, "")]
    page = client.get("/statistik/finansiar", query_string=YEAR).get_data(as_text=True)
    assert "Jobb 50–100 %: minst 50 %" in page
    assert "minst 20 timmar i veckan" in page  # the half-time goal's definition
    assert "Lämnade programmet under perioden" in page
    for bad in ({"outcome": "job", "percent": "180"}, {"outcome": "diagnosis", "percent": "5"},
                {"outcome": "job", "percent": ""}, {"outcome": "job", "percent": "5",
                                                    "name": "x" * 121}):
        response = client.post("/statistik/mal", data=bad)
        assert response.status_code == 302
    assert len(goals_in(db_session)) == 4
    job = db_session.scalar(sa.select(FunderGoal.id).where(FunderGoal.outcome == "job"))
    other = client_of(app, world.users["coach other org"])
    assert other.post(f"/statistik/mal/{job}/ta-bort").status_code == 302
    assert len(goals_in(db_session)) == 4  # not that coach's programme: nothing removed
    client.post(f"/statistik/mal/{job}/ta-bort")
    assert [g[0] for g in goals_in(db_session)] == ["course_passed", "job_half_time",
                                                    "job_or_studies"]


def test_the_dashboard_shows_the_funnel_and_levels_masked_alike_for_every_gender(app, world):
    client = client_of(app, world.users["coach same org"])
    page = client.get("/statistik/utfall", query_string=YEAR)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and text.count("<svg") == 5  # the funnel and four areas
    assert 'class="chart-number">6</text>' in text  # found … placed, everyone
    men = client.get("/statistik/utfall", query_string=YEAR | {"gender": "man"})
    # 6 in all and one woman: the men's 5 would give her away, so the men's column is hidden
    assert 'class="chart-number">5</text>' not in men.get_data(as_text=True)
    assert 'class="chart-number">–</text>' in men.get_data(as_text=True)


@pytest.mark.parametrize("query", [
    {"start": "not a date"}, {"start": "2025-12-31", "end": "2025-01-01"},
    {"start": "0001-01-01"}, {"gender": "unknown"}, {"organisation": "99999999999"},
])
def test_bad_filters_get_a_message_and_the_default_never_an_error_page(app, world, query):
    for who in ("coach same org", "admin"):
        client = client_of(app, world.users[who])
        for url in ("/statistik/finansiar", "/statistik/utfall", "/statistik/finansiar.csv"):
            assert client.get(url, query_string=query).status_code == 200, (who, url, query)


@pytest.mark.parametrize("who", ["caseworker with consent", "candidate self"])
def test_statistics_are_for_coaches_and_admins_only(app, world, who):
    assert client_of(app, world.users[who]).get("/statistik/finansiar").status_code == 403

"""`kodprov demo`'s placements: participants of the demo programme at workplaces, with
follow-ups held and some overdue, so the placement pages, the overdue list and the funder
report (with its goals) show something. On SQLite and PostgreSQL, through the services."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from assessor.cli.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, create_demo
from assessor.cli.demo_placements import STORIES
from assessor.models import Placement, PlacementFollowUp, User
from assessor.services.placements import today_here
from assessor.services.placements.follow_ups import overdue_follow_ups
from assessor.services.statistics.funder import funder_statistics
from tests.app_settings import catalogue

COACH = DEMO_ACCOUNTS[2][0]


def demo_coach(db_session) -> User:
    create_demo(db_session, catalogue)
    db_session.commit()
    return db_session.scalar(sa.select(User).where(User.email == COACH))


def test_the_demo_has_placements_in_every_state_with_follow_ups(db_session):
    coach = demo_coach(db_session)
    placements = db_session.scalars(sa.select(Placement)).all()
    assert len(placements) == len(STORIES)
    assert {p.state for p in placements} == {"proposed", "started", "employed", "ended"}
    assert all(p.person.organisation_id == coach.organisation_id for p in placements)
    held = db_session.scalar(sa.select(sa.func.count()).select_from(PlacementFollowUp).where(
        PlacementFollowUp.held_on.is_not(None)))
    assert held >= 30
    late = {o.person.name for o in overdue_follow_ups(db_session, coach)}
    # Alex's last 45 days of follow-ups wait (at least one monthly one); Dana's and Ivar's
    # last 20 and 10 days may hold one, depending on the day the demo is loaded
    assert "Alex Exempel" in late and late <= {"Alex Exempel", "Dana Exempel", "Ivar Exempel"}


def test_the_demo_funder_report_counts_participants_leavers_and_goals(db_session):
    coach = demo_coach(db_session)
    today = today_here()
    report = funder_statistics(db_session, coach, date(today.year - 1, today.month, 1), today,
                               coach.organisation_id)
    assert report.participants[("total", "total")].text == str(len(STORIES))
    exited = {g.column: g.exited for g in report.goals}
    assert exited["total"].text == str(sum(1 for s in STORIES if s.left is not None))
    job = next(g for g in report.goals if g.outcome == "job" and g.column == "total")
    assert job.reached.text == "3" and job.share is not None


def test_the_coach_sees_the_demo_placements_in_the_browser_pages(app, client, db_session):
    demo_coach(db_session)
    client.post("/konto/logga-in", data={"email": COACH, "password": DEMO_PASSWORD})
    overdue = client.get("/placeringar/forsenade").get_data(as_text=True)
    assert "Kodverkstan AB" in overdue and "Alex Exempel" in overdue
    placement = db_session.scalar(sa.select(Placement).where(
        Placement.workplace == "IT-enheten, Exempelkommunen"))
    page = client.get(f"/placeringar/{placement.id}").get_data(as_text=True)
    assert "Trivs, vill ha fler uppgifter." in page
    report = client.get("/statistik/finansiar").get_data(as_text=True)
    assert "Lämnade programmet under perioden" in report and "Exempel" not in report

"""Placement and statistics service tests run on SQLite and on PostgreSQL (dates, checks on
states and reasons, and cascades behave differently on each)."""

from __future__ import annotations

import pytest

from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from assessor.services.matching.proposals import answer, propose
from tests.app_settings import catalogue
from tests.services import BOTH_DATABASES, database_of_kind
from tests.web.access_world import build_world


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_placements") as url:
        yield url


@pytest.fixture
def world(db_session):
    """Tove (programme A, yes to the tests) and the staff around her, an employer of
    programme A with a praktik opening, and Tove's yes to it."""
    world = build_world(db_session)
    coach = world.users["coach same org"]
    world.coach = coach
    world.employer = add_employer(db_session, coach, "Kodbolaget AB", municipality="Lund")
    world.opening = save_opening(db_session, coach, world.employer, OpeningInput(
        title="Testare", hours_per_week=20))
    world.proposal = propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    answer(db_session, world.users["candidate self"], world.proposal, agree=True)
    db_session.commit()
    return world

"""Development-plan and progress service tests run on SQLite and on PostgreSQL (dates, checks
on states and ratings, and cascades behave differently on each)."""

from __future__ import annotations

import pytest

from tests.services import BOTH_DATABASES, database_of_kind
from tests.web.access_world import build_world


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_plans") as url:
        yield url


@pytest.fixture
def world(db_session):
    """Tove (programme A, yes to the tests, one hand-in in programming) and the staff
    around her (tests/web/access_world.py)."""
    world = build_world(db_session)
    world.coach = world.users["coach same org"]
    world.me = world.users["candidate self"]
    return world

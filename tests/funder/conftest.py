"""SUS and indicator-survey service tests run on SQLite and on PostgreSQL (JSON columns,
check constraints and cascades behave differently on each)."""

from __future__ import annotations

import pytest

from tests.services import BOTH_DATABASES, database_of_kind
from tests.web.access_world import build_world


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_funder") as url:
        yield url


@pytest.fixture
def world(db_session):
    """Tove (programme A, a login, yes to the tests, no yes to SUS) and the staff around her."""
    world = build_world(db_session)
    world.coach = world.users["coach same org"]
    return world

"""The rights tests run on SQLite and on PostgreSQL: deletions lean on each database's
cascades, and dates on each one's way of comparing them."""

from __future__ import annotations

import pytest

from tests.services import fresh_postgres_database
from tests.web.access_world import build_world


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    with fresh_postgres_database("kodprov_rights") as url:
        yield url


@pytest.fixture
def world(db_session):
    """Tove and the staff around her (tests/web/access_world.py)."""
    return build_world(db_session)

"""The rights tests run on SQLite and on PostgreSQL: deletions lean on each database's
cascades, and dates on each one's way of comparing them."""

from __future__ import annotations

import pytest

from tests.services import BOTH_DATABASES, database_of_kind
from tests.web.access_world import build_world


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_rights") as url:
        yield url


@pytest.fixture
def world(db_session):
    """Tove and the staff around her (tests/web/access_world.py)."""
    return build_world(db_session)

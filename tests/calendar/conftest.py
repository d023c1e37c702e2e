"""The calendar's services run on SQLite and on PostgreSQL: dates, times and the unique
sign-up per address compare the way each database does."""

from __future__ import annotations

import pytest

from tests.services import BOTH_DATABASES, database_of_kind


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_calendar") as url:
        yield url


@pytest.fixture
def coach(programme_coach):
    """A coach of a programme of their own."""
    return programme_coach()

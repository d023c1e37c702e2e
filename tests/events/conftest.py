"""The evening tests run on SQLite and on PostgreSQL: joins race on unique nicknames, and
windows compare times the way each database does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assessor.services import events
from tests.app_settings import catalogue
from tests.services import BOTH_DATABASES, database_of_kind

NOW = datetime.now(UTC)


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_events") as url:
        yield url


@pytest.fixture
def coach(programme_coach):
    """A coach of a programme of their own."""
    return programme_coach()


@pytest.fixture
def make_event(db_session, coach):
    """``make_event(remote=False, starts=-1h, ends=+1h, adaptive=False)``: an evening of the
    coach's, going on now unless told otherwise."""

    def make(*, remote: bool = False, starts: timedelta = timedelta(hours=-1),
             ends: timedelta = timedelta(hours=1), challenges=("p1-summa-medel",), by=None,
             adaptive: bool = False):
        event = events.create_event(db_session, events.NewEvent(
            name="Tisdagskväll", starts_at=NOW + starts, ends_at=NOW + ends,
            place="" if remote else "Rum 3", remote=remote,
            video_link="https://video.example.se/kvall" if remote else "",
            challenge_ids=tuple(challenges), adaptive=adaptive), by=by or coach,
            catalogue=catalogue)
        db_session.commit()
        return event

    return make

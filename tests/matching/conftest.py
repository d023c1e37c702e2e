"""The matching service tests run on SQLite and on PostgreSQL (JSON columns, unique pairs and
cascades behave differently on each)."""

from __future__ import annotations

import pytest

from assessor.models import Consent
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from tests.services import BOTH_DATABASES, database_of_kind
from tests.web.access_world import build_world


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_matching") as url:
        yield url


@pytest.fixture
def world(db_session):
    """Tove (programme A, yes to the tests) and the staff around her, plus an employer of
    programme A with one praktik opening that needs no level and answers "no" to a quiet
    room."""
    world = build_world(db_session)
    coach = world.users["coach same org"]
    world.employer = add_employer(db_session, coach, "Kodbolaget AB", municipality="Lund")
    world.opening = save_opening(db_session, coach, world.employer, OpeningInput(
        title="Testare", offers={"env.quiet_space": "no", "comm.written": "yes"},
        tags="python, test", place="Lund"))
    db_session.commit()
    return world


def yes_to_tests(db_session, person) -> None:
    """Give ``person`` a yes to the tests."""
    db_session.add(Consent(person_id=person.id, purpose="assessment"))
    db_session.flush()

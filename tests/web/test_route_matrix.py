"""Every route × every role: the status each gets, and an access-log entry for each of it.

The matrix names every (endpoint, method) of ``app.url_map``: a new route without a row fails
``test_the_matrix_names_every_route``. Each request is about Tove (see ``access_world``), whose
questionnaire is left open and whose follow-up is not recorded yet; her state is put back
before every request, so a request that changes something does not decide the next one.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog
from tests.conftest import TEST_PASSWORD
from tests.web.access_world import CHALLENGE
from tests.web.route_matrix_rows import LISTED_FOR, MATRIX
from tests.web.route_matrix_statuses import ACTORS
from tests.web.route_matrix_world import build_matrix_world, put_back

STAFF = frozenset(ACTORS[3:])


@pytest.fixture
def world(db_session):
    return build_matrix_world(db_session)


def routes(app) -> set[tuple[str, str]]:
    """(endpoint, method) for every URL rule but static files."""
    return {(rule.endpoint, method) for rule in app.url_map.iter_rules()
            if rule.endpoint != "static"
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"})}


def test_the_matrix_names_every_route(app):
    assert routes(app) == set(MATRIX)


def url_for_rule(app, endpoint: str, world) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {"public_id": world.tove.public_id, "follow_up_id": world.follow_up.id,
              "submission_id": world.submission.id, "challenge_id": CHALLENGE,
              "name": "medel.py", "number": 1, "request_id": world.request.id,
              "code": "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "user_id": world.users["candidate self"].id,
              "organisation_id": world.organisations["Programme A"].id,
              "event_id": world.event.id, "participant_id": world.place.id,
              "help_id": world.help.id, "fmt": "csv", "token": "unknown-link",
              "employer_id": world.employer.id, "opening_id": world.opening.id,
              "proposal_id": world.proposal.id, "lead_id": world.lead.id,
              "criterion_id": world.criterion.id,
              "placement_id": world.placement.id, "area_id": world.pool_area.id,
              "entry_id": world.pool_entry.id, "day": "2026-12-08", "break_id": 1,
              "programme_id": world.organisations["Programme A"].id, "point": "start",
              "goal_id": 1,
              "snapshot_id": world.snapshot.id, "run_id": world.run.id}
    return rule.build({k: v for k, v in values.items() if k in rule.arguments},
                      append_unknown=False)[1]


def logged_in(app, world, actor: str):
    client = app.test_client()
    if actor != "anonymous":
        response = client.post("/konto/logga-in", data={"email": world.users[actor].email,
                                                        "password": TEST_PASSWORD})
        assert response.status_code == 302, actor
    return client


def new_entries(db_session, since: int) -> list[AccessLog]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(AccessLog).where(AccessLog.id > since)))


def last_id(db_session) -> int:
    return db_session.scalar(sa.select(sa.func.max(AccessLog.id))) or 0


def log_problem(actor: str, endpoint: str, status: int, about_tove: bool, entries,
                world) -> str | None:
    """What is wrong with the log entries one request wrote, or None."""
    user = world.users.get(actor)
    mine = [e for e in entries if user is not None and e.actor_id == user.id]
    if status == 403 and actor != "anonymous" and not any(e.action == "denied" for e in mine):
        return "a refusal without a 'denied' entry"
    own = world.own_person.get(user.id) if user is not None else None  # a logged export
    if endpoint not in LISTED_FOR and any(e.person_id not in (None, world.tove.id, own)
                                          for e in mine):
        return "an entry about someone else"
    expected = about_tove and actor in STAFF and status != 403 and (
        endpoint not in LISTED_FOR or actor in LISTED_FOR[endpoint])
    if expected and not any(e.person_id == world.tove.id for e in mine):
        return "a staff access without an entry about the person"
    return None


def test_every_route_answers_every_role_as_the_policy_says_and_logs_it(app, world,
                                                                      db_session):
    clients = {actor: logged_in(app, world, actor) for actor in ACTORS}
    problems = []
    for (endpoint, method), (statuses, about_tove) in sorted(MATRIX.items()):
        url = url_for_rule(app, endpoint, world)
        for actor, expected in zip(ACTORS, statuses, strict=True):
            put_back(db_session, world)
            since = last_id(db_session)
            status = clients[actor].open(url, method=method).status_code
            if status != expected:
                problems.append(f"{method} {url} ({endpoint}) as {actor}: {status}, "
                                f"expected {expected}")
            problem = log_problem(actor, endpoint, status, about_tove,
                                  new_entries(db_session, since), world)
            if problem:
                problems.append(f"{method} {url} ({endpoint}) as {actor}: {problem}")
            if endpoint in ("auth.logout", "auth.logout_everywhere") and actor != "anonymous":
                clients[actor] = logged_in(app, world, actor)
    assert problems == [], "\n".join(problems)

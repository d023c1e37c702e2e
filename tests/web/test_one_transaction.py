"""One transaction per request: what a view writes is committed after it only when the answer
is not an error; an exception or an error answer leaves nothing written, and a grade is queued
only once its submission is committed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import AccessLog, Organisation, Person, Submission
from web import database
from web.access import public

CHALLENGE = "p1-summa-medel"
FIELD = "file:medel.py"
ROBIN = {"name": "Robin", "tests_consent": "y"}
CODE = "def medel(tal):\n    return sum(tal) / len(tal)\n"


class FailureOfOursError(RuntimeError):
    """A failure of ours, after the view has written."""


def count(db_session: Session, model) -> int:
    db_session.expire_all()
    return db_session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def crashing(app):
    """Let an unexpected exception become the 500 page a visitor gets."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


@pytest.fixture
def writes_then_answers(app):
    """A route that adds an organisation, then answers with the status in its address."""

    @app.route("/prov/skriv/<int:status>", methods=["POST"])
    @public
    def write_then_answer(status: int):
        database.session().add(Organisation(name=f"Skriven vid {status}"))
        database.session().flush()
        return "svar", status

    return app


@pytest.mark.parametrize("status", [200, 201, 302])
def test_a_view_that_answers_without_an_error_has_its_writes_committed(
        writes_then_answers, client, db_session, status):
    assert client.post(f"/prov/skriv/{status}").status_code == status
    assert count(db_session, Organisation) == 1


@pytest.mark.parametrize("status", [400, 403, 404, 409, 429, 500])
def test_a_view_that_answers_with_an_error_leaves_nothing_written(
        writes_then_answers, client, db_session, status):
    assert client.post(f"/prov/skriv/{status}").status_code == status
    assert count(db_session, Organisation) == 0


def test_an_exception_in_a_view_after_a_write_leaves_nothing_written(
        crashing, client, make_user, login, db_session, monkeypatch):
    login(make_user(role="caseworker"))
    before = count(db_session, Person)

    def fail(*_args, **_kwargs):
        raise FailureOfOursError("after the person was added")

    monkeypatch.setattr("web.people.routes.flash", fail)  # runs after add_person flushed
    assert client.post("/personer/ny", data=ROBIN).status_code == 500
    assert count(db_session, Person) == before


def test_the_same_request_without_the_exception_adds_the_person(
        client, make_user, login, db_session):
    login(make_user(role="caseworker"))
    before = count(db_session, Person)
    assert client.post("/personer/ny", data=ROBIN).status_code == 302
    assert count(db_session, Person) == before + 1


def test_a_refusal_is_logged_although_the_refused_request_is_rolled_back(
        client, make_user, login, db_session):
    user = make_user(role="caseworker")
    login(user)
    assert client.get("/admin/").status_code == 403
    db_session.expire_all()
    denied = db_session.scalars(sa.select(AccessLog).where(AccessLog.actor_id == user.id)).all()
    assert [entry.action for entry in denied] == ["denied"]


@pytest.fixture
def queue(app):
    """A queue that notes, at the moment of each enqueue, what another session sees."""

    class Watching:
        def __init__(self) -> None:
            self.seen: list[tuple[int, str | None]] = []

        def enqueue(self, submission_id: int) -> None:
            with Session(app.extensions["kodprov_db"].engine) as other:
                status = other.scalar(sa.select(Submission.status)
                                      .where(Submission.id == submission_id))
            self.seen.append((submission_id, status))

        def close(self) -> None:
            pass

    app.extensions["kodprov_queue"].close()
    app.extensions["kodprov_queue"] = Watching()
    return app.extensions["kodprov_queue"]


def hand_in(client, token: str = "t1"):
    return client.post(f"/uppgifter/{CHALLENGE}/skicka",
                       data={FIELD: CODE, "kind": "attempt", "token": token},
                       headers={"Accept": "application/json"})


def test_a_grade_is_queued_only_once_its_submission_is_committed(
        queue, client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    response = hand_in(client)
    assert response.status_code == 200
    submission_id = response.get_json()["id"]
    assert queue.seen == [(submission_id, "queued")]  # another session saw the row


def test_a_repeated_hand_in_is_not_queued_again(queue, client, make_user, login):
    login(make_user(tests_consent=True))
    first, again = hand_in(client, "same"), hand_in(client, "same")
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(queue.seen) == 1


def test_a_hand_in_that_fails_after_it_was_written_queues_nothing_and_stores_nothing(
        crashing, queue, client, make_user, login, db_session, monkeypatch):
    login(make_user(tests_consent=True))

    def fail(*_args, **_kwargs):
        raise FailureOfOursError("after the submission was written and its grade asked for")

    monkeypatch.setattr("web.challenges.routes.url_for", fail)
    assert hand_in(client).status_code == 500
    assert queue.seen == []
    assert count(db_session, Submission) == 0


def test_a_hand_in_refused_with_a_message_queues_nothing(
        queue, client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    response = client.post(f"/uppgifter/{CHALLENGE}/skicka",
                           data={FIELD: "   ", "kind": "attempt", "token": "empty"},
                           headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert queue.seen == [] and count(db_session, Submission) == 0

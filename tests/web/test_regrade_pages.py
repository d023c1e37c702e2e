"""The admin's regrade page: count, start through the queue, follow the progress as JSON,
runs listed; bad input gets a message and changes nothing. Reports then say what changed."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
import sqlalchemy as sa

from assessor.models import RegradeItem, RegradeRun, Submission
from assessor.services.jobs import GradeOutcome
from tests.jobs.conftest import RecordingGrader
from tests.web.access_world import CHALLENGE, build_world, client_of


@pytest.fixture
def app_config():
    """Every regrade here gives full marks (the grader, not the sandbox, is under test)."""
    return {"KODPROV_GRADER": RecordingGrader(GradeOutcome(score=1.0))}


@pytest.fixture
def world(db_session):
    world = build_world(db_session)
    submission = db_session.get(Submission, world.submission.id)
    submission.score = 0.5  # Tove's hand-in: half the tests, before the task was fixed
    db_session.commit()
    return world


def runs(db_session) -> list[RegradeRun]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(RegradeRun)))


def test_the_admin_counts_starts_and_sees_the_run_finish_with_old_and_new_scores(
        app, world, db_session):
    admin = client_of(app, world.users["admin"])
    counted = admin.get(f"/admin/omrattning?challenge={CHALLENGE}").get_data(as_text=True)
    assert 'data-regrade-count="1"' in counted
    assert "1 sparad inlämning rättas igen." in counted
    assert runs(db_session) == []  # counting changes nothing
    started = admin.post("/admin/omrattning", data={"challenge": CHALLENGE})
    [run] = runs(db_session)
    assert started.status_code == 302 and started.location.endswith(
        f"/admin/omrattning/{run.id}")
    status = admin.get(f"/admin/omrattning/{run.id}/status").get_json()
    assert {k: status[k] for k in ("total", "waiting", "done", "changed", "failed",
                                   "finished")} == {
        "total": 1, "waiting": 0, "done": 1, "changed": 1, "failed": 0, "finished": True}
    assert [(c["id"], c["code"], c["old"], c["new"]) for c in status["changes"]] == [
        (world.submission.id, world.tove.public_id, "50 %", "100 %")]
    page = admin.get(f"/admin/omrattning/{run.id}")
    text = page.get_data(as_text=True)
    assert f'data-change="{world.submission.id}"' in text and "50 %" in text
    scripts = re.findall(r"<script[^>]*>", text)
    assert any("js/regrade-progress.js" in tag for tag in scripts)
    assert all("src=" in tag for tag in scripts)  # no inline script
    assert "'unsafe-inline'" not in page.headers["Content-Security-Policy"].split(
        "script-src", 1)[1].split(";")[0]
    listed = admin.get("/admin/omrattning").get_data(as_text=True)
    assert f'data-run="{run.id}"' in listed


@pytest.mark.parametrize(("data", "message"), [
    ({"challenge": "no-such-task"}, "Den uppgiften finns inte."),
    ({"challenge": CHALLENGE, "since": "2026-13-45"}, "Inte ett giltigt datum"),
    ({"challenge": ""}, "Välj en uppgift."),
])
def test_bad_input_gets_a_message_and_starts_nothing(app, world, db_session, data, message):
    admin = client_of(app, world.users["admin"])
    page = admin.post("/admin/omrattning", data=data)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert 'class="error-summary"' in text and message in text
    assert runs(db_session) == []
    assert db_session.get(Submission, world.submission.id).regraded_at is None


def test_an_unknown_task_counted_gets_a_message(app, world):
    admin = client_of(app, world.users["admin"])
    page = admin.get("/admin/omrattning?challenge=no-such-task")
    assert page.status_code == 200
    assert "Den uppgiften finns inte." in page.get_data(as_text=True)


def test_a_regrade_of_a_task_that_is_running_is_refused(app, world, db_session):
    submission = db_session.get(Submission, world.submission.id)
    submission.status = "queued"
    db_session.add(RegradeRun(challenge_id=CHALLENGE, started_by_role="admin",
                              items=[RegradeItem(submission_id=submission.id, old_score=0.5)]))
    db_session.commit()
    admin = client_of(app, world.users["admin"])
    page = admin.post("/admin/omrattning", data={"challenge": CHALLENGE})
    assert "Uppgiften rättas redan om." in page.get_data(as_text=True)
    assert len(runs(db_session)) == 1


def test_a_run_that_does_not_exist_is_404_and_staff_who_are_not_admins_are_refused(app,
                                                                                   world):
    assert client_of(app, world.users["admin"]).get("/admin/omrattning/999").status_code == 404
    coach = client_of(app, world.users["coach same org"])
    assert coach.post("/admin/omrattning", data={"challenge": CHALLENGE}).status_code == 403


def test_the_report_and_its_pdf_say_which_task_was_checked_again(app, world, db_session):
    admin = client_of(app, world.users["admin"])
    admin.post("/admin/omrattning", data={"challenge": CHALLENGE})
    tove = client_of(app, world.users["candidate self"])
    page = tove.get(f"/rapport/{world.tove.public_id}").get_data(as_text=True)
    assert "Uppgifter som rättats igen" in page
    assert "Förut klarade lösningen 50 % av testerna. Nu: 100 %." in page
    from pypdf import PdfReader

    pdf = tove.get(f"/rapport/{world.tove.public_id}.pdf").data
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "rättades igen" in " ".join(text.split())


def test_a_report_without_a_changed_score_says_nothing_about_regrades(app, world, db_session):
    submission = db_session.get(Submission, world.submission.id)
    submission.score = 1.0
    db_session.commit()
    client_of(app, world.users["admin"]).post("/admin/omrattning", data={"challenge": CHALLENGE})
    assert len(runs(db_session)) == 1
    tove = client_of(app, world.users["candidate self"])
    assert "rättats igen" not in tove.get(f"/rapport/{world.tove.public_id}").get_data(
        as_text=True)

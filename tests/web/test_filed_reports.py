"""Filed versions: each delivered report PDF is kept byte for byte, listed on the report page
for those who may read the report (their own organisation's copies), and downloaded unchanged
after a regrade has changed the report of today. Every read is logged."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Consent, ReportSnapshot, Submission
from assessor.services.jobs import GradeOutcome
from tests.jobs.conftest import RecordingGrader
from tests.web.access_world import CHALLENGE, build_world, client_of, person_of


@pytest.fixture
def app_config():
    return {"KODPROV_GRADER": RecordingGrader(GradeOutcome(score=1.0))}


@pytest.fixture
def world(db_session):
    """Tove (half the tests of her task passed) also shares her report with agency B."""
    world = build_world(db_session)
    db_session.get(Submission, world.submission.id).score = 0.5
    db_session.add(Consent(person_id=world.tove.id, purpose="share_report",
                           recorded_by_id=world.tove.user_id,
                           organisation_id=world.organisations["Agency B"].id))
    db_session.commit()
    return world


def snapshots(db_session) -> list[ReportSnapshot]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(ReportSnapshot).order_by(ReportSnapshot.id)))


def test_a_download_is_filed_and_its_copy_comes_back_unchanged_after_a_regrade(
        app, world, db_session):
    code = world.tove.public_id
    caseworker = client_of(app, world.users["caseworker with consent"])
    delivered = caseworker.get(f"/rapport/{code}.pdf").data
    [snapshot] = snapshots(db_session)
    assert snapshot.sha256 == hashlib.sha256(delivered).hexdigest()
    assert (snapshot.delivered_by_role, snapshot.delivered_for_id) == (
        "caseworker", world.organisations["Agency A"].id)
    client_of(app, world.users["admin"]).post("/admin/omrattning", data={"challenge": CHALLENGE})
    today = caseworker.get(f"/rapport/{code}.pdf").data
    assert today != delivered
    page = caseworker.get(f"/rapport/{code}").get_data(as_text=True)
    assert "Arkiverade versioner" in page and snapshot.sha256 in page
    filed = caseworker.get(f"/rapport/{code}/arkiv/{snapshot.id}.pdf")
    assert filed.status_code == 200 and filed.mimetype == "application/pdf"
    assert filed.data == delivered
    assert hashlib.sha256(filed.data).hexdigest() == snapshot.sha256
    assert len(snapshots(db_session)) == 2  # the copy itself is not filed again
    logged = db_session.scalars(sa.select(AccessLog.what).where(
        AccessLog.actor_id == world.users["caseworker with consent"].id,
        AccessLog.person_id == world.tove.id)).all()
    assert f"report.filed #{snapshot.id}" in logged


def test_each_organisation_sees_its_own_copies_the_person_and_the_coach_see_all(
        app, world, db_session):
    code = world.tove.public_id
    client_of(app, world.users["caseworker with consent"]).get(f"/rapport/{code}.pdf")
    [copy] = snapshots(db_session)
    other_agency = client_of(app, world.users["caseworker without consent"])
    assert copy.sha256 not in other_agency.get(f"/rapport/{code}").get_data(as_text=True)
    assert other_agency.get(f"/rapport/{code}/arkiv/{copy.id}.pdf").status_code == 404
    for reader in ("candidate self", "coach same org"):
        reading = client_of(app, world.users[reader])
        assert copy.sha256 in reading.get(f"/rapport/{code}").get_data(as_text=True)
        assert reading.get(f"/rapport/{code}/arkiv/{copy.id}.pdf").status_code == 200


def test_a_copy_is_refused_and_logged_for_who_may_not_read_the_report(app, world, db_session):
    code = world.tove.public_id
    client_of(app, world.users["candidate self"]).get(f"/rapport/{code}.pdf")
    [copy] = snapshots(db_session)
    stranger = client_of(app, world.users["coach other org"])
    assert stranger.get(f"/rapport/{code}/arkiv/{copy.id}.pdf").status_code == 403
    refused = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.actor_id == world.users["coach other org"].id)).all()
    assert [(e.action, e.what) for e in refused] == [("denied", f"report.filed #{copy.id}")]


def test_a_copy_of_another_person_under_this_code_is_not_found(app, world, db_session):
    other = client_of(app, world.users["candidate other"])
    other.get(f"/rapport/{person_of(db_session, world.users['candidate other']).public_id}.pdf")
    [ulfs] = snapshots(db_session)
    tove = client_of(app, world.users["candidate self"])
    assert tove.get(f"/rapport/{world.tove.public_id}/arkiv/{ulfs.id}.pdf").status_code == 404


"""Filed report copies and regrade records are the person's data: in the export, gone with an
erasure, gone when retention erases an inactive person (on SQLite and PostgreSQL)."""

from __future__ import annotations

import base64

import sqlalchemy as sa

from assessor.models import Person, RegradeItem, RegradeRun, ReportSnapshot
from assessor.services.reports.filed import file_delivery, sha256_of
from assessor.services.rights import erasure, retention
from assessor.services.rights.export import collect
from tests.app_settings import catalogue
from tests.rights.test_retention import make_inactive
from tests.web.access_world import CHALLENGE

PDF = b"%PDF-1.7\n% a delivered report\n"


def filed(db_session, world, person=None, reader="caseworker with consent") -> ReportSnapshot:
    snapshot = file_delivery(db_session, world.users[reader], person or world.tove, PDF,
                             filename="kodprov-x.pdf", bank_version="2026-12-01-a-1")
    run = RegradeRun(challenge_id=CHALLENGE, started_by_role="admin", items=[
        RegradeItem(submission_id=world.submission.id, old_score=0.5)])
    db_session.add(run)
    db_session.commit()
    return snapshot


def count(db_session, model) -> int:
    db_session.expire_all()
    return db_session.scalar(sa.select(sa.func.count()).select_from(model))


def test_the_export_holds_each_filed_copy_byte_for_byte(db_session, world):
    filed(db_session, world)
    data = collect(db_session, world.tove, catalogue=catalogue)
    [copy] = data["filed_reports"]
    assert base64.b64decode(copy["pdf_base64"]) == PDF
    assert copy["sha256"] == sha256_of(PDF)
    assert (copy["delivered_to"], copy["item_bank"]) == ("caseworker", "2026-12-01-a-1")
    [hand_in] = data["hand_ins"]
    assert "score_before_regrade" in hand_in and "regraded_at" in hand_in


def test_an_erasure_deletes_filed_copies_and_regrade_records(db_session, world):
    filed(db_session, world)
    erasure.erase(db_session, world.tove, world.users["admin"], "asked")
    db_session.commit()
    assert count(db_session, ReportSnapshot) == 0
    assert count(db_session, RegradeItem) == 0
    assert count(db_session, RegradeRun) == 1  # the run itself holds nobody's data


def test_retention_erases_the_filed_copies_of_an_inactive_person(db_session, world):
    ulf = db_session.scalar(sa.select(Person).where(Person.name == "Ulf Annan"))
    filed(db_session, world)
    file_delivery(db_session, world.users["candidate other"], ulf, PDF, filename="ulf.pdf")
    db_session.commit()
    make_inactive(db_session, ulf)  # a download is no activity of the person's
    retention.apply(db_session)
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(Person, ulf.id) is None
    assert db_session.scalars(sa.select(ReportSnapshot.person_id)).all() == [world.tove.id]

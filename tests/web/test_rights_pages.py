"""The person's rights on the web: their data as a page and a file, who read it, asking for
erasure or restriction; the admins' access log and requests."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Person, RightsRequest, Submission
from tests.web.access_world import build_world, client_of


@pytest.fixture
def world(db_session):
    return build_world(db_session)



def entries(db_session, **where) -> list[AccessLog]:
    db_session.expire_all()
    query = sa.select(AccessLog).order_by(AccessLog.id)
    for name, value in where.items():
        query = query.where(getattr(AccessLog, name) == value)
    return list(db_session.scalars(query))


def with_hidden_test(db_session, world) -> None:
    """Tove's hand-in has a staff test whose input the person must never see."""
    submission = db_session.get(Submission, world.submission.id)
    submission.result = {"challenge_id": "p1-summa-medel", "seed": 0, "gradable": True,
                         "tests": [{"name": "secret", "max_points": 1.0, "passed": False,
                                    "visibility": "staff", "input": "HIDDEN-INPUT-42",
                                    "expected": "HIDDEN-EXPECTED", "got": "x", "message": "",
                                    "problem": "wrong_output"}]}
    db_session.commit()


def test_the_person_downloads_all_their_data_as_json_and_the_export_is_logged(app, world,
                                                                              db_session):
    with_hidden_test(db_session, world)
    client = client_of(app, world.users["candidate self"])
    response = client.get("/kandidat/mina-uppgifter.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.data)
    assert data["person"]["code_name"] == world.tove.public_id
    assert data["account"]["email"] == world.users["candidate self"].email
    assert [c["purpose"] for c in data["consents"]] == ["assessment", "share_report"]
    assert data["questionnaires"][0]["answers"]
    assert data["hand_ins"][0]["files"] == {"medel.py": "print(1)"}
    assert data["follow_ups"][0]["area"] == "programmering"
    assert {r["area"] for r in data["reports"]} >= {"programmering"}
    assert any(c["data"] == "follow_up" for c in data["retention"])
    assert b"HIDDEN-INPUT-42" not in response.data and b"HIDDEN-EXPECTED" not in response.data
    assert [(e.action, e.what) for e in entries(db_session, person_id=world.tove.id)
            if e.what == "export"] == [("export", "export")]


def test_the_readable_page_shows_the_data_and_links_the_file(app, world):
    client = client_of(app, world.users["candidate self"])
    page = client.get("/kandidat/mina-uppgifter").get_data(as_text=True)
    assert world.tove.public_id in page and "print(1)" in page
    assert "/kandidat/mina-uppgifter.json" in page and "/kandidat/vem-har-last" in page
    english = client_of(app, world.users["candidate self"])
    english.post("/sprak", data={"locale": "en"})
    assert "Your data" in english.get("/kandidat/mina-uppgifter").get_data(as_text=True)


def test_the_person_sees_who_read_their_report_by_role_and_organisation_never_an_email(
        app, world):
    coach = world.users["coach same org"]
    assert client_of(app, coach).get(f"/rapport/{world.tove.public_id}").status_code == 200
    assert client_of(app, world.users["coach other org"]).get(
        f"/rapport/{world.tove.public_id}").status_code == 403
    page = client_of(app, world.users["candidate self"]).get(
        "/kandidat/vem-har-last").get_data(as_text=True)
    assert "Handledare på Programme A" in page and "läste din rapport" in page
    assert "Handledare på Programme B" in page and "Nekad" in page
    assert coach.email not in page and coach.name not in page


def test_another_candidate_never_sees_toves_log(app, world):
    page = client_of(app, world.users["candidate other"]).get(
        "/kandidat/vem-har-last").get_data(as_text=True)
    assert "Programme A" not in page


def test_the_person_asks_for_erasure_and_sees_when_it_is_due(app, world, db_session):
    client = client_of(app, world.users["candidate self"])
    response = client.post("/kandidat/radera", data={"kind": "erasure"})
    assert response.status_code == 302
    request = db_session.scalar(sa.select(RightsRequest))
    assert (request.person_id, request.kind, request.requested_by_role) == (
        world.tove.id, "erasure", "candidate")
    page = client.get("/kandidat/radera").get_data(as_text=True)
    assert "genomförs senast" in page


def test_a_request_of_no_known_kind_stores_nothing(app, world, db_session):
    client = client_of(app, world.users["candidate self"])
    assert client.post("/kandidat/radera", data={"kind": "everything"}).status_code == 200
    assert db_session.scalar(sa.select(sa.func.count()).select_from(RightsRequest)) == 0


def test_a_coach_asks_on_the_persons_behalf_and_an_admin_carries_it_out(app, world,
                                                                         db_session):
    coach = client_of(app, world.users["coach same org"])
    assert coach.post(f"/personer/{world.tove.public_id}/integritet",
                      data={"kind": "restriction"}).status_code == 302
    admin = client_of(app, world.users["admin"])
    page = admin.get("/admin/begaran").get_data(as_text=True)
    assert world.tove.public_id in page and "Begränsa mina uppgifter" in page
    request = db_session.scalar(sa.select(RightsRequest))
    assert admin.post(f"/admin/begaran/{request.id}").status_code == 302
    db_session.expire_all()
    assert db_session.get(Person, world.tove.id).restricted_at is not None
    assert "Inga öppna begäranden" in admin.get("/admin/begaran").get_data(as_text=True)
    refused = coach.get(f"/handledare/person/{world.tove.public_id}")
    assert refused.status_code == 403 and "begränsade" in refused.get_data(as_text=True)
    assert world.tove.public_id not in coach.get("/personer/").get_data(as_text=True)


def test_an_overdue_request_is_marked(app, world, db_session):
    db_session.add(RightsRequest(person_id=world.tove.id, public_id=world.tove.public_id,
                                 kind="erasure", requested_by_role="candidate",
                                 received_at=datetime.now(UTC) - timedelta(days=40),
                                 due_at=datetime.now(UTC) - timedelta(days=9)))
    db_session.commit()
    page = client_of(app, world.users["admin"]).get("/admin/begaran").get_data(as_text=True)
    assert "Försenad" in page


def test_the_admin_filters_the_access_log_by_person_account_and_days(app, world, db_session):
    client_of(app, world.users["coach same org"]).get(f"/rapport/{world.tove.public_id}")
    admin = client_of(app, world.users["admin"])
    by_code = admin.get(f"/admin/atkomstlogg?code={world.tove.public_id.lower()}")
    assert by_code.status_code == 200
    text = by_code.get_data(as_text=True)
    assert world.users["coach same org"].email in text and "<code>report</code>" in text
    # reading the log about Tove is itself logged about her
    assert any(e.what == "access_log" and e.actor_id == world.users["admin"].id
               for e in entries(db_session, person_id=world.tove.id))
    by_email = admin.get("/admin/atkomstlogg?email=coach.other.org@example.se")
    assert world.users["coach same org"].email not in by_email.get_data(as_text=True)
    tomorrow = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    later = admin.get(f"/admin/atkomstlogg?since={tomorrow}").get_data(as_text=True)
    assert "Inga rader" in later


def test_the_access_log_pages_fifty_at_a_time(app, world, db_session):
    db_session.add_all(AccessLog(actor_role="system", person_id=world.tove.id, action="read",
                                 what=f"report #{n}") for n in range(60))
    db_session.commit()
    admin = client_of(app, world.users["admin"])
    first = admin.get(f"/admin/atkomstlogg?code={world.tove.public_id}").get_data(as_text=True)
    assert first.count("<tr>") == 51 and "page=2" in first
    second = admin.get(f"/admin/atkomstlogg?code={world.tove.public_id}&page=2")
    assert second.status_code == 200 and second.get_data(as_text=True).count("<tr>") > 1


@pytest.mark.parametrize("query", ["since=0001-01-01", "until=9999-12-31", "page=0",
                                   "page=99999999999999999999", "since=tomorrow",
                                   "code=" + "K" * 40])
def test_a_bad_filter_gets_a_clear_400_and_logs_nothing(app, world, db_session, query):
    admin = client_of(app, world.users["admin"])
    before = len(entries(db_session))
    response = admin.get(f"/admin/atkomstlogg?{query}")
    assert response.status_code == 400
    assert "Kontrollera formuläret" in response.get_data(as_text=True)
    assert len(entries(db_session)) == before


def test_only_admins_open_the_access_log_and_the_requests(app, world):
    for case in ("coach same org", "caseworker with consent", "candidate self"):
        client = client_of(app, world.users[case])
        assert client.get("/admin/atkomstlogg").status_code == 403
        assert client.get("/admin/begaran").status_code == 403

"""Protected identity (skyddad identitet): set by a coach or admin of the person's programme;
then no staff page, list, report or PDF shows the person's name or e-mail, only the code name
and a neutral marker. The person still sees their own name."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Person
from tests.web.access_world import build_world, client_of

NAME = "Tove Test"


@pytest.fixture
def world(db_session):
    return build_world(db_session)



def protect(app, world, case="coach same org", on=True):
    data = {"protect-protected": "y"} if on else {}
    return client_of(app, world.users[case]).post(
        f"/personer/{world.tove.public_id}/skyddad", data=data)


def staff_pages(world) -> dict[str, list[str]]:
    code = world.tove.public_id
    return {
        "coach same org": ["/personer/", "/handledare/", f"/handledare/person/{code}",
                           f"/handledare/uppfoljning/{world.follow_up.id}",
                           f"/formular/{code}", f"/formular/{code}/klar", f"/rapport/{code}",
                           f"/personer/{code}/integritet"],
        "caseworker with consent": ["/personer/", "/handlaggare/", f"/rapport/{code}"],
        "admin": ["/personer/", "/admin/"],
    }


def test_before_the_flag_staff_see_the_name(app, world):
    pages = staff_pages(world)
    client = client_of(app, world.users["coach same org"])
    assert NAME in client.get(pages["coach same org"][2]).get_data(as_text=True)


def test_with_the_flag_no_staff_page_shows_the_name_or_the_email(app, world, db_session):
    assert protect(app, world).status_code == 302
    db_session.expire_all()
    assert db_session.get(Person, world.tove.id).protected_identity
    email = world.users["candidate self"].email
    for case, urls in staff_pages(world).items():
        client = client_of(app, world.users[case])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (case, url)
            text = response.get_data(as_text=True)
            assert NAME not in text and email not in text, (case, url)
            if "/admin/" not in url and "/uppfoljning/" not in url:
                assert world.tove.public_id in text, (case, url)
            assert "Skyddad identitet" in text, (case, url)
    own = client_of(app, world.users["candidate self"]).get(f"/rapport/{world.tove.public_id}")
    assert NAME in own.get_data(as_text=True)


def test_the_pdf_report_hides_the_name_too(app, world):
    pdf = client_of(app, world.users["caseworker with consent"]).get(
        f"/rapport/{world.tove.public_id}.pdf")
    assert pdf.status_code == 200
    from io import BytesIO

    from pypdf import PdfReader

    def text(data: bytes) -> str:
        return " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)

    assert NAME in text(pdf.data)
    protect(app, world)
    hidden = text(client_of(app, world.users["caseworker with consent"]).get(
        f"/rapport/{world.tove.public_id}.pdf").data)
    assert NAME not in hidden and "Skyddad identitet" in hidden


@pytest.mark.parametrize("case", ["coach other org", "caseworker with consent",
                                  "candidate self"])
def test_only_a_coach_or_admin_of_the_programme_sets_the_flag(app, world, db_session, case):
    assert protect(app, world, case).status_code == 403
    db_session.expire_all()
    assert not db_session.get(Person, world.tove.id).protected_identity


def test_an_admin_of_the_programme_sets_and_lifts_it_and_each_change_is_logged(app, world,
                                                                             db_session):
    assert protect(app, world, "admin").status_code == 302
    assert protect(app, world, "admin", on=False).status_code == 302
    db_session.expire_all()
    assert not db_session.get(Person, world.tove.id).protected_identity
    changes = db_session.scalars(sa.select(AccessLog.reason).where(
        AccessLog.what == "person.protect", AccessLog.action == "change",
        AccessLog.reason.in_(("on", "off")))).all()
    assert changes == ["on", "off"]

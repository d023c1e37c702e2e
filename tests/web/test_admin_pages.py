"""The admin's pages: accounts, organisations and the item bank in use. Every read and change
is in the access log; nothing there is open to anyone but an admin."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import AccessLog, LoginSession, Organisation, Person, StoredItemBank, User
from tests.app_settings import catalogue
from tests.conftest import TEST_PASSWORD
from tests.web.test_account_links import NEW_PASSWORD, choose_password, link_in


def entries(db_session, actor: User) -> list[tuple[str, str]]:
    db_session.expire_all()
    return [(e.action, e.what) for e in db_session.scalars(
        sa.select(AccessLog).where(AccessLog.actor_id == actor.id).order_by(AccessLog.id))]


def test_an_admin_creates_a_coach_who_chooses_a_password_through_the_invitation(
        app, client, make_user, login, db_session):
    programme = Organisation(name="Programmet")
    db_session.add(programme)
    db_session.commit()
    admin = make_user(role="admin")
    login(admin)
    page = client.post("/admin/konton/ny", data={
        "name": "Hanna Handledare", "email": "hanna@example.se", "role": "facilitator",
        "organisation": programme.id, "delivery": "screen"})
    assert page.status_code == 200, page.data
    coach = db_session.scalar(sa.select(User).where(User.email == "hanna@example.se"))
    assert (coach.role, coach.organisation_id) == ("facilitator", programme.id)
    assert ("change", f"accounts.create #{coach.id}") in entries(db_session, admin)
    assert ("change", f"accounts.link #{coach.id}") in entries(db_session, admin)
    browser = app.test_client()
    assert choose_password(browser, link_in(page)).location.endswith("/handledare/")
    assert "Inbjuden" not in client.get("/admin/").get_data(as_text=True)


def test_an_admin_changes_a_role_and_an_organisation_and_each_change_is_logged(
        client, make_user, login, db_session):
    agency = Organisation(name="Myndigheten")
    db_session.add(agency)
    db_session.commit()
    admin, coach = make_user(role="admin"), make_user(role="facilitator")
    login(admin)
    client.post(f"/admin/konton/{coach.id}", data={"role": "caseworker",
                                                   "organisation": agency.id, "active": "y"})
    db_session.expire_all()
    coach = db_session.get(User, coach.id)
    assert (coach.role, coach.organisation_id) == ("caseworker", agency.id)
    assert {("change", f"accounts.role #{coach.id}"),
            ("change", f"accounts.organisation #{coach.id}")} <= set(entries(db_session, admin))


def test_closing_an_account_ends_its_logins_at_once(app, client, make_user, login,
                                                   db_session):
    admin, kim = make_user(role="admin"), make_user()
    kims = app.test_client()
    kims.post("/konto/logga-in", data={"email": kim.email, "password": TEST_PASSWORD})
    assert kims.get("/kandidat/").status_code == 200
    login(admin)
    client.post(f"/admin/konton/{kim.id}", data={"role": "candidate", "organisation": "none"})
    assert kims.get("/kandidat/").status_code == 302
    assert db_session.scalar(sa.select(sa.func.count()).select_from(LoginSession).where(
        LoginSession.user_id == kim.id, LoginSession.revoked_at.is_(None))) == 0
    assert app.test_client().post("/konto/logga-in", data={
        "email": kim.email, "password": TEST_PASSWORD}).status_code == 200


def test_an_admin_cannot_close_their_own_account_or_make_a_candidate_staff(
        client, make_user, login, db_session):
    admin, kim = make_user(role="admin"), make_user()
    login(admin)
    page = client.post(f"/admin/konton/{admin.id}", data={"role": "admin",
                                                          "organisation": "none"},
                       follow_redirects=True)
    assert "Du kan inte stänga ditt eget konto" in page.get_data(as_text=True)
    client.post(f"/admin/konton/{kim.id}", data={"role": "admin", "organisation": "none",
                                                 "active": "y"})
    db_session.expire_all()
    assert db_session.get(User, admin.id).active and db_session.get(User, kim.id).role \
        == "candidate"


def test_an_admin_moves_a_candidate_to_another_programme(client, make_user, login,
                                                        db_session):
    programme = Organisation(name="Program B")
    db_session.add(programme)
    db_session.commit()
    admin, kim = make_user(role="admin"), make_user()
    login(admin)
    client.post(f"/admin/konton/{kim.id}", data={"role": "candidate",
                                                 "organisation": programme.id, "active": "y"})
    person = db_session.scalar(sa.select(Person).where(Person.user_id == kim.id))
    db_session.refresh(person)
    assert person.organisation_id == programme.id
    assert db_session.get(User, kim.id).organisation_id is None


def test_a_new_link_from_the_admin_is_a_reset_once_a_password_is_set(
        app, client, make_user, login, db_session):
    admin, kim = make_user(role="admin"), make_user()
    login(admin)
    page = client.post(f"/admin/konton/{kim.id}/lank", data={"delivery": "screen"})
    assert "Länk för nytt lösenord" in page.get_data(as_text=True)
    assert choose_password(app.test_client(), link_in(page)).status_code == 302
    assert app.test_client().post("/konto/logga-in", data={
        "email": kim.email, "password": NEW_PASSWORD}).status_code == 302


def test_an_admin_adds_and_renames_organisations_and_names_are_unique(
        client, make_user, login, db_session):
    admin = make_user(role="admin")
    login(admin)
    client.post("/admin/organisationer", data={"name": "  Kodprov   Norr "})
    north = db_session.scalar(sa.select(Organisation))
    assert north.name == "Kodprov Norr" and north.self_registration is False
    again = client.post("/admin/organisationer", data={"name": "Kodprov Norr"})
    assert "Det finns redan en organisation" in again.get_data(as_text=True)
    client.post(f"/admin/organisationer/{north.id}", data={"name": "Kodprov Nord"})
    db_session.refresh(north)
    assert north.name == "Kodprov Nord"
    assert [w for a, w in entries(db_session, admin) if a == "change"] == [
        f"organisations.create #{north.id}", f"organisations.rename #{north.id}"]


def test_an_admin_chooses_the_item_bank_in_use_as_the_command_does(
        client, make_user, login, db_session):
    from assessor.services import item_banks

    admin = make_user(role="admin")
    login(admin)
    page = client.get("/admin/fragebanker")
    assert page.status_code == 200
    client.post("/admin/fragebanker", data={"version": "priors"})
    stored = db_session.scalar(sa.select(StoredItemBank))
    assert stored.activated_at is not None
    assert item_banks.current_bank(db_session, catalogue=catalogue).version == stored.version
    assert ("change", f"item_banks.use {stored.version}") in entries(db_session, admin)
    unknown = client.post("/admin/fragebanker", data={"version": "no-such-bank"})
    assert unknown.status_code == 200 and "error-summary" in unknown.get_data(as_text=True)
    assert item_banks.current_bank(db_session, catalogue=catalogue).version == stored.version


def test_nobody_but_an_admin_reaches_the_admin_pages(client, make_user, login):
    login(make_user(role="facilitator"))
    for path in ("/admin/", "/admin/konton/ny", "/admin/organisationer", "/admin/fragebanker",
                 "/admin/utkorg"):
        assert client.get(path).status_code == 403, path


def test_the_outbox_lists_mail_in_development_and_is_gone_when_smtp_is_set(
        app, client, make_user, login):
    import dataclasses

    kim = make_user()
    client.post("/konto/glomt-losenord", data={"email": kim.email})
    login(make_user(role="admin"))
    page = client.get("/admin/utkorg")
    assert page.status_code == 200 and kim.email in page.get_data(as_text=True)
    settings = app.config["KODPROV_SETTINGS"]
    app.config["KODPROV_SETTINGS"] = dataclasses.replace(
        settings, smtp_url="smtp://mail.example.se:587")
    assert client.get("/admin/utkorg").status_code == 404

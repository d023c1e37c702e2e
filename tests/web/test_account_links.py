"""Getting people in: a coach's invitation, the one-time link, new passwords and registering."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from assessor.models import (
    AccessLog,
    AccountLink,
    LoginSession,
    Organisation,
    OutboxMessage,
    Person,
    User,
)
from tests.conftest import TEST_PASSWORD

NEW_PASSWORD = "a-brand-new-password"
CODE = re.compile(r"/konto/lank/([A-Z0-9-]+)")


def link_in(page) -> str:
    """The link address on a page (or in a message)."""
    text = page if isinstance(page, str) else page.get_data(as_text=True)
    return CODE.search(text).group(0)


def choose_password(client, link: str, password: str = NEW_PASSWORD):
    return client.post(link, data={"password": password, "password_again": password})


def invite_nova(client) -> str:
    page = client.post("/inbjudningar/ny", data={"name": "Nova Nilsson",
                                                 "email": "Nova@Example.se",
                                                 "delivery": "screen"})
    assert page.status_code == 200, page.data
    assert "data:image/svg+xml" in page.get_data(as_text=True)  # the QR code of the letter
    return link_in(page)


def test_a_coach_invites_a_new_person_who_chooses_a_password_and_lands_on_consent(
        app, client, programme_coach, login, db_session):
    coach = programme_coach()
    login(coach)
    link = invite_nova(client)
    nova = db_session.scalar(sa.select(Person).where(Person.name == "Nova Nilsson"))
    assert nova.organisation_id == coach.organisation_id and nova.user_id is not None
    stored = db_session.scalar(sa.select(AccountLink))
    assert link.rsplit("/", 1)[1] not in stored.token_hash  # only the hash is kept
    person_browser = app.test_client()
    assert person_browser.get(link).status_code == 200
    done = choose_password(person_browser, link)
    assert done.location.endswith("/kandidat/samtycke")
    assert person_browser.get("/kandidat/samtycke").status_code == 200
    again = app.test_client()
    assert again.post("/konto/logga-in", data={"email": "nova@example.se",
                                               "password": NEW_PASSWORD}).status_code == 302


def test_an_invitation_link_works_once_and_then_explains_what_to_do(
        app, client, programme_coach, login):
    login(programme_coach())
    link = invite_nova(client)
    first = app.test_client()
    assert choose_password(first, link).status_code == 302
    second = app.test_client()
    used = choose_password(second, link, "someone-elses-password")
    assert used.status_code == 410
    assert "har redan använts" in used.get_data(as_text=True)
    assert second.get("/kandidat/").status_code == 302  # not logged in
    assert app.test_client().post("/konto/logga-in", data={
        "email": "nova@example.se", "password": "someone-elses-password"}).status_code == 200


def test_a_new_invitation_stops_the_old_link(app, client, programme_coach, login, db_session):
    login(programme_coach())
    old = invite_nova(client)
    nova = db_session.scalar(sa.select(Person).where(Person.name == "Nova Nilsson"))
    new = link_in(client.post(f"/inbjudningar/{nova.public_id}", data={"delivery": "screen"}))
    assert new != old
    replaced = app.test_client().get(old)
    assert replaced.status_code == 410 and "nyare länk" in replaced.get_data(as_text=True)
    assert app.test_client().get(new).status_code == 200


def test_an_expired_link_gets_the_calm_page(app, client, programme_coach, login, db_session):
    from datetime import UTC, datetime, timedelta

    login(programme_coach())
    link = invite_nova(client)
    db_session.execute(sa.update(AccountLink).values(
        expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    db_session.commit()
    page = app.test_client().get(link)
    assert page.status_code == 410 and "för gammal" in page.get_data(as_text=True)


def test_an_unknown_code_gets_the_calm_page_and_codes_are_read_loosely(
        app, client, programme_coach, login):
    login(programme_coach())
    link = invite_nova(client)
    code = link.rsplit("/", 1)[1]
    assert app.test_client().get("/konto/lank/" + code.replace("-", "").lower()).status_code \
        == 200
    wrong = ("A" if code[0] != "A" else "B") + code[1:]
    assert app.test_client().get("/konto/lank/" + wrong).status_code == 404
    assert app.test_client().get("/konto/lank/not-a-code").status_code == 404


def test_a_coach_cannot_invite_a_person_of_another_programme(
        client, programme_coach, login, db_session):
    other = programme_coach()
    robin = Person(name="Robin", organisation_id=other.organisation_id)
    db_session.add(robin)
    db_session.commit()
    coach = programme_coach()
    login(coach)
    refused = client.post(f"/inbjudningar/{robin.public_id}",
                          data={"email": "robin@example.se", "delivery": "screen"})
    assert refused.status_code == 403
    db_session.expire_all()
    assert db_session.get(Person, robin.id).user_id is None
    assert db_session.scalar(sa.select(AccessLog).where(
        AccessLog.actor_id == coach.id, AccessLog.action == "denied",
        AccessLog.person_id == robin.id)) is not None


def test_a_coach_invites_a_person_on_the_list_who_has_no_login(
        app, client, programme_coach, login, db_session):
    coach = programme_coach()
    login(coach)
    client.post("/personer/ny", data={"name": "Robin", "tests_consent": "y"})
    robin = db_session.scalar(sa.select(Person).where(Person.name == "Robin"))
    needs_email = client.post(f"/inbjudningar/{robin.public_id}", data={"delivery": "screen"})
    assert "e-postadress" in needs_email.get_data(as_text=True)
    link = link_in(client.post(f"/inbjudningar/{robin.public_id}",
                               data={"email": "robin@example.se", "delivery": "screen"}))
    assert choose_password(app.test_client(), link).status_code == 302
    db_session.expire_all()
    assert db_session.get(Person, robin.id).user.email == "robin@example.se"
    entry = db_session.scalar(sa.select(AccessLog).where(
        AccessLog.actor_id == coach.id, AccessLog.person_id == robin.id,
        AccessLog.what == "account.invite", AccessLog.action == "change"))
    assert entry is not None


def test_a_reset_link_from_the_coach_works_once_and_ends_every_login(
        app, client, make_user, programme_coach, login, db_session):
    coach = programme_coach()
    kim = make_user(tests_consent=True)
    person = db_session.scalar(sa.select(Person).where(Person.user_id == kim.id))
    person.organisation_id = coach.organisation_id
    db_session.commit()
    kims_laptop = app.test_client()
    kims_laptop.post("/konto/logga-in", data={"email": kim.email, "password": TEST_PASSWORD})
    assert kims_laptop.get("/kandidat/").status_code == 200
    login(coach)
    link = link_in(client.post(f"/inbjudningar/{person.public_id}", data={"delivery": "screen"}))
    new_browser = app.test_client()
    assert choose_password(new_browser, link).location.endswith("/kandidat/")
    assert kims_laptop.get("/kandidat/").status_code == 302  # logged out there
    assert new_browser.get("/kandidat/").status_code == 200
    assert choose_password(app.test_client(), link, "another-password-1").status_code == 410
    assert app.test_client().post("/konto/logga-in", data={
        "email": kim.email, "password": NEW_PASSWORD}).status_code == 302


def test_a_reset_by_email_goes_to_the_outbox_in_development_and_tells_nothing_about_addresses(
        app, client, make_user, db_session):
    kim = make_user()
    known = client.post("/konto/glomt-losenord", data={"email": kim.email.upper()})
    unknown = client.post("/konto/glomt-losenord", data={"email": "nobody@example.se"})
    assert known.status_code == unknown.status_code == 302
    assert known.location == unknown.location
    messages = db_session.scalars(sa.select(OutboxMessage)).all()
    assert [m.to_address for m in messages] == [kim.email]
    assert "Någon bad om ett nytt lösenord" in messages[0].body
    link = link_in(messages[0].body)
    assert link.startswith("/konto/lank/") or "://" in messages[0].body
    assert choose_password(app.test_client(), link).status_code == 302
    assert choose_password(app.test_client(), link).status_code == 410


def test_links_in_email_use_the_configured_address_never_the_host_header(
        app, client, make_user, db_session):
    import dataclasses

    settings = app.config["KODPROV_SETTINGS"]
    app.config["KODPROV_SETTINGS"] = dataclasses.replace(settings,
                                                         base_url="https://kodprov.example.se")
    kim = make_user()
    client.post("/konto/glomt-losenord", data={"email": kim.email},
                headers={"Host": "evil.example.com"})
    body = db_session.scalar(sa.select(OutboxMessage.body))
    assert "https://kodprov.example.se/konto/lank/" in body and "evil" not in body


def test_a_protected_identity_is_never_emailed(
        app, client, make_user, programme_coach, login, db_session):
    kim = make_user()
    kims = db_session.scalar(sa.select(Person).where(Person.user_id == kim.id))
    kims.protected_identity = True
    db_session.commit()
    client.post("/konto/glomt-losenord", data={"email": kim.email})
    coach = programme_coach()
    hidden = Person(name="Skyddad", organisation_id=coach.organisation_id, protected_identity=True)
    db_session.add(hidden)
    db_session.commit()
    login(coach)
    page = client.post(f"/inbjudningar/{hidden.public_id}",
                       data={"email": "s@example.se", "delivery": "email"})
    assert page.status_code == 200 and "/konto/lank/" in page.get_data(as_text=True)
    assert "skickades inte med e-post" in page.get_data(as_text=True)
    assert db_session.scalars(sa.select(OutboxMessage)).all() == []


def test_an_invitation_by_email_reaches_the_outbox_in_the_persons_words(
        client, programme_coach, login, db_session):
    login(programme_coach())
    page = client.post("/inbjudningar/ny", data={"name": "Nova", "email": "nova@example.se",
                                                 "delivery": "email"})
    assert "skickas med e-post" in page.get_data(as_text=True)
    message = db_session.scalar(sa.select(OutboxMessage))
    assert message.to_address == "nova@example.se" and "inbjuden" in message.body
    assert link_in(message.body) == link_in(page)


def test_changing_the_password_needs_the_current_one_and_ends_the_other_logins(
        app, client, make_user, login, db_session):
    kim = make_user()
    other = app.test_client()
    other.post("/konto/logga-in", data={"email": kim.email, "password": TEST_PASSWORD})
    login(kim)
    wrong = client.post("/konto/losenord", data={"current": "not-it-at-all",
                                                 "password": NEW_PASSWORD,
                                                 "password_again": NEW_PASSWORD})
    assert wrong.status_code == 200 and "nuvarande lösenord är fel" in wrong.get_data(
        as_text=True)
    assert other.get("/kandidat/").status_code == 200
    done = client.post("/konto/losenord", data={"current": TEST_PASSWORD,
                                                "password": NEW_PASSWORD,
                                                "password_again": NEW_PASSWORD})
    assert done.status_code == 302
    assert client.get("/kandidat/").status_code == 200  # this login stays
    assert other.get("/kandidat/").status_code == 302
    assert db_session.scalar(sa.select(sa.func.count()).select_from(LoginSession).where(
        LoginSession.user_id == kim.id, LoginSession.revoked_at.is_(None))) == 1


def test_registering_is_off_until_an_admin_turns_it_on_for_a_programme(
        app, client, make_user, login, db_session):
    closed = client.get("/konto/registrera")
    assert closed.status_code == 404 and "handledare" in closed.get_data(as_text=True)
    programme = Organisation(name="Öppet program")
    db_session.add(programme)
    db_session.commit()
    admin = make_user(role="admin")
    admin_browser = app.test_client()
    admin_browser.post("/konto/logga-in", data={"email": admin.email, "password": TEST_PASSWORD})
    admin_browser.post(f"/admin/organisationer/{programme.id}",
                       data={"name": programme.name, "self_registration": "y"})
    assert "Skapa ett konto" in client.get("/konto/logga-in").get_data(as_text=True)
    made = client.post("/konto/registrera", data={
        "programme": programme.id, "name": "Ny Person", "email": "ny@example.se",
        "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert made.location.endswith("/kandidat/samtycke")
    person = db_session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                               .where(User.email == "ny@example.se"))
    assert person.organisation_id == programme.id


@pytest.mark.parametrize("limit", ["3 per 10 minutes"])
def test_guessing_link_codes_is_slowed_down_and_right_links_never_count(
        app, client, programme_coach, login, limit):
    app.config["KODPROV_RATE_LIMITS"]["link_failures_per_ip"] = limit
    login(programme_coach())
    link = invite_nova(client)
    guesser = app.test_client()
    for _ in range(3):
        assert guesser.get(link).status_code == 200  # a working link is no failure
    statuses = [guesser.get("/konto/lank/AAAAA-AAAAA-AAAAA-AAAAA-AAAA" + c).status_code
                for c in "ABCD"]
    assert statuses == [404, 404, 404, 429]


def test_new_password_emails_to_one_address_are_limited_and_others_still_get_theirs(
        app, client, make_user, db_session):
    app.config["KODPROV_RATE_LIMITS"]["reset_requests_per_account"] = "2 per hour"
    kim, sam = make_user(), make_user()
    statuses = [client.post("/konto/glomt-losenord", data={"email": kim.email}).status_code
                for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert client.post("/konto/glomt-losenord", data={"email": sam.email}).status_code == 302
    assert client.post("/konto/glomt-losenord", data={}).status_code == 200  # no count
    assert len(db_session.scalars(sa.select(OutboxMessage)).all()) == 3

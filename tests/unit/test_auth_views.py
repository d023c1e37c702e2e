"""Logging in and out through the web pages."""

import pytest

from tests.conftest import TEST_PASSWORD


def test_login_takes_each_role_to_its_own_start_page(client, make_user):
    for role, path in [("candidate", "/kandidat/"), ("facilitator", "/handledare/"),
                       ("caseworker", "/handlaggare/"), ("admin", "/admin/")]:
        user = make_user(role=role)
        response = client.post("/konto/logga-in",
                               data={"email": user.email, "password": TEST_PASSWORD})
        assert response.status_code == 302 and response.location.endswith(path)
        client.post("/konto/logga-ut")


def test_a_wrong_password_gives_a_plain_message_and_no_session(client, make_user):
    user = make_user()
    response = client.post("/konto/logga-in", data={"email": user.email, "password": "nope-nope"})
    assert response.status_code == 200
    assert "E-posten eller lösenordet är fel" in response.get_data(as_text=True)
    assert client.get("/kandidat/").status_code == 302


def test_an_invalid_email_is_explained_next_to_the_field(client):
    response = client.post("/konto/logga-in", data={"email": "nope", "password": "x"})
    page = response.get_data(as_text=True)
    assert "Det ser inte ut som en e-postadress" in page
    assert 'aria-invalid="true"' in page


def test_login_returns_to_the_page_asked_for_but_never_to_another_site(client, make_user):
    user = make_user(role="candidate")
    data = {"email": user.email, "password": TEST_PASSWORD}
    response = client.post("/konto/logga-in", data={**data, "next": "//evil.example/x"})
    assert response.location.endswith("/kandidat/")
    client.post("/konto/logga-ut")
    response = client.post("/konto/logga-in", data={**data, "next": "/kandidat/?a=1"})
    assert response.location.endswith("/kandidat/?a=1")


@pytest.mark.parametrize("target", ["/\r\nSet-Cookie: x=1", "/kandidat/\n", "/\t"])
def test_a_return_address_with_a_line_break_goes_home_instead(client, make_user, target):
    user = make_user(role="candidate")
    response = client.post("/konto/logga-in", data={"email": user.email,
                                                    "password": TEST_PASSWORD, "next": target})
    assert response.status_code == 302 and response.location.endswith("/kandidat/")
    response = client.post("/sprak", data={"locale": "en", "next": target})
    assert response.status_code == 302 and response.location.endswith("/")


def test_logout_ends_the_session(client, make_user, login):
    login(make_user())
    assert client.get("/kandidat/").status_code == 200
    response = client.post("/konto/logga-ut")
    assert response.status_code == 302
    assert client.get("/kandidat/").status_code == 302


def test_forms_without_a_csrf_token_are_refused_with_a_clear_page(app, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user()
    response = app.test_client().post(
        "/konto/logga-in", data={"email": user.email, "password": TEST_PASSWORD})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Inget sparades" in page and "Traceback" not in page


def test_the_login_form_carries_a_csrf_token_when_protection_is_on(app):
    app.config["WTF_CSRF_ENABLED"] = True
    page = app.test_client().get("/konto/logga-in").get_data(as_text=True)
    assert 'name="csrf_token"' in page

"""Logging out ends every way back in; each login is a session the person can see and end."""

from __future__ import annotations

from tests.conftest import TEST_PASSWORD

LOGIN = "/konto/logga-in"
DOMAIN = "kodprov.test"  #: the SERVER_NAME of the test app


def log_in(client, user, remember: bool = False, agent: str | None = None):
    """Log in on ``client``; ``agent`` becomes the browser's User-Agent from now on."""
    if agent is not None:
        client.environ_base["HTTP_USER_AGENT"] = agent
    data = {"email": user.email, "password": TEST_PASSWORD}
    if remember:
        data["remember"] = "y"
    response = client.post(LOGIN, data=data)
    assert response.status_code == 302, response.data
    return response


def copy_cookie(source, target, name: str) -> None:
    cookie = source.get_cookie(name, domain=DOMAIN)
    assert cookie is not None, f"no {name} cookie"
    target.set_cookie(name, cookie.value, domain=cookie.domain)


def test_the_stay_logged_in_cookie_no_longer_logs_in_after_logout(client, make_user):
    log_in(client, make_user(), remember=True)
    assert client.get_cookie("remember_token", domain=DOMAIN) is not None
    client.post("/konto/logga-ut")
    assert client.get_cookie("remember_token", domain=DOMAIN) is None
    client.delete_cookie("session", domain=DOMAIN)  # the browser is closed and opened again
    assert client.get("/kandidat/").status_code == 302


def test_a_copied_stay_logged_in_cookie_stops_working_at_logout(app, client, make_user):
    log_in(client, make_user(), remember=True)
    thief = app.test_client()
    copy_cookie(client, thief, "remember_token")
    assert thief.get("/kandidat/").status_code == 200
    client.post("/konto/logga-ut")
    thief.delete_cookie("session", domain=DOMAIN)
    assert thief.get("/kandidat/").status_code == 302


def test_a_copied_session_cookie_stops_working_at_logout(app, client, make_user):
    log_in(client, make_user())
    thief = app.test_client()
    copy_cookie(client, thief, "session")
    assert thief.get("/kandidat/").status_code == 200
    client.post("/konto/logga-ut")
    assert thief.get("/kandidat/").status_code == 302


def test_logging_out_everywhere_ends_the_sessions_on_other_computers(app, client, make_user):
    user = make_user()
    other = app.test_client()
    log_in(other, user, remember=True)
    log_in(client, user)
    response = client.post("/konto/logga-ut-overallt")
    assert response.status_code == 302
    assert client.get("/kandidat/").status_code == 302
    other.delete_cookie("session", domain=DOMAIN)  # the remember cookie alone
    assert other.get("/kandidat/").status_code == 302


def test_the_account_page_lists_the_active_sessions_in_plain_words(app, client, make_user):
    user = make_user()
    log_in(app.test_client(), user, agent="Mozilla/5.0 (Windows NT 10.0) Chrome/140.0")
    log_in(client, user, agent="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    page = client.get("/konto/").get_data(as_text=True)
    assert "Inloggningar" in page
    assert "Chrome på Windows" in page and "Firefox" in page
    assert "den här datorn" in page
    assert "Logga ut överallt" in page


def test_the_account_page_shows_only_the_own_sessions(app, client, make_user):
    log_in(app.test_client(), make_user(), agent="Mozilla/5.0 (Windows NT 10.0) Edg/140.0")
    log_in(client, make_user())
    page = client.get("/konto/").get_data(as_text=True)
    assert "Edge" not in page


def test_a_session_cookie_from_before_the_session_records_is_refused(app, client, make_user):
    user = make_user()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)  # what the cookie carried before
        session["_fresh"] = True
    assert client.get("/kandidat/").status_code == 302


def test_a_deactivated_account_is_logged_out_at_the_next_request(client, make_user, db_session):
    user = make_user()
    log_in(client, user)
    user.active = False
    db_session.commit()
    assert client.get("/kandidat/").status_code == 302

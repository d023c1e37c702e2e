"""Rate limits on login and costly forms: a calm page saying when to try again, never a bare 429.

The limits are small here (``limits`` below); the real numbers live in ``web/ratelimits.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from assessor.models import Draft, Submission
from tests.app_settings import app_settings
from tests.conftest import TEST_PASSWORD

LOGIN = "/konto/logga-in"
CHALLENGE = "p1-summa-medel"
FIELD = "file:medel.py"


@pytest.fixture
def limits(app):
    """Set some limits of this test's own: ``limits(login_failures_per_ip="2 per hour")``."""

    def set_limits(**values: str) -> None:
        app.config["KODPROV_RATE_LIMITS"] = {**app.config["KODPROV_RATE_LIMITS"], **values}

    return set_limits


def from_address(app, address: str):
    """A browser of its own on another computer (another IP address)."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def wrong(client, email: str, **kwargs):
    return client.post(LOGIN, data={"email": email, "password": "not-the-password"}, **kwargs)


def right(client, email: str):
    return client.post(LOGIN, data={"email": email, "password": TEST_PASSWORD})


def test_repeated_wrong_passwords_get_a_calm_page_saying_when_to_try_again(
        client, make_user, limits):
    limits(login_failures_per_ip="3 per 10 minutes")
    user = make_user()
    assert [wrong(client, user.email).status_code for _ in range(3)] == [200, 200, 200]
    response = wrong(client, user.email)
    page = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "För många försök" in page
    assert "Försök igen om 10 minuter" in page
    assert "Inget sparades" not in page and "Traceback" not in page
    assert 590 <= int(response.headers["Retry-After"]) <= 601


def test_a_refused_login_costs_no_password_check(client, make_user, limits, monkeypatch):
    from assessor.services import accounts

    limits(login_failures_per_ip="1 per 10 minutes")
    user = make_user()
    wrong(client, user.email)
    checked = []
    monkeypatch.setattr(accounts, "password_matches", lambda *args: checked.append(args))
    assert right(client, user.email).status_code == 429
    assert checked == []


def test_the_wait_is_explained_in_english_to_an_english_visitor(client, make_user, limits):
    limits(login_failures_per_ip="1 per 10 minutes")
    client.post("/sprak", data={"locale": "en"})
    user = make_user()
    wrong(client, user.email)
    page = wrong(client, user.email).get_data(as_text=True)
    assert "Too many attempts" in page and "Try again in 10 minutes" in page


def test_a_page_script_gets_the_wait_as_json(client, make_user, limits):
    limits(login_failures_per_ip="1 per 10 minutes")
    user = make_user()
    wrong(client, user.email)
    response = wrong(client, user.email, headers={"Accept": "application/json"})
    body = response.get_json()
    assert response.status_code == 429
    assert body["ok"] is False and body["saved"] is False
    assert "Försök igen om 10 minuter" in body["message"]
    assert 590 <= body["retry_after"] <= 601


def test_many_people_logging_in_from_one_room_are_not_refused(app, make_user, limits):
    limits(login_failures_per_ip="2 per 10 minutes", login_failures_per_account="2 per hour")
    room = from_address(app, "192.0.2.10")
    for _ in range(4):  # a Mini Hackathon evening: one address, many right passwords
        assert right(room, make_user().email).status_code == 302
        room.post("/konto/logga-ut")


def test_flooding_an_account_does_not_lock_out_the_persons_own_computer(app, make_user, limits):
    limits(login_failures_per_account="3 per 15 minutes")
    user = make_user()
    own = from_address(app, "198.51.100.7")
    assert right(own, user.email).status_code == 302  # the person has logged in here before
    own.post("/konto/logga-ut")
    for number in range(3):
        wrong(from_address(app, f"203.0.113.{number}"), user.email)
    assert wrong(from_address(app, "203.0.113.50"), user.email).status_code == 429
    assert right(from_address(app, "203.0.113.51"), user.email).status_code == 429
    assert right(own, user.email).status_code == 302


def test_wrong_passwords_for_one_account_do_not_limit_other_accounts(app, make_user, limits):
    limits(login_failures_per_account="2 per 15 minutes")
    victim, other = make_user(), make_user()
    for number in range(3):
        wrong(from_address(app, f"203.0.113.{number}"), victim.email)
    assert right(from_address(app, "203.0.113.9"), other.email).status_code == 302


def test_hand_ins_are_limited_per_person_and_a_refused_one_stores_nothing(
        app, client, make_user, login, limits, db_session):
    limits(hand_ins="2 per minute")
    login(make_user(tests_consent=True))
    url = f"/uppgifter/{CHALLENGE}/skicka"
    json = {"Accept": "application/json"}
    for _ in range(2):  # empty hand-ins are refused by the task itself, but still count
        assert client.post(url, data={FIELD: ""}, headers=json).status_code == 400
    response = client.post(url, data={FIELD: "print(1)", "kind": "attempt", "token": "t1"},
                           headers=json)
    assert response.status_code == 429
    assert "Försök igen om 1 minut" in response.get_json()["message"]
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0
    assert "print(1)" not in str(db_session.scalars(sa.select(Draft.files)).all())
    client.post("/konto/logga-ut")
    login(make_user(tests_consent=True))  # another candidate has a count of their own
    assert client.post(url, data={FIELD: ""}, headers=json).status_code == 400


def test_draft_saves_are_limited_to_a_sane_rate(client, make_user, login, limits):
    limits(draft_saves="2 per minute")
    login(make_user(tests_consent=True))
    url = f"/uppgifter/{CHALLENGE}/utkast"
    json = {"Accept": "application/json"}
    assert [client.post(url, data={FIELD: "a = 1"}, headers=json).status_code
            for _ in range(2)] == [200, 200]
    response = client.post(url, data={FIELD: "a = 2"}, headers=json)
    assert response.status_code == 429
    assert response.get_json()["saved"] is False


def test_limits_are_counted_in_memory_by_default_and_in_redis_in_production():
    from dataclasses import replace

    from tests.unit.test_settings import production
    from web.config import config_for

    settings = production()
    assert config_for(replace(settings, environment="development")).RATELIMIT_STORAGE_URI \
        == "memory://"
    assert settings.redis_url == config_for(settings).RATELIMIT_STORAGE_URI
    explicit = replace(settings, ratelimit_storage="redis://limits.internal:6379/3")
    assert config_for(explicit).RATELIMIT_STORAGE_URI == "redis://limits.internal:6379/3"


def test_limits_can_be_switched_off_for_a_load_test(database_url, make_user, tmp_path):
    from web import create_app

    app = create_app(app_settings(tmp_path, DATABASE_URL=database_url, WTF_CSRF_ENABLED=False,
                                  RATELIMIT_ENABLED=False))
    app.config["KODPROV_RATE_LIMITS"] = {**app.config["KODPROV_RATE_LIMITS"],
                                         "login_failures_per_ip": "1 per 10 minutes"}
    client, email = app.test_client(), make_user().email
    try:
        assert [wrong(client, email).status_code for _ in range(2)] == [200, 200]
    finally:
        app.extensions["kodprov_db"].dispose()


def app_behind_proxies(database_url: str, folder: Path, hops: str):
    from web import create_app

    app = create_app(app_settings(folder, KODPROV_PROXY_HOPS=hops, DATABASE_URL=database_url,
                                  WTF_CSRF_ENABLED=False))
    app.config["KODPROV_RATE_LIMITS"] = {**app.config["KODPROV_RATE_LIMITS"],
                                         "login_failures_per_ip": "1 per 10 minutes"}
    return app


def test_behind_a_proxy_each_visitor_is_counted_by_their_own_address(
        database_url, make_user, tmp_path):
    app = app_behind_proxies(database_url, tmp_path, "1")
    email = make_user().email
    try:
        for visitor in ("203.0.113.1", "203.0.113.2"):
            response = wrong(app.test_client(), email, headers={"X-Forwarded-For": visitor})
            assert response.status_code == 200
    finally:
        app.extensions["kodprov_db"].dispose()


def test_without_a_proxy_a_forged_forwarded_for_header_changes_nothing(
        database_url, make_user, tmp_path):
    app = app_behind_proxies(database_url, tmp_path, "0")
    email = make_user().email
    try:
        statuses = [wrong(app.test_client(), email,
                          headers={"X-Forwarded-For": visitor}).status_code
                    for visitor in ("203.0.113.1", "203.0.113.2")]
        assert statuses == [200, 429]
    finally:
        app.extensions["kodprov_db"].dispose()


def test_a_proxy_count_that_is_not_a_number_is_explained(monkeypatch):
    from assessor.infra.settings import ConfigurationError, Settings

    monkeypatch.setenv("KODPROV_PROXY_HOPS", "one")
    with pytest.raises(ConfigurationError, match="KODPROV_PROXY_HOPS must be a whole number"):
        Settings.from_env()

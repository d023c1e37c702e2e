"""Logging out in a real browser ends every way back in: the "stay logged in" cookie and any
copy of the session cookie stop working."""

from __future__ import annotations

import pytest

from assessor.cli.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

CANDIDATE = "kandidat@demo.kodprov.se"
SECOND_CANDIDATE = "kandidat2@demo.kodprov.se"


def log_in_swedish(page, base_url: str, email: str, stay: bool) -> None:
    page.goto(base_url + "/konto/logga-in")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    if stay:
        page.get_by_label("Förbli inloggad på den här datorn").check()
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(base_url + "/kandidat/")


def log_out(page, base_url: str) -> None:
    page.get_by_role("button", name="Logga ut", exact=True).click()
    page.wait_for_url(base_url + "/")


def cookie(page, name: str) -> dict:
    found = [c for c in page.context.cookies() if c["name"] == name]
    assert found, f"the browser has no {name} cookie"
    return found[0]


def opens_candidate_page(chromium, base_url: str, cookies: list[dict]) -> bool:
    """Whether a fresh browser holding only ``cookies`` gets into the candidate's page."""
    context = chromium.new_context()
    try:
        context.add_cookies(cookies)
        page = context.new_page()
        page.goto(base_url + "/kandidat/")
        return page.url == base_url + "/kandidat/"
    finally:
        context.close()


def test_after_logout_the_stay_logged_in_cookie_no_longer_logs_in(live_server, page, chromium):
    log_in_swedish(page, live_server, CANDIDATE, stay=True)
    remembered = cookie(page, "remember_token")
    assert opens_candidate_page(chromium, live_server, [remembered])  # it works while logged in
    log_out(page, live_server)
    assert not [c for c in page.context.cookies() if c["name"] == "remember_token"]
    page.context.clear_cookies(name="session")  # as if the browser were closed and opened
    page.goto(live_server + "/kandidat/")
    assert "/konto/logga-in" in page.url
    assert not opens_candidate_page(chromium, live_server, [remembered])


def test_a_copied_session_cookie_stops_working_at_logout(live_server, page, chromium):
    log_in_swedish(page, live_server, CANDIDATE, stay=False)
    copied = cookie(page, "session")
    assert opens_candidate_page(chromium, live_server, [copied])
    log_out(page, live_server)
    assert not opens_candidate_page(chromium, live_server, [copied])


def test_log_out_everywhere_from_the_account_page(live_server, page, chromium):
    # Other browser tests log in as the same demo person: start from no login sessions.
    log_in_swedish(page, live_server, SECOND_CANDIDATE, stay=False)
    page.goto(live_server + "/konto/")
    page.get_by_role("button", name="Logga ut överallt").click()
    page.wait_for_url(live_server + "/konto/logga-in")
    other = chromium.new_context()
    try:
        other_page = other.new_page()
        log_in_swedish(other_page, live_server, SECOND_CANDIDATE, stay=True)
        log_in_swedish(page, live_server, SECOND_CANDIDATE, stay=False)
        page.get_by_role("link", name="Mitt konto").click()
        rows = page.get_by_role("table").get_by_role("row")
        assert rows.count() == 3  # a header and two logins
        assert page.get_by_text("(den här datorn)").count() == 1
        page.get_by_role("button", name="Logga ut överallt").click()
        page.wait_for_url(live_server + "/konto/logga-in")
        other_page.goto(live_server + "/kandidat/")
        assert "/konto/logga-in" in other_page.url
    finally:
        other.close()

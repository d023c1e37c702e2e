"""The first walk through a real browser: Swedish start page, demo login, English."""

import pytest

from assessor.cli.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_start_page_login_and_switch_to_english(live_server, page):
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Visa vad du kan med kod"

    page.get_by_role("link", name="Logga in").first.click()
    page.get_by_label("E-post").fill("kandidat@demo.kodprov.se")
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(live_server + "/kandidat/")
    assert "Välkommen, Kim Kandidat" in page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Welcome, Kim Kandidat" in page.get_by_role("heading", level=1).inner_text()


def test_the_skip_link_is_the_first_thing_the_keyboard_reaches(live_server, page):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Gå till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

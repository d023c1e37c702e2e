"""Getting people in, in Chromium from start to end: an admin creates a coach, the coach
invites a person, the person follows the link, chooses a password, says yes to the tests and
hands in a task; the coach reads her code and every test's result; a new-password link works
once and then never again."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from assessor.cli.demo import PROGRAMME
from tests.app_settings import catalogue
from tests.browser.axe_core import violations
from tests.browser.helpers import log_in, type_code

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SOLUTION = (ROOT / "challenges" / "p1-vaxel" / "solution" / "vaxel.py").read_text()


def shown_link(page) -> str:
    """The link on the page that shows a fresh one (and its letter, with the QR code)."""
    assert page.locator(".letter img.qr").is_visible()
    return page.input_value("#link-address")


def choose_password(page, link: str, password: str) -> None:
    page.goto(link)
    page.fill("#password", password)
    page.fill("#password_again", password)
    with page.expect_navigation():
        page.click("#submit")


def test_an_admin_a_coach_and_a_new_person_get_going_from_the_browser(
        live_server, chromium):
    tag = secrets.token_hex(3)
    coach_email, nova_email = f"coach-{tag}@example.se", f"nova-{tag}@example.se"
    admin, coach, nova, other = (chromium.new_context() for _ in range(4))
    try:
        # the admin creates a coach in the demo programme
        page = admin.new_page()
        log_in(page, live_server, "admin@demo.kodprov.se")
        page.goto(live_server + "/admin/konton/ny")
        page.fill("#name", "Nils Coach")
        page.fill("#email", coach_email)
        page.select_option("#role", "facilitator")
        page.select_option("#organisation", label=PROGRAMME)
        with page.expect_navigation():
            page.click("main button[type=submit]")
        coach_link = shown_link(page)
        assert violations(page) == []

        # the coach chooses a password through it and invites Nova
        page = coach.new_page()
        choose_password(page, coach_link, "coachens-losenord")
        assert page.url == live_server + "/handledare/"
        page.goto(live_server + "/inbjudningar/ny")
        page.fill("#name", f"Nova {tag}")
        page.fill("#email", nova_email)
        with page.expect_navigation():
            page.click("main button[type=submit]")
        nova_link = shown_link(page)

        # Nova follows the link, chooses a password and lands on her consents
        page = nova.new_page()
        page.goto(nova_link)
        assert violations(page) == []
        choose_password(page, nova_link, "novas-eget-losenord")
        assert page.url == live_server + "/kandidat/samtycke"
        with page.expect_navigation():
            page.locator("section", has_text="Prov och resultat").get_by_role(
                "button", name="Säg ja").click()

        # and hands in a task
        page.goto(live_server + "/uppgifter/p1-vaxel")
        page.locator(".cm-content").click()
        type_code(page, SOLUTION)
        page.get_by_role("button", name="Lämna in").click()
        result = page.locator("[data-result]")
        try:
            result.get_by_text("Bra jobbat").wait_for(timeout=240_000)
        except Exception:  # say what the page showed instead
            raise AssertionError(result.inner_text()) from None

        # the coach sees her code and every test's result, the staff tests too
        page = coach.pages[0]
        page.goto(live_server + "/personer/")
        page.get_by_role("link", name=f"Nova {tag}", exact=True).click()
        page.wait_for_url("**/handledare/person/**")
        page.locator("table tr", has_text=catalogue.title("p1-vaxel", "sv")).first \
            .get_by_role("link").click()
        page.wait_for_url("**/inlamningar/**")
        assert SOLUTION.splitlines()[0].strip() in page.locator("pre.code").first.inner_text()
        results = page.locator(".test-results li").all_inner_texts()
        assert any("dolt test, för personal" in text for text in results)
        assert all(text.startswith("Rätt") for text in results)

        # the coach makes a new-password link for her: it works once, then never again
        page.goto(live_server + "/personer/")
        with page.expect_navigation():
            page.locator("tr", has_text=f"Nova {tag}").get_by_role(
                "link", name="Inloggning").click()
        with page.expect_navigation():
            page.get_by_role("button", name="Gör en länk för nytt lösenord").click()
        reset_link = shown_link(page)
        page = other.new_page()
        choose_password(page, reset_link, "ett-helt-nytt-losenord")
        assert page.url == live_server + "/kandidat/"
        assert nova.pages[0].goto(live_server + "/kandidat/").url.startswith(
            live_server + "/konto/logga-in")  # her other login ended
        second = other.new_page()
        response = second.goto(reset_link)
        assert response.status == 410
        assert second.get_by_role("heading", name="Länken fungerar inte").is_visible()
        assert violations(second) == []
    finally:
        for context in (admin, coach, nova, other):
            context.close()

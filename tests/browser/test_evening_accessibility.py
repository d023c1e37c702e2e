"""axe-core on the evening pages, in Swedish and English: the coach's page for creating an
evening (with and without errors), the live page, the summary after closing and the
attendance over the programme; the participant's join page (with and without errors) and the
evening page of a guest and of Kim (tasks suggested per person); the admin's settings."""

from __future__ import annotations

import pytest

from tests.browser.axe_core import violations
from tests.browser.helpers import log_in, set_language
from tests.browser.test_evening import COACH, KIM, window_around_now

pytestmark = pytest.mark.browser

NEW_EVENING = "form[action$='/kvallar/'] button[type=submit]"


def create_adaptive_evening(page, base_url: str, name: str) -> str:
    """As the logged-in coach, create an evening with suggestions per person; its code."""
    day, starts, ends = window_around_now()
    page.goto(base_url + "/kvallar/")
    page.fill("#name", name)
    page.fill("#day", day)
    page.fill("#starts", starts)
    page.fill("#ends", ends)
    page.fill("#place", "Rum 3")
    page.check("input[name=task_mode][value=adaptive]")
    with page.expect_navigation():
        page.click(NEW_EVENING)
    return page.locator("[data-join-code]").inner_text().strip()


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_evening_pages_have_no_serious_accessibility_issues(live_server, chromium,
                                                                 locale):
    contexts = [chromium.new_context() for _ in range(4)]
    coach, guest, kim, admin = (context.new_page() for context in contexts)
    problems: dict[str, list[str]] = {}
    try:
        log_in(coach, live_server, COACH)
        set_language(coach, locale)
        coach.goto(live_server + "/kvallar/")
        problems["create"] = violations(coach)
        with coach.expect_navigation():
            coach.click(NEW_EVENING)  # nothing filled in: the form shows its errors
        problems["create with errors"] = violations(coach)
        code = create_adaptive_evening(coach, live_server, f"Kväll för axe ({locale})")
        evening_url = coach.url

        guest.goto(live_server + "/kvall/")
        set_language(guest, locale)
        problems["join"] = violations(guest)
        guest.fill("#code", "XXXXXX")
        with guest.expect_navigation():
            guest.click("main button[type=submit]")
        problems["join with a wrong code"] = violations(guest)
        guest.fill("#code", code)
        guest.fill("#nickname", f"Gäst {locale}")
        with guest.expect_navigation():
            guest.click("main button[type=submit]")
        problems["guest's evening"] = violations(guest)
        guest.fill("#email", "inte en adress")
        with guest.expect_navigation():
            guest.click("form[action$='/lank'] button[type=submit]")
        problems["guest's evening after a bad address"] = violations(guest)

        log_in(kim, live_server, KIM)
        set_language(kim, locale)
        kim.goto(f"{live_server}/kvall/?kod={code}")
        with kim.expect_navigation():
            kim.click("main button[type=submit]")
        assert kim.locator("[data-evening-tasks] a").count() > 0  # suggested for Kim
        problems["Kim's evening"] = violations(kim)
        set_language(kim, "sv")  # the account keeps Swedish for the other tests

        coach.goto(evening_url)
        coach.locator("[data-live-people] tr", has_text="Gäst").wait_for()
        problems["live"] = violations(coach)
        with coach.expect_navigation():
            coach.click("form[action$='/stang'] button[type=submit]")
        problems["summary after closing"] = violations(coach)
        coach.goto(live_server + "/kvallar/narvaro")
        problems["attendance"] = violations(coach)
        set_language(coach, "sv")

        log_in(admin, live_server, "admin@demo.kodprov.se")
        set_language(admin, locale)
        admin.goto(live_server + "/admin/installningar")
        problems["admin settings"] = violations(admin)
        admin.fill("#days", "0")
        with admin.expect_navigation():
            admin.click("main button[type=submit]")
        problems["admin settings with an error"] = violations(admin)
        set_language(admin, "sv")
    finally:
        for context in contexts:
            context.close()
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing

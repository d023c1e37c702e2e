"""In Chromium: Kim finds her development plan and her progress from "Din väg", adds a goal
and rates a conversation; the coach sees who changed the plan and the same chart. The pages
have no serious accessibility issues in Swedish and English and break no CSP rule."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import add_plan_goal, log_in, public_id_of, set_language

pytestmark = pytest.mark.browser

COACH, KIM = "handledare@demo.kodprov.se", "kandidat@demo.kodprov.se"


@pytest.fixture
def kim(live_app) -> str:
    return public_id_of(live_app, KIM)


def csp_errors(page) -> list[str]:
    """Collects console messages about the Content Security Policy while the page is used."""
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text
            else None)
    return found


def test_kim_plans_a_goal_and_rates_a_conversation_and_the_coach_sees_both(live_server, page,
                                                                           chromium, kim):
    errors = csp_errors(page)
    log_in(page, live_server, KIM)
    set_language(page, "sv")
    page.goto(f"{live_server}/kandidat/din-vag")
    with page.expect_navigation():
        page.get_by_role("link", name="Din utvecklingsplan").click()
    add_plan_goal(page, "webb:Webbutveckling 1 C", "Formulär som alla kan använda")
    page.get_by_label("Nästa steg").fill("Bygg ett kontaktformulär")
    with page.expect_navigation():
        page.get_by_role("button", name="Lägg till steget").click()
    expect(page.locator(".plan-steps")).to_contain_text("Bygg ett kontaktformulär")

    page.goto(f"{live_server}/kandidat/din-vag")
    with page.expect_navigation():
        page.get_by_role("link", name="Hur det går över tid").click()
    page.get_by_label("Vardagen").fill("6")
    page.get_by_label("IT-kunskaper").fill("8")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara samtalet").click()
    expect(page.locator("figure.progress-chart svg[role=img]")).to_be_visible()
    expect(page.locator("table.progress-table")).to_contain_text("8")

    coach = chromium.new_context().new_page()
    log_in(coach, live_server, COACH)
    coach.goto(f"{live_server}/handledare/person/{kim}")
    with coach.expect_navigation():
        coach.get_by_role("link", name="Utvecklingsplan").click()
    expect(coach.locator(".plan-history")).to_contain_text("personen lade till ett mål")
    coach.goto(f"{live_server}/framsteg/{kim}")
    expect(coach.locator("table.progress-table")).to_contain_text("8")
    coach.context.close()
    assert errors == []


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_plan_and_progress_pages_have_no_serious_accessibility_issues(live_server, page,
                                                                          kim, locale):
    from tests.browser.axe_core import violations

    failing = {}
    for who, paths in ((KIM, (f"/plan/{kim}", f"/framsteg/{kim}", "/kandidat/din-vag")),
                       (COACH, (f"/plan/{kim}", f"/framsteg/{kim}", "/framsteg/omraden"))):
        page.context.clear_cookies()
        log_in(page, live_server, who)
        set_language(page, locale)
        for path in paths:
            assert page.goto(live_server + path).status == 200, path
            if found := violations(page):
                failing[f"{who} {path}"] = found
        set_language(page, "sv")
    assert not failing, failing

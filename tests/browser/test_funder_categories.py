"""In Chromium: Kim says yes to registration in SUS on the consent page and answers the start
survey herself; the coach records her SUS registration and opens the worksheet to print. The
pages have no serious accessibility issues (axe-core)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe_core import violations
from tests.browser.helpers import (
    answer_the_start_survey,
    log_in,
    public_id_of,
    say_yes_to_sus,
    set_language,
)

pytestmark = pytest.mark.browser

COACH, KIM = "handledare@demo.kodprov.se", "kandidat@demo.kodprov.se"


@pytest.fixture
def kim(live_app) -> str:
    return public_id_of(live_app, KIM)


def test_kim_says_yes_to_sus_answers_the_survey_and_the_coach_records_her_worksheet(
        live_server, page, chromium, kim):
    kim_page = chromium.new_context().new_page()
    log_in(kim_page, live_server, KIM)
    set_language(kim_page, "sv")
    say_yes_to_sus(kim_page, live_server)

    kim_page.goto(f"{live_server}/kandidat/enkat/")
    problems = {"survey": violations(kim_page)}
    answer_the_start_survey(kim_page)
    kim_page.context.close()

    log_in(page, live_server, COACH)
    set_language(page, "sv")
    page.goto(f"{live_server}/placeringar/person/{kim}")
    with page.expect_navigation():
        page.get_by_role("link", name="SUS-underlag").click()
    problems["sus page"] = violations(page)
    page.get_by_label("Studiemedel").first.check()
    page.select_option("#occupation_before", "ingen")
    page.select_option("#education", "gymnasial")
    page.select_option("#occupation_after", "arbete")
    page.fill("#hours_after", "20")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text("Sparat.")).to_be_visible()
    expect(page.get_by_role("cell", name="Arbete (50 %)")).to_be_visible()
    expect(page.get_by_text("Vid start: besvarad")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Underlag att skriva ut").click()
    expect(page.get_by_role("cell", name="Gymnasial utbildning")).to_be_visible()
    problems["worksheet"] = violations(page)
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing

"""In Chromium, the demo coach sets up two funding areas, puts Sam in the queue of the one
without places, sees the other area's place lent to Sam and why, admits Sam, ends the
participation with its reason, and reads each move in the log; axe-core finds no serious
issue on the pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe_core import violations
from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser

COACH = "handledare@demo.kodprov.se"


def test_a_coach_lends_a_place_admits_and_ends_and_the_log_says_why(live_server, page):
    log_in(page, live_server, COACH)
    set_language(page, "sv")
    page.goto(f"{live_server}/intag/")
    with page.expect_navigation():
        page.get_by_role("link", name="Platser och köer").click()
    for name, places in (("Höglandet", "1"), ("Vätterbygden", "0")):
        add = page.locator("form#add-area")
        add.get_by_label("Område (till exempel ett samordningsförbund)").fill(name)
        add.get_by_label("Platser", exact=True).fill(places)
        with page.expect_navigation():
            add.get_by_role("button", name="Lägg till", exact=True).click()
        expect(page.get_by_text("Sparat.")).to_be_visible()

    page.get_by_label("Vem").select_option(label="Sam Sökande")
    page.get_by_label("Personens område").select_option(label="Vätterbygden")
    with page.expect_navigation():
        page.get_by_role("button", name="Ställ i kön").click()
    expect(page.get_by_text("Erbjuden en plats.")).to_be_visible()
    expect(page.get_by_text("En plats i Höglandet lånades ut till Sam Sökande i "
                            "Vätterbygden")).to_be_visible()

    row = page.locator("tr", has_text="Sam Sökande")
    expect(row.get_by_text("(lånad)")).to_be_visible()
    with page.expect_navigation():
        row.get_by_role("button", name="Anta").click()
    expect(page.get_by_text("Antagen. Deltagandet har börjat.")).to_be_visible()
    problems = {"pools with someone admitted": violations(page)}

    with page.expect_navigation():
        page.locator("tr", has_text="Sam Sökande").get_by_role(
            "link", name="Avsluta deltagandet").click()
    problems["the end form"] = violations(page)
    page.get_by_label("Varför det slutade").select_option(label="Hälsa")
    with page.expect_navigation():
        page.get_by_role("button", name="Avsluta deltagandet").click()
    expect(page.get_by_text("Deltagandet för Sam Sökande avslutades (Hälsa). Platsen i "
                            "Höglandet är ledig igen.")).to_be_visible()
    # Sam holds no place now (others may: the live server is shared by every browser test)
    expect(page.locator("tr", has_text="Sam Sökande")).to_have_count(0)
    problems["the log"] = violations(page)
    assert not {where: found for where, found in problems.items() if found}, problems

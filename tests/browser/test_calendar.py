"""The public calendar in Chromium: the demo coach sets Tuesday evenings and a break, anyone
reads the calendar (axe-core finds no serious issue in Swedish or English), signs up for an
evening and sees it on the start page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from assessor.domain.calendar import Schedule, next_evenings
from assessor.domain.clock import utcnow
from tests.browser.axe_core import violations
from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser
COACH = "handledare@demo.kodprov.se"


def test_the_public_calendar_is_set_read_and_signed_up_for(live_server, page):
    first, second, third = (e.day for e in next_evenings(Schedule(place="x"), utcnow(), 3))
    log_in(page, live_server, COACH)
    page.goto(live_server + "/kalender/schema")
    page.get_by_label("Plats").fill("Biblioteket, rum 3")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()
    page.get_by_text("Kalendern är sparad.").wait_for()
    page.get_by_label("Första dagen").fill(str(second))
    page.get_by_label("Sista dagen").fill(str(second + timedelta(days=1)))
    page.get_by_label("Anledning (visas i kalendern)").fill("Studiedag")
    with page.expect_navigation():
        page.get_by_role("button", name="Lägg till uppehållet").click()
    page.get_by_text("Uppehållet är sparat.").wait_for()
    assert violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name="Logga ut").click()

    page.goto(live_server + "/kalender")
    assert page.get_by_role("heading", level=1).inner_text() == "Mini Hackathon-kvällar"
    page.get_by_text("Tisdagar 17:00–19:00").first.wait_for()
    listed = page.locator("ul.evenings").first.inner_text()
    assert str(third.day) in listed and f" {second.day} " not in f" {listed} "
    assert violations(page) == []

    set_language(page, "en")
    page.get_by_text("Tuesdays 17:00–19:00").first.wait_for()
    assert violations(page) == []
    set_language(page, "sv")

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Anmäl dig \\(frivilligt\\)")).first.click()
    page.get_by_text("Vad som händer med det du skriver").wait_for()
    assert violations(page) == []
    page.get_by_label("Namn eller smeknamn").fill("Kim")
    page.get_by_label("E-post").fill("inte-en-adress")
    page.get_by_role("button", name="Anmäl mig").click()
    page.get_by_text("Det ser inte ut som en e-postadress.").first.wait_for()
    page.get_by_label("E-post").fill("kim.browser@example.se")
    with page.expect_navigation():
        page.get_by_role("button", name="Anmäl mig").click()
    page.get_by_text("Vi har skickat ett mejl till kim.browser@example.se").wait_for()

    page.goto(live_server + "/")
    page.get_by_role("heading", name="Mini Hackathon-kvällar").wait_for()
    assert str(first.day) in page.locator("#main").inner_text()

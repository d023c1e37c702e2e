"""The clock on a task page is off until asked for, and its button says whether it is on."""

from __future__ import annotations

import pytest

from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser


def test_the_clock_button_says_in_words_and_to_screen_readers_whether_the_clock_is_on(
        live_server, page):
    log_in(page, live_server, "kandidat2@demo.kodprov.se")
    page.goto(live_server + "/uppgifter/p1-tick-tack")
    button = page.locator("[data-timer-toggle]")
    clock = page.locator("[data-timer]")
    assert button.inner_text() == "Klocka: av" and button.get_attribute("aria-pressed") == "false"
    assert clock.is_hidden()

    button.click()
    assert button.inner_text() == "Klocka: på" and button.get_attribute("aria-pressed") == "true"
    assert clock.is_visible()
    assert page.get_by_role("button", name="Klocka: på", pressed=True).count() == 1

    page.reload()  # the clock stays on, and the button still says so
    assert button.inner_text() == "Klocka: på" and button.get_attribute("aria-pressed") == "true"

    button.click()
    assert button.inner_text() == "Klocka: av" and button.get_attribute("aria-pressed") == "false"
    assert clock.is_hidden()


def test_in_english_the_clock_button_says_clock_off(live_server, page):
    log_in(page, live_server, "kandidat2@demo.kodprov.se")
    set_language(page, "en")
    page.goto(live_server + "/uppgifter/p1-tick-tack")
    button = page.locator("[data-timer-toggle]")
    assert button.inner_text() == "Clock: off"
    button.click()
    assert button.inner_text() == "Clock: on"
    set_language(page, "sv")

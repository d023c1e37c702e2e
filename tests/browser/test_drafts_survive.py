"""A reload at any moment loses no typed character; a kept copy never reaches another account."""

from __future__ import annotations

import pytest

from tests.browser.helpers import log_in, open_task

pytestmark = pytest.mark.browser
COPIES = "Object.keys(localStorage).filter(k => k.startsWith('kodprov-unsaved:'))"


def type_at_end(page, text: str) -> None:
    """Put the cursor at the end of the editor and type ``text`` on a new line."""
    page.focus(".cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def server_text(page, url: str) -> str:
    """The task page as the server renders it now (not through the page's own routes)."""
    return page.request.get(url).text()


def wait_until_saved(page, url: str, text: str) -> None:
    """Wait (at most half a minute, only to stop a hung test) until the server has ``text``."""
    for _ in range(60):
        if text in server_text(page, url):
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"the server never got {text!r}")


def lose_the_server(page) -> None:
    """From now on this page's draft saves go nowhere (the server never sees them)."""
    page.evaluate("document.querySelector('.task-form').dataset.draftUrl = '/finns-inte'")


def test_a_reload_right_after_typing_keeps_the_text_and_the_server_gets_it(live_server, page):
    url = open_task(page, live_server, "p1-vokaler")
    for delay, word in ((200, "fem"), (0, "noll"), (1000, "tusen")):
        text = f"# omladdning efter {word}"
        type_at_end(page, text)
        page.wait_for_timeout(delay)
        page.reload()
        assert text in page.locator(".cm-content").inner_text()
        wait_until_saved(page, url, text)
    assert page.evaluate(COPIES) == []  # the server has it all: nothing is kept here


def test_text_that_never_reached_the_server_comes_back_and_is_saved(live_server, page):
    url = open_task(page, live_server, "p1-andra-storsta")
    lose_the_server(page)
    type_at_end(page, "# skrivet utan nät")
    with page.expect_response(lambda response: "/finns-inte" in response.url):
        page.keyboard.press("Tab")  # leaving the editor saves at once: the save gets lost
    assert "# skrivet utan nät" not in server_text(page, url)
    page.reload()
    assert "# skrivet utan nät" in page.locator(".cm-content").inner_text()
    wait_until_saved(page, url, "# skrivet utan nät")
    page.locator("[data-draft-status]").get_by_text("tillbaka från den här datorn").wait_for()


def test_newer_work_saved_on_another_computer_wins_over_an_old_copy(live_server, chromium):
    here, elsewhere = chromium.new_context(), chromium.new_context()
    first = here.new_page()
    url = open_task(first, live_server, "p1-biljettpris")
    lose_the_server(first)
    type_at_end(first, "# gammalt, bara här")
    first.close()  # the copy stays in this browser

    second = elsewhere.new_page()
    open_task(second, live_server, "p1-biljettpris")
    type_at_end(second, "# nyare, från en annan dator")
    wait_until_saved(second, url, "# nyare, från en annan dator")

    again = here.new_page()
    again.goto(url)
    editor = again.locator(".cm-content").inner_text()
    assert "# nyare, från en annan dator" in editor and "# gammalt, bara här" not in editor
    assert again.evaluate(COPIES) == []
    here.close()
    elsewhere.close()


def test_another_account_on_the_same_computer_never_gets_the_copy(live_server, page):
    url = open_task(page, live_server, "p1-personnummer")
    lose_the_server(page)
    type_at_end(page, "# Kims osparade rad")
    assert len(page.evaluate(COPIES)) == 1
    with page.expect_navigation():
        page.click("header form[data-account] button")

    log_in(page, live_server, "kandidat2@demo.kodprov.se")
    assert page.evaluate(COPIES) == []  # gone as soon as someone else logged in
    page.goto(url)
    assert "# Kims osparade rad" not in page.locator(".cm-content").inner_text()

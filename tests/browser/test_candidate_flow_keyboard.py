"""The whole candidate flow with the keyboard only (Tab, Enter, Space and typing; no mouse):
log in, find a task, write the answer in the editor, leave the editor, hand in, read the result,
find the task done in the list, and log out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.helpers import type_code
from tests.browser.test_questionnaire_keyboard import enter_and_wait, log_in_by_keyboard, tab_to

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SOLUTION = (ROOT / "challenges" / "p1-vaxel" / "solution" / "vaxel.py").read_text()
IN_EDITOR = "document.activeElement.classList.contains('cm-content')"


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def test_a_candidate_does_a_task_from_login_to_result_with_the_keyboard_only(live_server, page):
    page.goto(live_server + "/")
    tab_to(page, "el.textContent.trim() === 'Logga in'")
    enter_and_wait(page)
    log_in_by_keyboard(page, "kandidat@demo.kodprov.se")
    assert page.url == live_server + "/kandidat/"

    tab_to(page, "el.textContent.trim() === 'Se alla uppgifter'")
    enter_and_wait(page)
    tab_to(page, "el.textContent.trim() === 'Växel'")
    enter_and_wait(page)
    assert page.url.endswith("/uppgifter/p1-vaxel")

    tab_to(page, IN_EDITOR)
    type_code(page, SOLUTION)
    page.keyboard.press("Escape")  # the way out, as the page says
    page.keyboard.press("Tab")
    assert not page.evaluate(IN_EDITOR)

    tab_to(page, "el.value === 'attempt'")
    assert focused_text(page) == "Lämna in"
    page.keyboard.press("Enter")
    result = page.locator("[data-result]")
    result.get_by_text("Bra jobbat").wait_for(timeout=120_000)
    page.locator("button[value=attempt]:enabled").wait_for()

    tab_to(page, "el.textContent.trim() === 'Uppgifter' && !!el.closest('header')")
    enter_and_wait(page)
    done = page.locator(".task-list li", has_text="Växel").locator(".state")
    assert done.inner_text() == "Klar"

    tab_to(page, "el.textContent.trim() === 'Logga ut'")
    page.keyboard.press("Space")
    page.wait_for_url(live_server + "/")
    tab_to(page, "el.textContent.trim() === 'Logga in'")

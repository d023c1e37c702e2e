"""A challenge by keyboard only in a real browser: write, test, hand in, read, reload."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.helpers import log_in, type_code
from tests.browser.test_questionnaire_keyboard import tab_to

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SOLUTION = (ROOT / "challenges" / "p1-summa-medel" / "solution" / "medel.py").read_text()


def test_write_test_hand_in_and_find_the_draft_again(live_server, page):
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    page.goto(live_server + "/uppgifter/p1-summa-medel")
    tab_to(page, "el.classList && el.classList.contains('cm-content')")
    type_code(page, SOLUTION)
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('cm-content')")

    tab_to(page, "el.value === 'precheck'")
    page.keyboard.press("Enter")
    result = page.locator("[data-result]")
    result.get_by_text("testkörning").wait_for(timeout=120_000)
    assert "Inte än" not in result.inner_text()

    tab_to(page, "el.value === 'attempt'")
    page.keyboard.press("Enter")
    result.get_by_text("Bra jobbat").wait_for(timeout=120_000)

    page.reload()
    editor_text = page.locator(".cm-content").inner_text()
    assert "Summa" in editor_text and "Dina försök" in page.content()

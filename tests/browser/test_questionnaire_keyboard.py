"""The questionnaire by keyboard only, and answers that survive a reload."""

from __future__ import annotations

import pytest

from assessor.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def tab_to(page, predicate_js: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches ``predicate_js`` (a JS expression on el)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"never reached an element where {predicate_js}")


def enter_and_wait(page) -> None:
    """Press Enter on the focused element and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_log_in_and_answer_questions_with_the_keyboard_only(live_server, page):
    page.goto(live_server + "/konto/logga-in")
    tab_to(page, "el.id === 'email'")
    page.keyboard.type("handledare@demo.kodprov.se")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    enter_and_wait(page)
    assert page.url == live_server + "/handledare/"
    tab_to(page, "el.textContent.trim() === 'Lägg till en person'")
    enter_and_wait(page)
    tab_to(page, "el.id === 'name'")
    page.keyboard.type("Tangent Bord")
    tab_to(page, "el.type === 'submit' && el.textContent.trim() === 'Lägg till'")
    enter_and_wait(page)
    assert "/formular/" in page.url

    tab_to(page, "el.type === 'submit' && el.classList.contains('button')")
    enter_and_wait(page)
    assert page.url.endswith("/fraga/1")
    tab_to(page, "el.type === 'radio'")
    page.keyboard.press("ArrowDown")  # moves to and selects the second option
    tab_to(page, "el.value === 'next'")
    enter_and_wait(page)
    assert page.url.endswith("/fraga/2")

    page.reload()
    page.goto(page.url.replace("/fraga/2", "/fraga/1"))
    checked = page.locator("input[type=radio]:checked")
    assert checked.count() == 1 and checked.get_attribute("value") == "sometimes"

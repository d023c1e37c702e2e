"""The questionnaire by keyboard only, and answers that survive a reload."""

from __future__ import annotations

import pytest

from assessor.cli.demo import DEMO_PASSWORD
from tests.browser.helpers import new_questionnaire

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


def log_in_by_keyboard(page, email: str) -> None:
    """On the login page: Tab to the email field, type, Tab, type the password, Enter."""
    tab_to(page, "el.id === 'email'")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    enter_and_wait(page)


def test_log_in_and_answer_questions_with_the_keyboard_only(live_server, page):
    page.goto(live_server + "/konto/logga-in")
    log_in_by_keyboard(page, "handledare@demo.kodprov.se")
    assert page.url == live_server + "/handledare/"
    tab_to(page, "el.textContent.trim() === 'Lägg till en person'")
    enter_and_wait(page)
    tab_to(page, "el.id === 'name'")
    page.keyboard.type("Tangent Bord")
    tab_to(page, "el.id === 'tests_consent'")
    page.keyboard.press("Space")  # the person's yes, which the coach writes down
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


def test_enter_in_a_text_answer_goes_to_the_next_question(live_server, page):
    first = new_questionnaire(page, live_server, "Enter Text")
    page.goto(first.replace("/fraga/1", "/fraga/11"))
    page.focus("#answer")
    page.keyboard.type("42")
    enter_and_wait(page)
    assert page.url.endswith("/fraga/12")
    page.goto(first.replace("/fraga/1", "/fraga/11"))
    assert page.input_value("#answer") == "42"


def test_enter_on_a_chosen_option_goes_to_the_next_question(live_server, page):
    first = new_questionnaire(page, live_server, "Enter Val")
    page.goto(first.replace("/fraga/1", "/fraga/10"))
    page.focus("input[type=radio]")
    page.keyboard.press("Space")
    enter_and_wait(page)
    assert page.url.endswith("/fraga/11")


def test_previous_and_next_keep_their_order_for_the_eye_and_for_tab(live_server, page):
    first = new_questionnaire(page, live_server, "Tab Ordning")
    page.goto(first.replace("/fraga/1", "/fraga/11"))
    page.focus("#answer")
    tab_to(page, "el.tagName === 'BUTTON'")
    assert page.evaluate("document.activeElement.value") == "back"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "next"
    back = page.locator(".actions button[value=back]")
    forward = page.locator(".actions button[value=next]")
    assert back.bounding_box()["x"] < forward.bounding_box()["x"]

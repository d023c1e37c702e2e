"""The code editor by keyboard: a reliable way out, tags typed once, Python's four spaces."""

from __future__ import annotations

import pytest

from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser
IN_EDITOR = "document.activeElement.classList.contains('cm-content')"


def open_editor(page, base_url: str, slug: str, *, fake_clock: bool = False) -> None:
    """Log in as the demo candidate, open a task and put the cursor in its (emptied) editor."""
    log_in(page, base_url, "kandidat@demo.kodprov.se")
    page.route("**/utkast", lambda route: route.abort())  # these tests keep the demo drafts
    if fake_clock:
        page.clock.install()
    page.goto(base_url + f"/uppgifter/{slug}")
    page.focus(".cm-content")
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")


def editor_text(page) -> str:
    """The editor's text, read from the form field it keeps up to date."""
    return page.locator("textarea[data-editor-language]").first.input_value()


def test_escape_then_tab_leaves_the_editor_however_long_the_pause(live_server, page):
    open_editor(page, live_server, "p1-tick-tack", fake_clock=True)
    page.keyboard.type("x = 1")
    page.keyboard.press("Escape")
    page.clock.fast_forward(60_000)  # a minute to find the Tab key
    page.keyboard.press("Tab")
    assert not page.evaluate(IN_EDITOR)
    assert editor_text(page) == "x = 1"


def test_escape_that_closes_the_word_list_also_opens_the_way_out(live_server, page):
    open_editor(page, live_server, "p1-tick-tack")
    page.keyboard.type("def f():\nreturn Tr")
    page.locator(".cm-tooltip-autocomplete").wait_for()
    page.keyboard.press("Escape")
    page.locator(".cm-tooltip-autocomplete").wait_for(state="detached")
    page.keyboard.press("Tab")
    assert not page.evaluate(IN_EDITOR)


def test_typing_after_escape_makes_tab_indent_again(live_server, page):
    open_editor(page, live_server, "p1-tick-tack")
    page.keyboard.press("Escape")
    page.keyboard.type("x")
    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    assert page.evaluate(IN_EDITOR)
    assert editor_text(page) == "    x"


def test_control_m_switches_between_tab_leaving_and_tab_indenting(live_server, page):
    open_editor(page, live_server, "p1-tick-tack")
    page.keyboard.press("Control+m")
    page.keyboard.type("x")  # typing keeps Tab leaving while the switch is on
    page.keyboard.press("Tab")
    assert not page.evaluate(IN_EDITOR)
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(IN_EDITOR)
    page.keyboard.press("Tab")
    assert not page.evaluate(IN_EDITOR)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Control+m")
    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    assert page.evaluate(IN_EDITOR)
    assert editor_text(page) == "    x"


def test_the_page_says_when_tab_leaves_the_editor(live_server, page):
    open_editor(page, live_server, "p1-tick-tack")
    status = page.locator("[data-tab-mode]")
    assert status.inner_text().strip() == ""
    page.keyboard.press("Control+m")
    assert "Ctrl+M" in status.inner_text()
    page.keyboard.press("Control+m")
    assert status.inner_text().strip() == ""


def test_a_closing_tag_typed_in_full_is_written_once(live_server, page):
    open_editor(page, live_server, "w1-semantisk-sida")
    page.keyboard.type("<figure>\n<img src=\"a.png\" alt=\"En katt\">\n</figure>\n<p>Hej</p>")
    lines = [line.strip() for line in editor_text(page).splitlines()]
    assert lines == ["<figure>", "<img src=\"a.png\" alt=\"En katt\">", "</figure>", "<p>Hej</p>"]


def test_python_indents_four_spaces_like_the_starting_files(live_server, page):
    open_editor(page, live_server, "p1-tick-tack")
    page.keyboard.type("def f():\nreturn 1")
    assert editor_text(page) == "def f():\n    return 1"


def test_a_closing_brace_typed_on_its_own_line_is_written_once(live_server, page):
    open_editor(page, live_server, "w1-css-layout")
    page.locator(".cm-content").nth(1).focus()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type("nav {\ndisplay: flex;\n}")
    text = page.locator("textarea[data-editor-language=css]").input_value()
    assert [line.strip() for line in text.splitlines()] == ["nav {", "display: flex;", "}"]

"""Site-wide text size by keyboard, and "Listen" with the browser's speech synthesis."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in, new_questionnaire, set_language, wait_for_value
from tests.browser.test_questionnaire_keyboard import tab_to

pytestmark = pytest.mark.browser
ROOT_SIZE = "parseFloat(getComputedStyle(document.documentElement).fontSize)"

# A speech synthesis that records what it is asked to say (headless Chromium has no voices).
FAKE_SPEECH = """
window.spoken = [];
window.cancelled = 0;
class FakeUtterance { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } }
const voices = [{ name: "Daniel", lang: "en-GB" }, { name: "Alva", lang: "sv_SE" }];
const fake = {
  paused: false,
  getVoices: () => voices,
  speak(u) { window.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); },
  cancel() { window.cancelled += 1; },
  pause() { this.paused = true; },
  resume() { this.paused = false; },
};
Object.defineProperty(window, "speechSynthesis", { value: fake, configurable: true });
window.SpeechSynthesisUtterance = FakeUtterance;
"""
NO_SPEECH = 'Object.defineProperty(window, "speechSynthesis", { value: undefined });'


def press_button(page, value: str, key: str = "Enter") -> None:
    """Tab to the header's text size button with ``value`` and press it."""
    tab_to(page, f"el.name === 'size' && el.value === '{value}'")
    page.keyboard.press(key)


def test_text_size_by_keyboard_grows_every_page_and_stays(live_server, page):
    page.goto(live_server + "/")
    assert page.evaluate(ROOT_SIZE) == 16
    press_button(page, "larger")
    wait_for_value(page, ROOT_SIZE, 20)
    assert page.evaluate("document.activeElement.value") == "larger"  # no jump to the top
    page.keyboard.press("Enter")
    wait_for_value(page, ROOT_SIZE, 24)
    expect(page.locator("[data-text-size-now]")).to_have_text("150\u00a0%")
    page.goto(live_server + "/om")
    assert page.evaluate(ROOT_SIZE) == 24
    page.reload()
    assert page.evaluate(ROOT_SIZE) == 24
    press_button(page, "smaller", key="Space")
    wait_for_value(page, ROOT_SIZE, 20)


def test_the_text_size_buttons_are_named_by_what_they_show(live_server, page):
    page.goto(live_server + "/")
    expect(page.locator("button[value=larger]")).to_have_accessible_name(re.compile(r"^A\+ "))
    expect(page.locator("button[value=smaller]")).to_have_accessible_name(re.compile(r"^A− "))
    expect(page.get_by_role("group", name="Textstorlek")).to_be_visible()


def test_the_code_editor_grows_with_the_page(live_server, page):
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    page.goto(live_server + "/uppgifter/p1-vaxel")
    editor_size = "parseFloat(getComputedStyle(document.querySelector('.cm-editor')).fontSize)"
    normal = page.evaluate(editor_size)
    page.click("button[value=larger]")
    wait_for_value(page, editor_size, normal * 1.25)
    page.click("button[value=smaller]")
    wait_for_value(page, editor_size, normal)


def listen(page) -> list[dict]:
    """Press the first visible "Listen" button with the keyboard; what was said."""
    tab_to(page, "el.hasAttribute('data-listen-start')")
    page.keyboard.press("Enter")
    return page.evaluate("window.spoken")


def test_listen_reads_the_task_in_a_swedish_voice_and_can_pause_and_stop(live_server, page):
    page.add_init_script(FAKE_SPEECH)
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    page.goto(live_server + "/uppgifter/p1-summa-medel")
    statement = page.locator(".statement").inner_text()
    spoken = listen(page)
    said = " ".join(part["text"] for part in spoken)
    assert statement.split("\n")[0].strip() in said
    assert "Lyssna" not in said and "Pausa" not in said
    assert {(part["lang"], part["voice"]) for part in spoken} == {("sv-SE", "Alva")}
    assert all(len(part["text"]) < 400 for part in spoken)  # short parts: Chrome cuts long ones

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Pausa"
    page.keyboard.press("Enter")
    assert page.evaluate("window.speechSynthesis.paused") is True
    assert page.evaluate("document.activeElement.textContent") == "Fortsätt"
    page.keyboard.press("Enter")
    assert page.evaluate("window.speechSynthesis.paused") is False
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Stoppa
    assert page.evaluate("window.cancelled") >= 2
    assert page.evaluate("document.activeElement.textContent") == "Lyssna"
    assert page.locator("[data-listen-stop]").is_hidden()


def test_listen_reads_a_question_with_its_answers(live_server, page):
    first = new_questionnaire(page, live_server, "Lyssna Fråga")
    page.add_init_script(FAKE_SPEECH)
    page.goto(first.replace("/fraga/1", "/fraga/7"))
    said = " ".join(part["text"] for part in listen(page))
    assert page.locator("legend").inner_text().strip() in said
    assert page.locator(".choices label").first.inner_text().strip() in said


def test_listen_reads_the_report_in_english_on_an_english_page(live_server, page):
    page.add_init_script(FAKE_SPEECH)
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    page.goto(live_server + "/formular/")
    code = page.url.rstrip("/").rsplit("/", 1)[1]
    set_language(page, "en")
    page.goto(live_server + f"/rapport/{code}")
    spoken = listen(page)
    said = " ".join(part["text"] for part in spoken)
    assert "Verification report" in said and "Listen" not in said
    assert {(part["lang"], part["voice"]) for part in spoken} == {("en-GB", "Daniel")}


def test_no_listen_button_where_the_browser_cannot_speak(live_server, page):
    page.add_init_script(NO_SPEECH)
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    page.goto(live_server + "/uppgifter/p1-summa-medel")
    assert page.locator("[data-listen]").count() == 1
    assert page.locator("[data-listen]").is_hidden()

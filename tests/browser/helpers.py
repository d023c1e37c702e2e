"""Small steps shared by browser tests."""

from __future__ import annotations

import sqlalchemy as sa
from playwright.sync_api import expect

from assessor.cli.demo import DEMO_PASSWORD
from assessor.models import Person, User


def log_in(page, base_url: str, email: str) -> None:
    """Log in through the login form."""
    page.goto(base_url + "/konto/logga-in")
    page.fill("#email", email)
    page.fill("#password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("#submit")


def set_language(page, locale: str) -> None:
    """Switch the interface language with the header button, if it is not already set."""
    if page.locator("html").get_attribute("lang") != locale:
        page.click(f"header button[value={locale}]")
        page.wait_for_load_state()


def new_questionnaire(page, base_url: str, name: str) -> str:
    """As the demo coach, add a person called ``name`` and start their questionnaire.
    Returns the address of its first question."""
    log_in(page, base_url, "handledare@demo.kodprov.se")
    page.goto(base_url + "/personer/ny")
    page.fill("#name", name)
    page.check("#tests_consent")  # the person's yes, which the coach writes down
    with page.expect_navigation():
        page.click("main button[type=submit]")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.url.endswith("/fraga/1"), page.url
    return page.url


def type_code(page, code: str) -> None:
    """Replace the focused editor's text by typing ``code`` line by line: an open word list is
    closed before Enter, and the editor's own indentation is taken away (the code has its own)."""
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    for line in code.splitlines():
        page.keyboard.insert_text(line)
        page.keyboard.press("Escape")
        page.keyboard.press("Enter")
        page.keyboard.press("Shift+Home")
        page.keyboard.press("Delete")


def open_task(page, base_url: str, slug: str) -> str:
    """Log in as the demo candidate and open a task; returns its address."""
    log_in(page, base_url, "kandidat@demo.kodprov.se")
    url = f"{base_url}/uppgifter/{slug}"
    page.goto(url)
    return url


def wait_for_value(page, expression: str, expected, tries: int = 200) -> None:
    """Poll a JavaScript expression until it equals ``expected``. (Playwright's
    ``wait_for_function`` compiles its predicate with ``eval``, which the pages'
    Content-Security-Policy forbids; ``evaluate`` goes through the devtools protocol.)"""
    value = None
    for _ in range(tries):
        value = page.evaluate(expression)
        if value == expected:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{expression} stayed {value!r}, expected {expected!r}")


def add_plan_goal(page, level: str, note: str) -> None:
    """On a development plan: add a goal (``level`` as ``area:course``) with a note."""
    page.get_by_label("Nivå att nå").select_option(level)
    page.get_by_label("Med egna ord (om du vill)").last.fill(note)
    with page.expect_navigation():
        page.get_by_role("button", name="Lägg till målet").click()
    expect(page.locator("table.plan-goals")).to_contain_text(level.partition(":")[2])


def say_yes_to_sus(page, base_url: str) -> None:
    """As a logged-in candidate, say yes to "Registrering i SUS" on the consent page."""
    page.goto(base_url + "/kandidat/samtycke")
    section = page.locator("section.panel", has_text="Registrering i SUS")
    with page.expect_navigation():
        section.get_by_role("button", name="Säg ja").click()
    expect(page.locator("section.panel", has_text="Registrering i SUS")
           .get_by_role("button", name="Ta tillbaka")).to_be_visible()


def answer_the_start_survey(page) -> None:
    """On the survey page: 4 to every statement at the start, saved."""
    start = page.locator("section.panel", has_text="Vid start")
    for group in start.locator("fieldset").all():
        group.get_by_label("4", exact=True).check()
    with page.expect_navigation():
        start.get_by_role("button", name="Spara mina svar").click()
    expect(page.get_by_text("Tack. Dina svar är sparade.")).to_be_visible()


def public_id_of(live_app, email: str) -> str:
    """The code of the person whose login is ``email``, from the live app's database."""
    database = live_app.extensions["kodprov_db"]
    with database.session() as session:
        code = session.scalar(sa.select(Person.public_id).join(User, Person.user_id == User.id)
                              .where(User.email == email))
    database.session.remove()
    return code

"""Feedback that teaches, in a real browser: the line diff after "Testa", a run on one's own
input, SQL result tables side by side and a form task's named answers; axe finds nothing
serious on any of them, in Swedish and English."""

from __future__ import annotations

import secrets

import pytest
import sqlalchemy as sa

from assessor.cli.demo import DEMO_PASSWORD
from assessor.models import Consent, Draft, Person, Submission, User
from assessor.services.accounts import create_user
from tests.browser.axe_core import violations
from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser
WAIT = 120_000  # only stops a hung test; grading usually takes a second or two


def consenting_candidate(app) -> str:
    """A fresh candidate with a yes to "Tests and results"; returns the email."""
    email = f"fb-{secrets.token_hex(4)}@example.se"
    database = app.extensions["kodprov_db"]
    session = database.session()
    try:
        user = create_user(session, email=email, name="Frida Feedback", role="candidate",
                           password=DEMO_PASSWORD)
        person = session.scalar(sa.select(Person).where(Person.user_id == user.id))
        session.add(Consent(person_id=person.id, purpose="assessment", recorded_by_id=user.id))
        session.commit()
    finally:
        database.session.remove()
    return email


def kinds_stored(app, email: str) -> list[str]:
    """The kinds of the candidate's submissions, and "draft" for each draft."""
    database = app.extensions["kodprov_db"]
    session = database.session()
    try:
        person = session.scalar(sa.select(Person.id).join(User, Person.user_id == User.id)
                                .where(User.email == email))
        kinds = list(session.scalars(sa.select(Submission.kind)
                                     .where(Submission.person_id == person)))
        drafts = session.scalar(sa.select(sa.func.count()).select_from(Draft)
                                .where(Draft.person_id == person))
        return [str(kind) for kind in kinds] + ["draft"] * drafts
    finally:
        database.session.remove()


def upload(page, name: str, code: str) -> None:
    page.set_input_files("#upload", files=[{"name": name, "mimeType": "text/plain",
                                            "buffer": code.encode()}])


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_test_shows_a_line_diff_and_own_input_runs_without_counting(live_server, live_app,
                                                                    page, locale):
    email = consenting_candidate(live_app)
    log_in(page, live_server, email)
    set_language(page, locale)
    page.goto(f"{live_server}/uppgifter/p1-biljettpris")
    upload(page, "biljett.py", "alder = int(input())\nprint('Pris:', alder, 'kr')\n")
    page.click("button[value=precheck]")
    first = page.locator("[data-result] tr.first-difference").first
    first.wait_for(timeout=WAIT)
    words = {"sv": "Första skillnaden", "en": "First difference"}[locale]
    assert words in first.inner_text()  # said in words, not by colour alone
    assert page.locator("[data-result] table.output-diff mark").count() >= 2
    assert violations(page) == []

    page.fill("#own-input", "5\n")
    page.click("button[data-own-run]")
    output = page.locator("[data-own-output] pre")
    output.wait_for(timeout=WAIT)
    assert output.inner_text().strip() == "Pris: 5 kr"
    assert violations(page) == []
    stored = kinds_stored(live_app, email)
    assert stored.count("precheck") == 1 and "attempt" not in stored  # the run added nothing


def test_an_sql_test_shows_both_tables_side_by_side(live_server, live_app, page):
    log_in(page, live_server, consenting_candidate(live_app))
    page.goto(f"{live_server}/uppgifter/d-produkter-urval")
    upload(page, "fraga.sql", "SELECT namn, pris FROM produkt ORDER BY pris;")
    page.click("button[value=precheck]")
    tables = page.locator("[data-result] .result-tables table.result-table")
    tables.first.wait_for(timeout=WAIT)
    assert tables.count() == 2
    expected, own = (tables.nth(i).bounding_box() for i in (0, 1))
    assert own["x"] > expected["x"] and abs(own["y"] - expected["y"]) < 5  # beside it
    assert violations(page) == []


def test_a_form_task_names_its_answers_in_the_result(live_server, live_app, page):
    log_in(page, live_server, consenting_candidate(live_app))
    page.goto(f"{live_server}/uppgifter/n-adresser-i-natet")
    page.fill("#answer-1", "10.0.0.1")
    page.click("button[value=attempt]")
    result = page.locator("[data-result] .test-results")
    result.wait_for(timeout=WAIT)
    text = result.inner_text()
    assert "Nätadress" in text and "Dolt test" not in text
    assert "ändra din kod" not in page.locator("[data-result]").inner_text()
    assert violations(page) == []

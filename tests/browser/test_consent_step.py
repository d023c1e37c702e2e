"""The yes to "Tests and results" asked at the first task, in a real browser: nothing is saved
before it, and what was typed before it is still there after it."""

from __future__ import annotations

import secrets

import pytest
import sqlalchemy as sa

from assessor.cli.demo import DEMO_PASSWORD
from assessor.models import Consent, Draft
from assessor.services.accounts import create_user
from tests.browser.axe_core import violations
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser


def new_candidate(app) -> str:
    """A fresh candidate without any consent in the live database; returns the email."""
    email = f"ny-{secrets.token_hex(4)}@example.se"
    database = app.extensions["kodprov_db"]
    session = database.session()
    try:
        create_user(session, email=email, name="Ny Kandidat", role="candidate",
                    password=DEMO_PASSWORD)
        session.commit()
    finally:
        database.session.remove()
    return email


def stored_for(app, email: str) -> tuple[list[dict], list[str]]:
    """The drafts' files and the consents' purposes of the candidate with this email."""
    from assessor.models import Person, User

    database = app.extensions["kodprov_db"]
    session = database.session()
    try:
        person_id = session.scalar(sa.select(Person.id).join(User, Person.user_id == User.id)
                                   .where(User.email == email))
        drafts = session.scalars(sa.select(Draft.files).where(Draft.person_id == person_id))
        consents = session.scalars(sa.select(Consent.purpose)
                                   .where(Consent.person_id == person_id))
        return list(drafts), list(consents)
    finally:
        database.session.remove()


def test_the_yes_at_the_first_task_keeps_what_was_typed(live_server, live_app, page):
    email = new_candidate(live_app)
    log_in(page, live_server, email)
    page.goto(live_server + "/uppgifter/p1-summa-medel")
    assert page.get_by_role("heading", name="Först ditt ja").is_visible()
    assert violations(page) == []
    assert page.get_by_role("button", name="Lämna in").count() == 0
    page.locator(".cm-content").click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\n# mitt eget försök")
    page.locator(".cm-content").blur()  # leaving the editor saves a draft, when one may
    assert stored_for(live_app, email) == ([], [])
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, spara det jag gör").click()
    assert "# mitt eget försök" in page.locator(".cm-content").inner_text()
    assert page.get_by_role("button", name="Lämna in").is_visible()
    drafts, consents = stored_for(live_app, email)
    assert consents == ["assessment"]
    assert len(drafts) == 1 and "# mitt eget försök" in drafts[0]["medel.py"]

"""In Chromium: the coach goes from the people list to a person, opens a hand-in and reads the
code and the result of every test, the hidden staff tests too; a staff preview of a task runs
"Testa" and stores nothing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import Draft, Submission
from tests.app_settings import catalogue
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

COACH = "handledare@demo.kodprov.se"
TASK = "p1-summa-medel"  #: Kim handed in its model solution (demo data)


def test_a_coach_opens_a_person_then_a_hand_in_and_sees_the_code_and_the_staff_tests(
        live_server, page):
    log_in(page, live_server, COACH)
    page.goto(live_server + "/personer/")
    page.get_by_role("link", name="Kim Kandidat", exact=True).click()
    page.wait_for_url("**/handledare/person/**")
    assert page.get_by_role("heading", name="Inlämningar").is_visible()
    title = catalogue.title(TASK, "sv")
    row = page.locator("table tr", has_text=title).first
    row.get_by_role("link").click()
    page.wait_for_url("**/inlamningar/**")
    assert page.get_by_role("heading", name=f"Inlämning: {title}").is_visible()
    code = page.locator("pre.code").first.inner_text()
    assert "Summa" in code and "Medel" in code  # the model solution prints both
    tests = page.locator(".test-results li").all_inner_texts()
    staff = " ".join(text for text in tests if "dolt test, för personal" in text)
    assert all(name in staff for name in ("ett tal", "negativa tal", "sex tal"))
    assert all(text.startswith("Rätt") for text in tests)  # the model solution passes all


def test_a_coach_previews_a_task_runs_testa_and_nothing_is_stored(live_server, live_app,
                                                                  page):
    database = live_app.extensions["kodprov_db"]

    def stored() -> tuple[int, int]:
        with database.engine.connect() as connection:
            return (connection.scalar(sa.select(sa.func.count()).select_from(Submission)),
                    connection.scalar(sa.select(sa.func.count()).select_from(Draft)))

    log_in(page, live_server, COACH)
    page.goto(live_server + "/personer/")
    page.get_by_role("link", name="Förhandsvisa uppgifterna").click()
    page.get_by_role("link", name=catalogue.title(TASK, "sv")).click()
    page.wait_for_url(f"**/forhandsvisning/{TASK}")
    assert page.get_by_role("button", name="Lämna in").count() == 0
    before = stored()
    page.locator(".cm-content").first.click()
    page.keyboard.insert_text("\nprint('hej')")
    with page.expect_navigation():  # leaving the editor would save a candidate's draft
        page.get_by_role("button", name="Testa").click()
    result = page.locator("[data-result]").inner_text()
    assert "test" in result.lower()
    assert "print('hej')" in page.locator(".cm-content").first.inner_text()
    assert stored() == before
